void broken(void) { int x = missing; (void)x; }
