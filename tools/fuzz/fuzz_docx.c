/*
 * fuzz_docx.c — libFuzzer driver for the .docx reader (indexer/docx.h).
 *
 * The first byte picks what the rest is: even, a whole archive (libzip's
 * reading, the size cap, a missing document part); odd, the XML of
 * word/document.xml and, after the first NUL, word/footnotes.xml (or, when
 * bit 1 is set too, an OpenDocument content.xml), put into a valid archive
 * here so that mutations reach the XML walk instead of dying at the
 * archive's checksums.  Beyond memory errors (ASan, UBSan) it
 * checks the reader's promise: text that is valid UTF-8 without NUL, which
 * the text pipeline then takes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "indexer/docx.h"
#include "indexer/reader.h"
#include "zip_parts.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const unsigned char *bytes = data + 1;
    size_t n = size - 1;
    unsigned char *archive = NULL;
    if ((data[0] & 3) == 3) {
        static const char mimetype[] = "application/vnd.oasis.opendocument.text";
        const char *names[] = {"mimetype", "content.xml"};
        const void *parts[] = {mimetype, bytes};
        size_t lens[] = {sizeof mimetype - 1, n};
        archive = zip_parts(2, names, parts, lens, &n);
        if (!archive)
            abort();
        bytes = archive;
    } else if (data[0] & 1) {
        const unsigned char *nul = memchr(bytes, 0, n);
        size_t doc_len = nul ? (size_t)(nul - bytes) : n;
        const char *names[] = {"word/document.xml", "word/footnotes.xml"};
        const void *parts[] = {bytes, nul ? nul + 1 : bytes};
        size_t lens[] = {doc_len, nul ? n - doc_len - 1 : 0};
        archive = zip_parts(nul ? 2 : 1, names, parts, lens, &n);
        if (!archive)
            abort();
        bytes = archive;
    }

    vn_buf text = VN_BUF_INIT;
    vn_error err;
    if (vn_docx_text("fuzz.docx", bytes, n, &text, NULL, &err) == VN_OK) {
        if (!text.data || strlen(text.data) != text.len)
            abort();
        for (utf8proc_ssize_t i = 0; (size_t)i < text.len;) {
            utf8proc_int32_t cp;
            utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)text.data + i,
                                                  (utf8proc_ssize_t)(text.len - (size_t)i), &cp);
            if (k <= 0)
                abort();
            i += k;
        }
        /* the reader takes what the docx reader gives, as a .docx (libzip
         * also opens archives behind other bytes; the reader asks it only
         * about files that start like one) */
        if (vn_docx_magic(bytes, n)) {
            vn_decoded d;
            if (vn_decode_bytes("fuzz.docx", bytes, n, &d, &err) != VN_OK) {
                fprintf(stderr, "the reader refused what the docx reader read: %s\n", err.msg);
                abort();
            }
            if (d.encoding != VN_ENC_DOCX && d.encoding != VN_ENC_ODT)
                abort();
            vn_decoded_free(&d);
        }
    }
    vn_buf_free(&text);
    free(archive);
    return 0;
}
