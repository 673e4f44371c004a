/*
 * walk.h — expands the paths a user gives into the document files to read.
 *
 * A file named on the command line is taken whatever its name.  A folder is
 * walked recursively for text documents (.txt, .md, .text, .docx, .odt); hidden entries
 * and Word's "~$…" owner files are skipped, symbolic links to files are followed but links to folders
 * are not (so a link loop cannot trap the walk).  The result is sorted so
 * every run sees files in the same order.
 */
#ifndef VN_WALK_H
#define VN_WALK_H

#include <stddef.h>
#include "../common/status.h"

typedef struct vn_pathlist {
    char **paths;
    size_t count, cap;
} vn_pathlist;

/* Problems with one path (missing, unreadable folder) go to `problem` and
 * the walk goes on; only running out of memory is an error. */
typedef void (*vn_walk_problem_fn)(void *ctx, const vn_error *problem);

vn_status vn_walk(char *const *paths, size_t count, vn_pathlist *out,
                  vn_walk_problem_fn problem, void *ctx, vn_error *err);

void vn_pathlist_free(vn_pathlist *l);

#endif
