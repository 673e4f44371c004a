/*
 * tokenize.c — word tokens by ICU word breaking (see tokenize.h).
 *
 * ICU reads the UTF-8 text in place through a UText, so no UTF-16 copy of
 * a document is ever made and the break positions ICU returns are already
 * byte offsets.  Both the break iterator and the UText live in the
 * tokenizer and are re-pointed at each new text: opening an iterator loads
 * the break rules, which costs far more than tokenizing a page.
 */
#include "tokenize.h"

#include <stdint.h>
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

struct vn_tokenizer {
    UBreakIterator *brk;
    UText text;
};

vn_status vn_tokenizer_open(vn_tokenizer **out, vn_error *err)
{
    *out = NULL;
    vn_tokenizer *t = malloc(sizeof *t);
    if (!t)
        return vn_error_set(err, VN_ERR_NOMEM, "tokenizer: out of memory");
    t->text = (UText)UTEXT_INITIALIZER;
    UErrorCode st = U_ZERO_ERROR;
    /* The Vietnamese locale has no tailoring of its own; naming it keeps
     * the choice visible and picks up one if ICU ever ships it. */
    t->brk = ubrk_open(UBRK_WORD, "vi", NULL, 0, &st);
    if (U_FAILURE(st)) {
        free(t);
        return vn_error_set(err, VN_ERR_NOMEM,
                            "tokenizer: cannot open the ICU word break iterator (%s); "
                            "check the ICU data installation",
                            u_errorName(st));
    }
    *out = t;
    return VN_OK;
}

void vn_tokenizer_close(vn_tokenizer *t)
{
    if (!t)
        return;
    ubrk_close(t->brk);
    utext_close(&t->text);
    free(t);
}

vn_status vn_tokenize(vn_tokenizer *t, const char *text, size_t len,
                      int (*emit)(void *ctx, vn_token tok), void *ctx,
                      vn_error *err)
{
    /* ICU's break iterator speaks int32_t offsets. */
    if (len > INT32_MAX)
        return vn_error_set(err, VN_ERR_USAGE,
                            "tokenizer: a text of %zu bytes is over the 2 GiB ICU limit; "
                            "split the document",
                            len);
    if (len == 0)
        return VN_OK;
    UErrorCode st = U_ZERO_ERROR;
    utext_openUTF8(&t->text, text, (int64_t)len, &st);
    ubrk_setUText(t->brk, &t->text, &st);
    if (U_FAILURE(st))
        return vn_error_set(err, VN_ERR_NOMEM, "tokenizer: ICU cannot read the text (%s)",
                            u_errorName(st));
    int32_t start = ubrk_first(t->brk);
    for (int32_t end = ubrk_next(t->brk); end != UBRK_DONE; start = end, end = ubrk_next(t->brk)) {
        /* Rule status below UBRK_WORD_NONE_LIMIT marks spaces and
         * punctuation; numbers, letters, kana and ideographs are above. */
        if (ubrk_getRuleStatus(t->brk) < UBRK_WORD_NONE_LIMIT)
            continue;
        if (emit(ctx, (vn_token){(size_t)start, (size_t)end}) != 0)
            break;
    }
    return VN_OK;
}
