struct value {
  int Kind;
};
extern struct value *Top;
void fail(void) __attribute__((noreturn));
int token(void);
void operand(void);
