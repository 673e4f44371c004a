/*
 * fuzz_doctext.c — libFuzzer driver for the text pipeline: arbitrary bytes
 * through reader, cleaner and normaliser, then every position mapped back
 * to the file, the text tokenized and folded.  Beyond memory errors (ASan,
 * UBSan) it checks the pipeline's promises: the text is valid UTF-8, and
 * file positions are in range and never go backwards.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "common/text.h"
#include "common/utf8.h"
#include "common/tokenize.h"
#include "indexer/doctext.h"

static int count_token(void *ctx, vn_token tok)
{
    (void)tok;
    ++*(size_t *)ctx;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static vn_tokenizer *tok;
    vn_error err;
    if (!tok && vn_tokenizer_open(&tok, &err) != VN_OK)
        abort();

    vn_doctext dt;
    if (vn_doctext_from_bytes("fuzz.txt", data, size, &dt, &err) != VN_OK)
        return 0;

    /* The text is valid UTF-8 (utf8proc rejects surrogates and overlongs). */
    for (utf8proc_ssize_t i = 0; (size_t)i < dt.len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)dt.text + i,
                                              (utf8proc_ssize_t)(dt.len - (size_t)i), &cp);
        if (n <= 0 || cp == 0)
            abort();
        i += n;
    }
    if (strlen(dt.text) != dt.len)
        abort();

    /* Up to ~32 positions: each column costs a scan of its line, and with
     * more positions this check, not the pipeline, was most of every run. */
    size_t step = dt.len / 32 + 1;
    vn_filepos prev = {0, 1, 1};
    /* positions are bytes of the file, or of an HTML page's or an office
     * document's text (reader.h), which is not the file */
    vn_encoding enc = dt.decoded.encoding;
    size_t limit = enc == VN_ENC_HTML || enc == VN_ENC_DOCX || enc == VN_ENC_ODT
                       ? dt.decoded.map.in_len
                       : size;
    for (size_t x = 0; x <= dt.len; x += step) {
        vn_filepos p = vn_doctext_filepos(&dt, x);
        if (p.byte > limit || p.line < 1 || p.line > dt.line_count || p.column < 1)
            abort();
        if (p.byte < prev.byte || p.line < prev.line)
            abort();
        /* an end: never past the same offset as a start, never before the
         * start of the character it ends */
        vn_filepos e = vn_doctext_end_filepos(&dt, x);
        int cp;
        size_t last = x ? x - vn_utf8_prev(dt.text, x, &cp) : 0;
        if (e.byte > p.byte || e.byte < vn_doctext_filepos(&dt, last).byte)
            abort();
        prev = p;
    }
    if (vn_doctext_filepos(&dt, dt.len).byte != limit)
        abort();

    size_t tokens = 0;
    if (vn_tokenize(tok, dt.text, dt.len, count_token, &tokens, &err) != VN_OK)
        abort();

    vn_buf b = VN_BUF_INIT;
    if (vn_text_casefold(dt.text, dt.len, &b) != VN_OK)
        abort();
    b.len = 0;
    if (vn_text_unaccent(dt.text, dt.len, &b) != VN_OK)
        abort();
    (void)vn_text_has_accents(dt.text, dt.len);
    /* Normalising normalised text changes nothing. */
    b.len = 0;
    if (vn_text_normalize(dt.text, dt.len, &b, NULL) != VN_OK ||
        b.len != dt.len || (dt.len && memcmp(b.data, dt.text, dt.len) != 0))
        abort();
    vn_buf_free(&b);
    vn_doctext_free(&dt);
    return 0;
}
