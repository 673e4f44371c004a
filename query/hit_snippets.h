/*
 * hit_snippets.h — the snippets of a page of search hits, on several
 * threads (internal to query/).
 *
 * Each snippet reads its plan from disk and runs it through the text
 * pipeline (read, decode, clean, NFC: about 0.4 ms for a 16 KB plan), ten
 * a page; the hits are independent, so they are shared out among the
 * cores, one snipper (tokenizer and buffers) a thread.
 */
#ifndef VN_HIT_SNIPPETS_H
#define VN_HIT_SNIPPETS_H

#include <stddef.h>

#include "../common/status.h"
#include "search.h"

typedef struct vn_hit_snippet_job {
    const char *path;       /* the document's file */
    const char *stamp;      /* its stamp when indexed (VN_SLOT_STAMP), or NULL */
    const char *title;      /* the snippet when the file cannot be read */
    vn_search_hit *hit;     /* gets snippet, marks, mark_count and stale */
} vn_hit_snippet_job;

/*
 * Makes every job's snippet for `terms` (NULL-terminated, as written in the
 * query).  A file that changed or vanished since indexing marks its hit
 * stale; one that cannot be read gets its title.  The error is the first
 * job's, in page order; the hits done keep what they got.
 */
vn_status vn_hit_snippets(vn_hit_snippet_job *jobs, size_t n, const char *const *terms,
                          vn_error *err);

#endif
