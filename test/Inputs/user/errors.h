/* A project header (not a system header) declaring the project's error
   functions without bodies. */
#ifndef USER_ERRORS_H
#define USER_ERRORS_H
void project_error(const char *msg);
void project_warning(const char *msg);
void *project_error_alloc(int n);
#endif
