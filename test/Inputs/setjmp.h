/* Mock <setjmp.h>, shaped like glibc's: setjmp and sigsetjmp are macros
   for _setjmp and __sigsetjmp, so what the AST calls is not what the user
   wrote. */
#ifndef MOCK_SETJMP_H
#define MOCK_SETJMP_H
typedef long __jmp_buf[8];
struct __jmp_buf_tag {
  __jmp_buf __jmpbuf;
  int __mask_was_saved;
  unsigned long __saved_mask[16];
};
typedef struct __jmp_buf_tag jmp_buf[1];
typedef struct __jmp_buf_tag sigjmp_buf[1];

extern int setjmp(jmp_buf __env);
extern int _setjmp(struct __jmp_buf_tag __env[1]);
extern int __sigsetjmp(struct __jmp_buf_tag __env[1], int __savemask);
#define setjmp(env) _setjmp(env)
#define sigsetjmp(env, savemask) __sigsetjmp(env, savemask)

extern void longjmp(struct __jmp_buf_tag __env[1], int __val)
    __attribute__((__noreturn__));
extern void _longjmp(struct __jmp_buf_tag __env[1], int __val)
    __attribute__((__noreturn__));
extern void siglongjmp(sigjmp_buf __env, int __val)
    __attribute__((__noreturn__));
#endif
