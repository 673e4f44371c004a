/*
 * snippet.h — the snippet of a search hit (vn_search_snippet() in search.h
 * is the one-shot form), made without folding every word of the file.
 *
 * A snippet is the best window of SNIPPET_WORDS words, scored on the words
 * whose term forms (terms.h) are among the hit's matching terms.  Folding
 * every word of the file to find them was most of a search's time, so:
 *
 *   1. Each term and the whole text are mapped to a "skeleton": one byte per
 *      code point, the letter without diacritics, lower case (vn_skel_cp()).
 *      A word whose plain or accented form is a term has the term's skeleton,
 *      so only the whitespace-delimited chunks of text where a term's
 *      skeleton occurs (or that hold a code point the skeleton does not
 *      cover) can hold a matching word: the candidates.
 *   2. Words are found (ICU) and folded only in regions around the
 *      candidates, cut where a word always starts, wide enough that every
 *      window that could win lies inside one region.
 *
 * The result is the same snippet, byte for byte, as walking every word
 * (vn_snipper_make_full(), the fallback when the skeleton cannot decide).
 */
#ifndef VN_SNIPPET_H
#define VN_SNIPPET_H

#include <stdbool.h>
#include <stddef.h>
#include "../common/buf.h"
#include "../common/status.h"
#include "search.h"

/* Reusable state (ICU tokenizer, buffers) for the snippets of one search.
 * One per thread. */
typedef struct vn_snipper vn_snipper;

vn_status vn_snipper_new(vn_snipper **out, vn_error *err);
void vn_snipper_free(vn_snipper *s);

/* As vn_search_snippet(). */
vn_status vn_snipper_make(vn_snipper *s, const char *text, size_t len,
                          const char *const *terms, char **snippet, vn_highlight *marks,
                          size_t *mark_count, vn_error *err);

/* The same by folding every word: the reference vn_snipper_make() must
 * equal.  Exposed for tests. */
vn_status vn_snipper_make_full(vn_snipper *s, const char *text, size_t len,
                               const char *const *terms, char **snippet, vn_highlight *marks,
                               size_t *mark_count, vn_error *err);

/*
 * The skeleton byte of code point cp (see above): for ASCII the lower-case
 * byte; for other code points that fold alone (case folding and accent
 * stripping each give one code point, stripping the case-folded one gives
 * the same, and it never combines with its neighbours) a byte >= 0x80
 * derived from the stripped letter; -1 for the rest, which make their chunk
 * a candidate.  Thread-safe; computed once per code point.
 */
int vn_skel_cp(int cp);

/* Appends the skeleton of a term to key; false if a code point of it has
 * none (the caller must then fold every word). */
bool vn_skel_key(const char *term, size_t len, vn_buf *key);

/* A byte range [start, end) of text. */
typedef struct vn_span {
    size_t start, end;
} vn_span;

/*
 * The candidate chunks of text for the skeleton keys (count nkeys), in
 * order, each a maximal run without ASCII whitespace.  *chunks is
 * reallocated as needed (capacity *cap).  Exposed for tests.
 */
vn_status vn_snippet_candidates(const char *text, size_t len, const vn_buf *keys,
                                size_t nkeys, vn_span **chunks, size_t *count, size_t *cap,
                                vn_error *err);

#endif
