struct lexer {
  int line;
};
struct session {
  int depth;
};
void fail(void) __attribute__((noreturn));
void lexInit(struct lexer *L);
void lexNext(struct lexer *L);
void runGuarded(struct session *S);
