/* analyze.c — the per-document front end (see analyze.h). */
#include "analyze.h"

#include <stdlib.h>
#include <string.h>

static vn_status analyze_loaded(const vn_registry *registry, vn_analysis *a, vn_error *err)
{
    vn_status st = vn_extract(a->doc.text, a->doc.len, registry, &a->extract, err);
    if (st != VN_OK) {
        vn_doctext_free(&a->doc);
        return st;
    }
    vn_metadata_read(a->doc.text, a->doc.len, &a->extract, &a->meta);
    return VN_OK;
}

vn_status vn_analyze_file(const char *path, const vn_registry *registry, vn_analysis *a,
                          vn_error *err)
{
    memset(a, 0, sizeof *a);
    vn_status st = vn_doctext_load(path, &a->doc, err);
    if (st != VN_OK)
        return st;
    return analyze_loaded(registry, a, err);
}

vn_status vn_analyze_bytes(const char *name, const unsigned char *bytes, size_t n,
                           const vn_registry *registry, vn_analysis *a, vn_error *err)
{
    memset(a, 0, sizeof *a);
    vn_status st = vn_doctext_from_bytes(name, bytes, n, &a->doc, err);
    if (st != VN_OK)
        return st;
    return analyze_loaded(registry, a, err);
}

void vn_analysis_free(vn_analysis *a)
{
    vn_extract_result_free(&a->extract);
    vn_doctext_free(&a->doc);
    memset(a, 0, sizeof *a);
}

/* text offset -> offset in the decoded text (before cleaning and NFC) */
static size_t to_decoded(const vn_doctext *d, size_t off)
{
    return vn_offmap_to_input(&d->clean_map, vn_offmap_to_input(&d->norm_map, off));
}

char *vn_analysis_as_written(const vn_analysis *a, size_t start, size_t end)
{
    const vn_doctext *d = &a->doc;
    size_t s = to_decoded(d, start), e = to_decoded(d, end);
    if (e < s || e > d->decoded.len)
        e = s;
    char *out = malloc(e - s + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t k = s; k < e; k++) {
        char ch = d->decoded.text[k];
        if (ch == '\n' || ch == '\t' || ch == '\r') {
            if (o == 0 || out[o - 1] != ' ')
                out[o++] = ' ';
        } else {
            out[o++] = ch;
        }
    }
    out[o] = '\0';
    return out;
}
