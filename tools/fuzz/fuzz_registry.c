/*
 * fuzz_registry.c — libFuzzer driver for the registry loader and checker.
 *
 * The input is up to three CSV texts separated by 0xFF bytes (never valid
 * UTF-8, so no real registry contains one): instruments.csv, events.csv,
 * aliases.csv.  A registry that loads must be internally consistent (every
 * index in range, every identity found again by look-up) and survive
 * vn_registry_check and alias matching on its own names and on the input.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "common/registry.h"

/* Problems reach terminals and JSON: the message must be valid UTF-8. */
static void ignore(void *ctx, const vn_registry_problem *p)
{
    (void)ctx;
    if (!p->file || p->message[0] == '\0')
        abort();
    const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)p->message;
    size_t len = strlen(p->message);
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(u + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0)
            abort();
        i += (size_t)n;
    }
}

static void check_consistent(const vn_registry *r)
{
    for (size_t i = 0; i < r->instrument_count; i++) {
        const vn_instrument *in = &r->instruments[i];
        long k = vn_registry_by_id(r, in->id);
        if (k < 0 || strcmp(r->instruments[k].id, in->id) != 0)
            abort();
        size_t idx[4];
        if (vn_registry_by_symbol(r, in->symbol, idx, 4) == 0)
            abort();
    }
    for (size_t i = 0; i < r->event_count; i++) {
        const vn_event *e = &r->events[i];
        if (e->instrument >= r->instrument_count || e->other >= (long)r->instrument_count ||
            e->other < -1)
            abort();
    }
    for (size_t i = 0; i < r->alias_count; i++) {
        const vn_alias *a = &r->aliases[i];
        if (a->instrument >= r->instrument_count)
            abort();
        /* An alias's own name matches itself (for some citing date). */
        size_t m = 0, len = strlen(a->name);
        vn_date when = a->cited_from.year ? a->cited_from : (vn_date){0, 0, 0};
        const vn_alias *got = vn_registry_match_alias(r, a->name, len, when, &m);
        if (got && m > len)
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *part[3] = {NULL, NULL, NULL};
    size_t plen[3] = {0, 0, 0};
    size_t start = 0;
    int n = 0;
    for (size_t i = 0; i <= size && n < 3; i++) {
        if (i == size || data[i] == 0xFF) {
            part[n] = (const char *)data + start;
            plen[n] = i - start;
            n++;
            start = i + 1;
        }
    }
    vn_registry *r = NULL;
    vn_error err;
    vn_status st = vn_registry_load_from_strings(part[0], plen[0], part[1], plen[1], part[2],
                                                 plen[2], &r, ignore, NULL, &err);
    if (st != VN_OK) {
        /* only "not CSV text at all" may fail; a few KiB never run out of memory */
        if (r || err.msg[0] == '\0' || st == VN_ERR_NOMEM)
            abort();
        return 0;
    }
    check_consistent(r);
    if (vn_registry_check(r, ignore, NULL) < r->load_problems)
        abort();
    /* Alias matching at every word start of the input, as the extractor
     * does at every "Luật". */
    for (size_t i = 0; i < size; i++) {
        if (i > 0 && data[i - 1] != ' ' && data[i - 1] != '\n' && data[i - 1] != ',')
            continue;
        size_t m = 0;
        const vn_alias *a = vn_registry_match_alias(r, (const char *)data + i, size - i,
                                                    (vn_date){2024, 3, 25}, &m);
        if ((a && (m == 0 || m > size - i)) || (!a && m != 0))
            abort();
    }
    vn_registry_free(r);
    return 0;
}
