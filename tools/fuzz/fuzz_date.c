/*
 * fuzz_date.c — libFuzzer driver for the date scanner and parsers.
 *
 * Feeds the input to vn_date_scan at every offset (as the extractor does at
 * every "ngày") and to the whole-string parsers, and checks the invariants
 * callers rely on: a scan consumes no more than it was given, and whatever
 * it returns is a valid, ordered range whose text form parses back to it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/date.h"

static void check_range(const vn_date_range *r)
{
    if (r->precision == VN_DATE_NONE || !vn_date_valid(r->first) || !vn_date_valid(r->last) ||
        vn_date_cmp(r->first, r->last) > 0)
        abort();
    if (r->precision == VN_DATE_DAY && vn_date_cmp(r->first, r->last) != 0)
        abort();
    char buf[11];
    vn_date_range back;
    if (!vn_date_parse_iso(vn_date_range_str(r, buf), &back))
        abort();
    if (back.precision != r->precision || vn_date_cmp(back.first, r->first) != 0 ||
        vn_date_cmp(back.last, r->last) != 0)
        abort();
    if (!vn_date_range_contains(r, r->first) || vn_date_range_before(r, r->last))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    for (size_t i = 0; i < size; i++) {
        vn_date_range r;
        size_t n = vn_date_scan(text + i, size - i, &r);
        if (n > size - i)
            abort();
        if (n)
            check_range(&r);
    }

    /* Whole-string parsers take NUL-terminated input. */
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';
    vn_date_range r;
    if (vn_date_parse_dmy(s, &r))
        check_range(&r);
    if (vn_date_parse_iso(s, &r))
        check_range(&r);
    if (vn_date_parse_any(s, &r))
        check_range(&r);
    free(s);
    return 0;
}
