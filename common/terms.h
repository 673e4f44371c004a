/*
 * terms.h — the one definition of which terms a Vietnamese word becomes,
 * used by the indexer (document text -> positional terms) and by the query
 * parser (query word -> term), so that the two can never drift apart.
 *
 * Every word (an ICU word token) has two forms:
 *   plain     case-folded, diacritics stripped, đ -> d     "ban", "dan", "di"
 *   accented  case-folded NFC, tone mark placed the
 *             traditional way (hòa, khỏe, thủy)           "bàn", "dân", "đi"
 * The index holds, at the word's position, the plain form, and the
 * accented form too when it differs (docs/INDEX.md measures why).  A query
 * word typed without diacritics searches the plain form, so it matches
 * every accented spelling; a word typed with diacritics searches its
 * accented form, so "bàn" matches neither "bán" nor "bản".  Either way a
 * query word is ONE term, so phrases are ordinary Xapian phrases, mixed
 * ("dân chu") included.
 */
#ifndef VN_TERMS_H
#define VN_TERMS_H

#include <stdbool.h>
#include <stddef.h>
#include "buf.h"
#include "status.h"
#include "tokenize.h"
#include "xapian.h"

/*
 * Word terms are cut to this many bytes (at a character boundary) on both
 * sides, leaving room under Xapian's 245-byte limit for a field prefix.
 */
#define VN_TERM_WORD_MAX 240

typedef struct vn_termgen vn_termgen;

/* `tok` is borrowed and must outlive the generator.  One per thread. */
vn_status vn_termgen_new(vn_tokenizer *tok, vn_termgen **out, vn_error *err);
void vn_termgen_free(vn_termgen *g);

typedef struct vn_word_forms {
    const char *accented;  /* NUL-terminated */
    size_t accented_len;
    const char *plain;     /* NUL-terminated */
    size_t plain_len;
    bool has_accents;      /* the two forms differ */
} vn_word_forms;

/*
 * Both forms of one word (NFC UTF-8).  The strings live in the generator
 * and stay valid until its next call.
 */
vn_status vn_termgen_word(vn_termgen *g, const char *word, size_t len,
                          vn_word_forms *out, vn_error *err);

/* Receives the byte range [start, end) of one word of `text`; non-VN_OK
 * stops the walk. */
typedef vn_status (*vn_word_fn)(void *ctx, const char *text, size_t start, size_t end,
                                vn_error *err);

/*
 * The words of NFC `text` exactly as the index sees them (ICU word tokens,
 * split at a '.' that is not between two digits), in order: what a snippet
 * highlighter walks to find the words a hit's matching terms came from.
 */
vn_status vn_termgen_words(vn_termgen *g, const char *text, size_t len, vn_word_fn fn,
                           void *ctx, vn_error *err);

/* Receives one term at one position; non-VN_OK stops the run. */
typedef vn_status (*vn_term_emit)(void *ctx, const char *term, size_t len,
                                  unsigned pos, vn_error *err);

/*
 * Emits, for each word of NFC `text` at position *pos, *pos+1 …:
 * the plain form, then the accented form if it differs.  On return *pos
 * is the next free position.
 */
vn_status vn_termgen_run(vn_termgen *g, const char *text, size_t len,
                         unsigned *pos, vn_term_emit emit, void *ctx,
                         vn_error *err);

/*
 * Indexes NFC `text` into `doc` as postings under term prefix `prefix`
 * ("" for the body), from the document's current term position, which it
 * advances (see vn_xdoc_termpos()).
 */
vn_status vn_termgen_index(vn_termgen *g, vn_xdoc *doc, const char *prefix,
                           const char *text, size_t len, vn_error *err);

/*
 * The term a query word searches for, appended to `term`: the accented
 * form if the word carries any diacritic or đ, else the plain form.  The
 * word is normalised first (NFC, Đ lookalikes), so any UTF-8 will do.
 * Has the signature of a vn_xword_fn (ctx is unused).
 */
vn_status vn_terms_query_word(void *ctx, const char *word, size_t len,
                              vn_buf *term, vn_error *err);

#endif
