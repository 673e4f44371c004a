/*
 * fuzz_stored.c — libFuzzer driver for the stored record (common/stored.c,
 * indexer/stored_cites.c), what `search`, `show` and the corpus model read
 * back from an index that may be damaged on disk.
 *
 * The input is taken three ways: as a stored record (it must parse or be
 * refused with a reason, never crash or leak); as a citation part alone,
 * read citation by citation as the corpus model reads it; and as two parts
 * split at the first NUL packed into a record, which must give the same two
 * parts back.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/stored.h"
#include "indexer/stored_cites.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void read_citation_part(const char *in, size_t size)
{
    vn_stored_cites_reader r;
    size_t count;
    vn_error err;
    vn_status st = vn_stored_cites_open(in, size, &r, &count, &err);
    for (size_t k = 0; st == VN_OK && k < count; k++) {
        vn_citation c;
        vn_cite_place p;
        st = vn_stored_cites_next(&r, &c, &p, &err);
        if (st == VN_OK && (p.text.n > size || p.symbol.n >= VN_SYMBOL_MAX || c.symbol[0] ||
                            c.corrected || c.instrument || c.candidates))
            abort();
    }
    if (st != VN_OK && err.msg[0] == '\0')
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    vn_buf scratch = VN_BUF_INIT;
    json_t *d, *c;
    vn_error err;
    vn_status st = vn_stored_parse(in, size, &scratch, &d, &c, &err);
    if (st == VN_OK ? !json_is_object(d) || !json_is_array(c)
                    : d || c || err.msg[0] == '\0')
        abort();
    json_decref(d);
    json_decref(c);

    read_citation_part(in, size);

    const char *nul = memchr(in, '\0', size);
    size_t first = nul ? (size_t)(nul - in) : size;
    const char *second = nul ? nul + 1 : "";
    size_t second_len = nul ? size - first - 1 : 0;
    vn_buf packed = VN_BUF_INIT;
    if (vn_stored_pack(in, first, second, second_len, &packed, &err) != VN_OK)
        abort();
    const char *doc;
    size_t doc_len;
    if (!vn_stored_document(packed.data, packed.len, &doc, &doc_len) || doc_len != first ||
        memcmp(doc, in, first) != 0)
        abort();
    if (vn_stored_citations(packed.data, packed.len, &scratch, &err) != VN_OK ||
        scratch.len != second_len || memcmp(scratch.data, second, second_len) != 0)
        abort();
    read_citation_part(scratch.data, scratch.len);
    vn_buf_free(&packed);
    vn_buf_free(&scratch);
    return 0;
}
