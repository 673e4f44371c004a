/*
 * fuzz_stream_cache.c — libFuzzer driver for DB/stream.cache
 * (query/stream_cache.c) and the resolver table it restores
 * (vn_resolve_table_restore), a file that sits in the index folder and may
 * be cut short, overwritten or left by another build.
 *
 * The input is read as a cache image under the key "fuzz", its checksum made
 * right.  It must be refused with a reason, or read into rows whose strings
 * are UTF-8 and dates real; restored (or refused) as a table, a few citations
 * of every kind the table answers for are resolved against it; the image is
 * written again and read back the same.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/utf8.h"
#include "indexer/extract.h"
#include "indexer/metadata.h"
#include "query/stream_cache.h"
#include "resealed.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Undated yearless symbols (resolved through the table), a Party "Quy định"
 * in both spellings (united through its counts), bare numbers. */
static const char TEXT[] =
    "Thực hiện Kế hoạch số 77-KH/TU của Tỉnh ủy; Quy định số 11-QĐi/TW và Quy định "
    "11-QĐ/TW ngày 12/12/2019; Quyết định số 217 của Ban Chấp hành; Kết luận 120-KL/TW; "
    "Hướng dẫn số 05-HD/BTGTU ngày 01/02/2023.\n";

static bool utf8(const char *s)
{
    return vn_utf8_valid(s, strlen(s));
}

static void resolve_some(const vn_resolve_table *t)
{
    vn_extract_result x;
    vn_error err;
    if (vn_extract(TEXT, sizeof TEXT - 1, NULL, &x, &err) != VN_OK)
        abort();
    vn_docmeta meta;
    memset(&meta, 0, sizeof meta);
    vn_resolve_doc doc = {&meta, &x.citations};
    vn_status st = vn_resolve_with(&doc, 1, t, NULL, &err);
    if (st != VN_OK && st != VN_ERR_NOMEM)
        abort();
    for (size_t k = 0; st == VN_OK && k < x.citations.count; k++) {
        const vn_citation *c = &x.citations.items[k];
        if (c->instrument && !utf8(c->instrument))
            abort();
    }
    vn_extract_result_free(&x);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *image = resealed_copy(data, size);
    if (!image)
        return 0;
    vn_stream_cache c;
    vn_error err;
    if (vn_stream_cache_parse(image, size, "fuzz", &c, &err) != VN_OK) {
        if (err.msg[0] == '\0' || c.united || c.written || c.files)
            abort();
        free(image);
        return 0;
    }
    for (size_t i = 0; i < c.united_count; i++)
        if (!utf8(c.united[i].symbol) || !vn_date_valid(c.united[i].date))
            abort();
    for (size_t i = 0; i < c.written_count; i++)
        if (!utf8(c.written[i].symbol) || !utf8(c.written[i].type_word) ||
            !vn_date_valid(c.written[i].date))
            abort();
    for (size_t i = 0; i < c.file_count; i++)
        if (!utf8(c.files[i]))
            abort();
    vn_resolve_table *t = NULL;
    vn_status st = vn_resolve_table_restore(c.united, c.united_count, c.written,
                                            c.written_count, &t, &err);
    if (st != VN_OK && (st != VN_ERR_PARSE || err.msg[0] == '\0' || t))
        abort();
    if (t) {
        resolve_some(t);
        vn_buf again = VN_BUF_INIT;
        vn_stream_cache back;
        if (vn_stream_cache_image("fuzz", t, c.files, c.file_count, &again, &err) == VN_OK) {
            if (vn_stream_cache_parse(again.data, again.len, "fuzz", &back, &err) != VN_OK ||
                back.file_count != c.file_count ||
                back.written_count != vn_resolve_table_written_count(t) ||
                back.united_count != vn_resolve_table_united_count(t))
                abort();
            vn_stream_cache_free(&back);
        }
        vn_buf_free(&again);
        vn_resolve_table_free(t);
    }
    vn_stream_cache_free(&c);
    free(image);
    return 0;
}
