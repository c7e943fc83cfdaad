/* The driver: sets up, compiles under compile()'s recover point, links. */
int compile(void);
void setup(int);
void link(int);

int main(int argc, char **argv) {
  (void)argv;
  setup(argc);
  if (compile() != 0)
    return 1;
  link(argc);
  return 0;
}
