// With RECOVER_TIDY_FACTS_DIR set (pass 1 of recover-tidy --whole-program),
// the check writes the translation unit's program facts there, one file per
// translation unit, and reports nothing.  A static function is named
// name@file; a callback named in a protected region is a root; a call
// through a pointer records the type called (one through a parameter,
// picall, the parameter too, and a call that passes it something other than
// a function's name, parg; one that names a function, fnarg), and an
// address-taken function its type, or "*" when the address is cast to
// another type, and whether it is stored (named other than as a call's
// argument).  A function
// that assigns a location at the top of its body before anything names it
// sets it afresh (a static variable is named name@file); what a function
// names before it sets it, or without setting it, it reads first.  What
// the recovery path assigns it restores (not what it only reads, Count:
// that use consumes the change, which excuses it in this file alone, and
// the program summary must not excuse it elsewhere); a function with
// external linkage is exported, and an entry when EntryPoints names it.
// Where objects of a record type live: in a frame that does not look at
// them after a call has been given their address (frame), in one that
// does (framein, with the function, the callee of that call and the fields
// it looks at),
// elsewhere (nonframe), or inside another record (within); and where the
// targets of pointer parameters go (hands, pass, and ppass for a call
// through a parameter).
// RUN: rm -rf %t && mkdir -p %t/facts
// RUN: env RECOVER_TIDY_FACTS_DIR=%t/facts \
// RUN:   %clang_tidy -checks='-*,recover-unsafe-state-change' %s \
// RUN:   -config="{CheckOptions: [{key: recover-unsafe-state-change.EntryPoints, value: 'mark;la.*'}]}" \
// RUN:   -- %mock_headers | count 0
// RUN: cat %t/facts/*.facts | FileCheck %s --match-full-lines
// Pass 1 is what makes the summary, so a ProgramSummary that does not
// exist yet is no error then.
// RUN: mkdir -p %t/again && env RECOVER_TIDY_FACTS_DIR=%t/again \
// RUN:   %clang_tidy -checks='-*,recover-unsafe-state-change' %s \
// RUN:   -config="{CheckOptions: [{key: ProgramSummary, value: '%t/not-yet'}, {key: recover-unsafe-state-change.EntryPoints, value: 'mark;la.*'}]}" \
// RUN:   -- %mock_headers 2>&1 | count 0
// RUN: cat %t/again/*.facts | FileCheck %s --match-full-lines
// RUN: env RECOVER_TIDY_FACTS_DIR=%t/missing \
// RUN:   not %clang_tidy -checks='-*,recover-unsafe-state-change' %s -- %mock_headers 2>&1 \
// RUN:   | FileCheck %s -check-prefix=MISSING
// MISSING: error: cannot write the program facts of '{{.*}}program-facts.c' to '{{.*}}missing{{/|\\}}{{[0-9a-f]+}}.facts': {{.*}} [clang-tidy-config]

#include <setjmp.h>

jmp_buf Env;
void (*Handler)(int);
int Count;
static int Seen;

static void onSignal(int Sig) { Count = Sig; }
void visit(void (*Each)(int));
void other(long X) { Count = (int)X; }
void *Opaque = (void *)other;

int run(void) {
  if (setjmp(Env)) {
    Seen = 0;
    return Count ? -1 : -2;
  }
  visit(onSignal);
  Handler(1);
  return 0;
}

void later(void) { Handler(2); }
static void each(void (*Visit)(int)) { Visit(3); }
void every(void) { each(Handler); }

void mark(void) { Seen = 1; }
void bump(void) { Count = Count + 1; }

struct cursor {
  int pos;
};
struct list {
  struct cursor *at;
};
struct list Cursors;
static void advance(struct cursor *C) { C->pos++; }
void scan(void) {
  struct cursor C;
  C.pos = 0;
  advance(&C);
}
void rescan(void) {
  struct cursor C;
  advance(&C);
  Count = C.pos;
}
static void apply(void (*Fn)(struct cursor *), struct cursor *At) { Fn(At); }
void reapply(struct cursor *At) { apply(advance, At); }

// CHECK: recover-tidy facts 1
// CHECK-NEXT: addr	advance@program-facts.c	void (struct cursor *)
// CHECK-NEXT: addr	onSignal@program-facts.c	void (int)
// CHECK-NEXT: addr	other	*
// CHECK-NEXT: afresh	mark	Seen@program-facts.c
// CHECK-NEXT: afresh	onSignal@program-facts.c	Count
// CHECK-NEXT: afresh	other	Count
// CHECK-NEXT: afresh	rescan	Count
// CHECK-NEXT: call	every	each@program-facts.c
// CHECK-NEXT: call	reapply	advance@program-facts.c
// CHECK-NEXT: call	reapply	apply@program-facts.c
// CHECK-NEXT: call	rescan	advance@program-facts.c
// CHECK-NEXT: call	run	onSignal@program-facts.c
// CHECK-NEXT: call	run	visit
// CHECK-NEXT: call	scan	advance@program-facts.c
// CHECK-NEXT: def	advance@program-facts.c
// CHECK-NEXT: def	apply@program-facts.c
// CHECK-NEXT: def	bump
// CHECK-NEXT: def	each@program-facts.c
// CHECK-NEXT: def	every
// CHECK-NEXT: def	later
// CHECK-NEXT: def	mark
// CHECK-NEXT: def	onSignal@program-facts.c
// CHECK-NEXT: def	other
// CHECK-NEXT: def	reapply
// CHECK-NEXT: def	rescan
// CHECK-NEXT: def	run
// CHECK-NEXT: def	scan
// CHECK-NEXT: entry	later
// CHECK-NEXT: entry	mark
// CHECK-NEXT: export	bump
// CHECK-NEXT: export	every
// CHECK-NEXT: export	later
// CHECK-NEXT: export	mark
// CHECK-NEXT: export	other
// CHECK-NEXT: export	reapply
// CHECK-NEXT: export	rescan
// CHECK-NEXT: export	run
// CHECK-NEXT: export	scan
// CHECK-NEXT: fnarg	apply@program-facts.c	0	advance@program-facts.c
// CHECK-NEXT: fnarg	visit	0	onSignal@program-facts.c
// CHECK-NEXT: frame	cursor
// CHECK-NEXT: framein	cursor	rescan	advance@program-facts.c	0	pos
// CHECK-NEXT: icall	later	void (int)
// CHECK-NEXT: icall	run	void (int)
// CHECK-NEXT: iroot	void (int)
// CHECK-NEXT: nonframe	list
// CHECK-NEXT: parg	each@program-facts.c	0	?
// CHECK-NEXT: pass	reapply	0	apply@program-facts.c	1
// CHECK-NEXT: picall	apply@program-facts.c	0	void (struct cursor *)
// CHECK-NEXT: picall	each@program-facts.c	0	void (int)
// CHECK-NEXT: ppass	apply@program-facts.c	1	0	0
// CHECK-NEXT: readfirst	advance@program-facts.c	cursor.pos
// CHECK-NEXT: readfirst	bump	Count
// CHECK-NEXT: readfirst	every	Handler
// CHECK-NEXT: readfirst	later	Handler
// CHECK-NEXT: readfirst	run	Count
// CHECK-NEXT: readfirst	run	Env
// CHECK-NEXT: readfirst	run	Handler
// CHECK-NEXT: readfirst	run	Seen@program-facts.c
// CHECK-NEXT: recovers	run
// CHECK-NEXT: restores	Seen@program-facts.c
// CHECK-NEXT: root	onSignal@program-facts.c
// CHECK-NEXT: root	visit
// CHECK-NEXT: stored	other
// CHECK-EMPTY:
