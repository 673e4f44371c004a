/*
 * pending_file.h — files written whole or not at all.  The bytes go to a
 * temporary file beside the final one (same folder, so the rename cannot
 * cross file systems) and are renamed over it only when complete: a reader
 * sees the old file or the new one, never half of one, whatever fails on
 * the way (full disk, a bad option found late, a kill).
 *
 * A path that is a symbolic link is written through: the file it names is
 * replaced, the link stays.  A path that names something other than a
 * regular file (/dev/null, /dev/stdout, a FIFO) is written straight to,
 * since nothing can be renamed over a device without destroying it.
 *
 *   vn_pending_file p;
 *   vn_pending_open(&p, path, err);          then write to p.f
 *   vn_pending_close(&p, err) && vn_pending_commit(&p, err);
 *   vn_pending_discard(&p);                  always: a no-op after a commit
 */
#ifndef VN_PENDING_FILE_H
#define VN_PENDING_FILE_H

#include <stdbool.h>
#include <stdio.h>

#include "status.h"

typedef struct vn_pending_file {
    const char *path;          /* the final name (borrowed) */
    char *tmp;                 /* the name it is written under; NULL when written
                                  straight to path (not a regular file) */
    char *target;              /* what tmp is renamed to: path, or the file a
                                  link at path names */
    FILE *f;
} vn_pending_file;

/* Creates the temporary file (mode 0666 less the umask, like fopen). */
vn_status vn_pending_open(vn_pending_file *p, const char *path, vn_error *err);

/* Closes the temporary file; false after setting err (a write that failed). */
bool vn_pending_close(vn_pending_file *p, vn_error *err);

/* Renames the closed temporary file over the final name. */
vn_status vn_pending_commit(vn_pending_file *p, vn_error *err);

/* Removes the temporary file unless it was committed. */
void vn_pending_discard(vn_pending_file *p);

#endif
