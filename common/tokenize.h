/*
 * tokenize.h — word (syllable) tokens by ICU word breaking.
 *
 * Vietnamese writes one syllable per space-separated word; ICU's word
 * break iterator also splits punctuation and keeps numbers like
 * "59/2023" apart.  Only tokens that contain a letter or a digit are
 * returned.  Offsets are byte offsets in the UTF-8 text given.
 */
#ifndef VN_TOKENIZE_H
#define VN_TOKENIZE_H

#include <stddef.h>
#include "status.h"

typedef struct vn_token {
    size_t start, end;  /* byte range in the text */
} vn_token;

typedef struct vn_tokenizer vn_tokenizer;

/* One tokenizer per thread; reuse it across documents (opening is costly). */
vn_status vn_tokenizer_open(vn_tokenizer **out, vn_error *err);
void vn_tokenizer_close(vn_tokenizer *t);

/* Calls emit(ctx, token) for every word token of text, in order.
 * emit returns 0 to go on, non-zero to stop (still VN_OK).  Text over
 * 2 GiB, ICU's limit, is refused with VN_ERR_USAGE. */
vn_status vn_tokenize(vn_tokenizer *t, const char *text, size_t len,
                      int (*emit)(void *ctx, vn_token tok), void *ctx,
                      vn_error *err);

/* The same, with ICU over the whole text (vn_tokenize() hands ICU only
 * what needs its rules); for tests. */
vn_status vn_tokenize_icu(vn_tokenizer *t, const char *text, size_t len,
                          int (*emit)(void *ctx, vn_token tok), void *ctx,
                          vn_error *err);

#endif
