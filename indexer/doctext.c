/*
 * doctext.c — one document through the text pipeline (see doctext.h):
 * reader -> cleaner -> normaliser, keeping each stage's offmap so that an
 * offset in the final text can be shown as a byte, line and column of the
 * file the user has.
 */
#include "doctext.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "../common/buf.h"
#include "../common/text.h"
#include "../common/utf8.h"
#include "cleaner.h"

void vn_doctext_free(vn_doctext *dt)
{
    free(dt->path);
    vn_decoded_free(&dt->decoded);
    free(dt->cleaned);
    vn_offmap_free(&dt->clean_map);
    free(dt->text);
    vn_offmap_free(&dt->norm_map);
    free(dt->line_starts);
    *dt = (vn_doctext){0};
}

/* Lines are counted in the decoded text, where line ends are already LF
 * and nothing has been removed, so they are the lines of the file.  A text
 * that ends with LF has an empty last line: the position after the final
 * newline is shown as its first column, as editors do. */
static vn_status index_lines(vn_doctext *dt)
{
    const char *s = dt->decoded.text;
    size_t len = dt->decoded.len, count = 1;
    for (const char *p = s; (p = memchr(p, '\n', (size_t)(s + len - p))) != NULL; p++)
        count++;
    dt->line_starts = malloc(count * sizeof *dt->line_starts);
    if (!dt->line_starts)
        return VN_ERR_NOMEM;
    size_t n = 0;
    dt->line_starts[n++] = 0;
    for (const char *p = s; (p = memchr(p, '\n', (size_t)(s + len - p))) != NULL; p++)
        dt->line_starts[n++] = (size_t)(p + 1 - s);
    dt->line_count = count;
    return VN_OK;
}

/* Runs the stages after decoding; dt->decoded and dt->path are set. */
static vn_status run_pipeline(vn_doctext *dt, vn_error *err)
{
    vn_buf buf = VN_BUF_INIT;
    vn_status st = vn_clean_markup(dt->decoded.text, dt->decoded.len, &buf, &dt->clean_map);
    if (st == VN_OK && (dt->cleaned = vn_buf_steal(&buf, &dt->cleaned_len)) == NULL)
        st = VN_ERR_NOMEM;
    if (st == VN_OK)
        st = vn_text_normalize(dt->cleaned, dt->cleaned_len, &buf, &dt->norm_map);
    if (st == VN_OK && (dt->text = vn_buf_steal(&buf, &dt->len)) == NULL)
        st = VN_ERR_NOMEM;
    if (st == VN_OK)
        st = index_lines(dt);
    vn_buf_free(&buf);
    if (st == VN_OK)
        return st;
    return vn_error_set(err, st, "%s: %s while preparing the text", dt->path,
                        vn_status_name(st));
}

static vn_status start(const char *name, vn_doctext *dt, vn_error *err)
{
    *dt = (vn_doctext){0};
    dt->path = strdup(name);
    if (!dt->path)
        return vn_error_set(err, VN_ERR_NOMEM, "%s: out of memory", name);
    return VN_OK;
}

static vn_status finish(vn_doctext *dt, vn_status st, vn_error *err)
{
    if (st == VN_OK)
        st = run_pipeline(dt, err);
    if (st != VN_OK)
        vn_doctext_free(dt);
    return st;
}

vn_status vn_doctext_load(const char *path, vn_doctext *dt, vn_error *err)
{
    vn_status st = start(path, dt, err);
    if (st != VN_OK)
        return st;
    return finish(dt, vn_read_file(path, &dt->decoded, err), err);
}

vn_status vn_doctext_from_bytes(const char *name, const unsigned char *bytes, size_t n,
                                vn_doctext *dt, vn_error *err)
{
    vn_status st = start(name, dt, err);
    if (st != VN_OK)
        return st;
    return finish(dt, vn_decode_bytes(name, bytes, n, &dt->decoded, err), err);
}

size_t vn_doctext_decoded_offset(const vn_doctext *dt, size_t text_offset)
{
    if (text_offset > dt->len)
        text_offset = dt->len;
    size_t cleaned = vn_offmap_to_input(&dt->norm_map, text_offset);
    size_t decoded = vn_offmap_to_input(&dt->clean_map, cleaned);
    return decoded > dt->decoded.len ? dt->decoded.len : decoded;
}

static bool is_mark(int cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

/* An offset maps to the input after whatever the cleaner removed there, as a
 * start should; an end should not take in the "**" of "28/QĐ-UBND**".  So
 * the end is found through the last character: where it starts in the
 * decoded text, plus it and its combining marks. */
size_t vn_doctext_decoded_end(const vn_doctext *dt, size_t text_end)
{
    size_t end = vn_doctext_decoded_offset(dt, text_end);
    if (text_end == 0 || text_end > dt->len)
        return end;
    int cp;
    size_t last = vn_doctext_decoded_offset(dt, text_end - vn_utf8_prev(dt->text, text_end, &cp));
    if (last >= end)
        return end;
    const char *d = dt->decoded.text;
    size_t k = last + vn_utf8_next(d + last, end - last, &cp);
    while (k < end) {
        size_t n = vn_utf8_next(d + k, end - k, &cp);
        if (!is_mark(cp))
            break;
        k += n;
    }
    return k;
}

size_t vn_doctext_file_byte(const vn_doctext *dt, size_t text_offset)
{
    return vn_offmap_to_input(&dt->decoded.map, vn_doctext_decoded_offset(dt, text_offset));
}

vn_filepos vn_doctext_filepos(const vn_doctext *dt, size_t text_offset)
{
    return vn_doctext_decoded_filepos(dt, vn_doctext_decoded_offset(dt, text_offset));
}

vn_filepos vn_doctext_end_filepos(const vn_doctext *dt, size_t text_end)
{
    return vn_doctext_decoded_filepos(dt, vn_doctext_decoded_end(dt, text_end));
}

vn_filepos vn_doctext_decoded_filepos(const vn_doctext *dt, size_t decoded)
{
    vn_filepos pos = {.byte = vn_offmap_to_input(&dt->decoded.map, decoded)};
    /* The line holding `decoded`: the last line start <= decoded. */
    size_t lo = 0, hi = dt->line_count;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (dt->line_starts[mid] <= decoded)
            lo = mid;
        else
            hi = mid;
    }
    size_t line_start = dt->line_count ? dt->line_starts[lo] : 0;
    pos.line = lo + 1;
    pos.column = 1 + vn_utf8_count(dt->decoded.text + line_start, decoded - line_start);
    return pos;
}
