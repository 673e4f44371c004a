/*
 * registry_alias.c — finds the registry's alias names in text ("Luật Tiếp
 * công dân" at a "Luật" of a document).
 *
 * Alias matching runs at every "Luật"/"Bộ luật"/"Pháp lệnh" of every
 * document: it case-folds a short window of the text once, without
 * allocating, and keeps for each folded character the byte offset it came
 * from, so a match is reported in bytes of the original text.
 */
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "registry_parts.h"

/* Folding window of vn_registry_match_alias: the longest alias plus the
 * largest folded character cluster we accept (a cluster is a character and
 * its combining marks). */
#define SEGMENT_CPS_MAX 16
#define WINDOW_MAX (ALIAS_FOLDED_MAX + 4 * SEGMENT_CPS_MAX * 4)

/*
 * A case-folded window over the start of a text, folded lazily: only as far
 * as some alias still agrees with it.  Text is folded one cluster (a
 * starter and the combining marks after it) at a time, which for NFC input
 * gives the same bytes as folding the whole string; boundary[k] says a
 * cluster ends at folded offset k, orig[k] where it ended in the text.
 */
typedef struct fold_window {
    const char *src;
    size_t src_len, pos;    /* pos: original bytes folded so far */
    bool done;              /* end of text, invalid UTF-8, or window full */
    char text[WINDOW_MAX];
    size_t len;
    bool boundary[WINDOW_MAX + 1];
    uint32_t orig[WINDOW_MAX + 1];
} fold_window;

static void fold_init(fold_window *w, const char *text, size_t len)
{
    w->src = text;
    w->src_len = len > UINT32_MAX ? UINT32_MAX : len;
    w->pos = 0;
    w->done = false;
    w->len = 0;
    w->boundary[0] = true;
    w->orig[0] = 0;
}

static bool is_combining(utf8proc_int32_t cp)
{
    return utf8proc_get_property(cp)->combining_class != 0;
}

/* Folds the next cluster; false when there is none to fold. */
static bool fold_more(fold_window *w)
{
    const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)w->src;
    size_t pos = w->pos, len = w->src_len, end = pos;
    if (w->done || pos >= len)
        return false;
    w->done = true;             /* until this cluster succeeds */
    int cps = 0;
    bool ascii = u[pos] < 0x80;
    while (end < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(u + end, (utf8proc_ssize_t)(len - end), &cp);
        if (n <= 0) {
            if (end == pos)
                return false;   /* invalid UTF-8: the window stops here */
            break;
        }
        if (end > pos) {
            if (!is_combining(cp))
                break;
            ascii = false;
        }
        if (++cps > SEGMENT_CPS_MAX)
            return false;
        end += (size_t)n;
    }
    size_t out;
    if (ascii) {
        char c = w->src[pos];
        if (w->len + 1 > WINDOW_MAX)
            return false;
        w->text[w->len] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        out = 1;
    } else {
        /* one spare slot: utf8proc_reencode writes a NUL after the text */
        utf8proc_int32_t buf[SEGMENT_CPS_MAX * 4 + 1];
        utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
        utf8proc_ssize_t n = utf8proc_decompose(u + pos, (utf8proc_ssize_t)(end - pos), buf,
                                                SEGMENT_CPS_MAX * 4, opt);
        if (n < 0 || n > SEGMENT_CPS_MAX * 4)
            return false;
        n = utf8proc_reencode(buf, n, opt);
        if (n <= 0 || w->len + (size_t)n > WINDOW_MAX)
            return false;
        memcpy(w->text + w->len, buf, (size_t)n);
        for (size_t k = 1; k < (size_t)n; k++)
            w->boundary[w->len + k] = false;
        out = (size_t)n;
    }
    w->len += out;
    w->boundary[w->len] = true;
    w->orig[w->len] = (uint32_t)end;
    w->pos = end;
    w->done = false;
    return true;
}

/* True if the folded window starts with s[0..n), folding more as needed. */
static bool fold_starts_with(fold_window *w, const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        while (k >= w->len)
            if (!fold_more(w))
                return false;
        if (w->text[k] != s[k])
            return false;
    }
    return true;
}

/* A name ends at a word boundary: no letter, digit or mark follows. */
static bool word_ends_at(const char *text, size_t len, size_t pos)
{
    if (pos >= len)
        return true;
    utf8proc_int32_t cp;
    if (utf8proc_iterate((const utf8proc_uint8_t *)text + pos, (utf8proc_ssize_t)(len - pos),
                         &cp) <= 0)
        return true;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return false;
    default:
        return true;
    }
}

static bool alias_dated(const vn_alias *a)
{
    return a->cited_from.year != 0 || a->cited_until.year != 0;
}

/* Does alias a apply to a document dated `citing` (year 0 = unknown)? */
static bool alias_applies(const vn_registry *r, const vn_alias *a, vn_date citing)
{
    if (citing.year == 0) {
        if (!alias_dated(a))
            return true;
        for (size_t i = 0; i < r->alias_count; i++)
            if (r->aliases[i].instrument != a->instrument &&
                strcmp(r->aliases[i].folded, a->folded) == 0)
                return false;
        return true;
    }
    if (a->cited_from.year && vn_date_cmp(citing, a->cited_from) < 0)
        return false;
    if (a->cited_until.year && vn_date_cmp(citing, a->cited_until) >= 0)
        return false;
    return true;
}

const vn_alias *vn_registry_match_alias(const vn_registry *r, const char *text, size_t len,
                                        vn_date citing, size_t *matched)
{
    if (matched)
        *matched = 0;
    if (!r || !text || len == 0 || r->alias_count == 0)
        return NULL;
    fold_window w;
    fold_init(&w, text, len);
    const vn_alias *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < r->alias_count; i++) {
        const vn_alias *a = &r->aliases[i];
        size_t n = strlen(a->folded);
        if (n == 0 || n <= best_len || !fold_starts_with(&w, a->folded, n) || !w.boundary[n] ||
            !word_ends_at(text, len, w.orig[n]) || !alias_applies(r, a, citing))
            continue;
        best = a;
        best_len = n;
    }
    if (best && matched)
        *matched = w.orig[best_len];
    return best;
}
