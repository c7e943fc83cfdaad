extern int Depth;
extern int Mode;
void fail(void) __attribute__((noreturn));
void work(void);
int report(int Value);
