/* fuzz_symbol.c — loose symbol parsing (what users type in cites: filters
 * and what registry CSV files hold) and strict scanning. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/symbol.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vn_symbol s;
    char out[VN_SYMBOL_MAX];
    const char *text = (const char *)data;
    if (vn_symbol_parse_loose(text, size, "Quy định", &s))
        vn_symbol_format(&s, out);
    if (size && data[0] >= '0' && data[0] <= '9' && vn_symbol_scan(text, size, NULL, true, &s)) {
        vn_symbol_format(&s, out);
        if (!vn_symbol_may_start(text, size))
            abort();    /* the extractor's pre-check would have lost this symbol */
    }
    if (size && data[0] >= '0' && data[0] <= '9') {
        size_t n = vn_symbol_scan_lowercase(text, size, NULL, &s);
        if (n > size)
            abort();
        if (n)
            vn_symbol_format(&s, out);
    }
    size_t start;
    vn_type_word_ending_at(text, size, &start);
    return 0;
}
