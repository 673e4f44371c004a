/*
 * fuzz_html.c — libFuzzer driver for HTML pages (html.h): arbitrary bytes,
 * made to start like a page, through the whole text pipeline (reader, HTML
 * text, cleaner, normaliser).  Beyond memory errors it checks what the
 * pipeline promises: the page is read as HTML, and its text is valid UTF-8
 * without NUL.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/utf8.h"
#include "indexer/doctext.h"
#include "indexer/html.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char doctype[] = "<!DOCTYPE html>";
    bool page = vn_html_magic((const char *)data, size);
    size_t n = size + (page ? 0 : sizeof doctype - 1);
    unsigned char *bytes = malloc(n + 1);
    if (!bytes)
        return 0;
    if (!page)
        memcpy(bytes, doctype, sizeof doctype - 1);
    memcpy(bytes + (n - size), data, size);

    vn_doctext dt;
    vn_error err;
    if (vn_doctext_from_bytes("fuzz.html", bytes, n, &dt, &err) == VN_OK) {
        /* a NUL byte or a binary magic refuses the file before it is a page */
        if (dt.decoded.encoding != VN_ENC_HTML)
            abort();
        if (!vn_utf8_valid(dt.decoded.text, dt.decoded.len) ||
            strlen(dt.decoded.text) != dt.decoded.len || !vn_utf8_valid(dt.text, dt.len))
            abort();
        vn_doctext_free(&dt);
    }
    free(bytes);
    return 0;
}
