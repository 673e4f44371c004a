/*
 * status.h — the one error type of vncite.
 *
 * Every fallible function returns a vn_status and, when it fails, fills the
 * caller's vn_error with one human sentence that names the file or argument
 * and says what to do.  Messages are built where the failure is understood
 * and printed in exactly one place (cli/report.c).  Nothing below cli/
 * prints to stdout or stderr.
 */
#ifndef VN_STATUS_H
#define VN_STATUS_H

#include <stdarg.h>
#include <stddef.h>

typedef enum vn_status {
    VN_OK = 0,
    VN_ERR_NOMEM,     /* allocation failed */
    VN_ERR_IO,        /* open/read/write/stat failed (errno text in message) */
    VN_ERR_BINARY,    /* input is not text: NUL bytes, ZIP, PDF … */
    VN_ERR_ENCODING,  /* input cannot be decoded at all */
    VN_ERR_PARSE,     /* malformed data: CSV row, date, query … */
    VN_ERR_USAGE,     /* bad command-line argument */
    VN_ERR_INDEX,     /* the Xapian database failed */
    VN_ERR_LOCKED,    /* another process holds the database */
    VN_ERR_NOTFOUND   /* the thing asked for does not exist */
} vn_status;

#define VN_ERROR_MSG_MAX 512

typedef struct vn_error {
    vn_status code;
    char msg[VN_ERROR_MSG_MAX];
} vn_error;

/* Sets err (if non-NULL) and returns code, so callers can write
 * `return vn_error_set(err, VN_ERR_IO, "%s: %s", path, strerror(errno));` */
vn_status vn_error_set(vn_error *err, vn_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Clears err to VN_OK with an empty message. */
void vn_error_clear(vn_error *err);

/* Short English name of a status code ("I/O error", …); never NULL. */
const char *vn_status_name(vn_status code);

/*
 * Warnings are not errors: the run goes on.  Library code hands them to the
 * sink the caller installed (the CLI prints them on stderr; tests collect
 * them).  With no sink installed warnings are dropped.
 */
typedef void (*vn_warning_sink)(void *ctx, const char *message);
void vn_set_warning_sink(vn_warning_sink sink, void *ctx);
void vn_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
