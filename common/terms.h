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
 *
 * A small index (`vncite index --small`, VN_POSITIONS_ACCENTED) keeps the
 * position on the accented form only and adds the plain form beside it
 * without one (unless the accented form is not among the plain form's
 * spellings, spellings.h: a foreign letter, two tones).  Words then match
 * and rank as before; inside a phrase a plain word is matched through the
 * OR of its spellings (vn_terms_phrase_spellings), which is exact but
 * slower.
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

/* Which word forms keep their positions (see the top of this file). */
typedef enum vn_positions {
    VN_POSITIONS_BOTH,       /* plain and accented: the default, fastest phrases */
    VN_POSITIONS_ACCENTED    /* accented only: a smaller index */
} vn_positions;

/* `tok` is borrowed and must outlive the generator.  One per thread. */
vn_status vn_termgen_new(vn_tokenizer *tok, vn_termgen **out, vn_error *err);
void vn_termgen_free(vn_termgen *g);

/* What vn_termgen_run() and vn_termgen_index() emit (default BOTH). */
void vn_termgen_set_positions(vn_termgen *g, vn_positions positions);

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

/* Receives one term of the word at position `pos`; `positional` says
 * whether the index keeps the position.  Non-VN_OK stops the run. */
typedef vn_status (*vn_term_emit)(void *ctx, const char *term, size_t len,
                                  unsigned pos, bool positional, vn_error *err);

/*
 * Emits, for each word of NFC `text` at position *pos, *pos+1 …:
 *   BOTH      the plain form, then the accented form if it differs, both
 *             positional;
 *   ACCENTED  the accented form (positional), then the plain form if it
 *             differs (not positional, unless the accented form is not one
 *             of its spellings).
 * On return *pos is the next free position.
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

/*
 * The spellings a phrase searches for a query term (as vn_terms_query_word
 * made it) in a small index: for a plain word with letters to spell, every
 * accented spelling (spellings.h), each followed by a NUL, appended to
 * `out` with their number in *count; otherwise (an accented word, a word
 * with nothing to spell or too many spellings) nothing: the term itself
 * has every position.  Has the signature of a vn_xspell_fn (ctx unused).
 */
vn_status vn_terms_phrase_spellings(void *ctx, const char *term, size_t len, vn_buf *out,
                                    size_t *count, vn_error *err);

#endif
