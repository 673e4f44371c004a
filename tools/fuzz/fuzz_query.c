/* fuzz_query.c — query strings through the schema's parser: every field
 * filter (cites:, year:, date:, province: …), phrases, boolean syntax and
 * the word -> term rule.  A query may be rejected, never crash; and the
 * parser of a small index (phrases through spellings) accepts exactly what
 * the default parser accepts. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/index_schema.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static vn_xparser *parser, *small;
    if (!parser && (vn_schema_parser_new(NULL, 0, &parser, NULL) != VN_OK ||
                    vn_schema_parser_new(NULL, 0, &small, NULL) != VN_OK ||
                    vn_schema_parser_set_positions(small, VN_POSITIONS_ACCENTED, NULL) != VN_OK))
        abort();
    char *q = malloc(size + 1);
    if (!q)
        return 0;
    memcpy(q, data, size);
    q[size] = '\0';
    vn_xquery *out = NULL;
    vn_error err;
    vn_status st = vn_xparser_parse(parser, q, &out, &err);
    if (st == VN_OK) {
        char *d = vn_xquery_describe(out);
        free(d);
        vn_xquery_destroy(out);
    }
    out = NULL;
    if ((vn_xparser_parse(small, q, &out, &err) == VN_OK) != (st == VN_OK))
        abort();
    vn_xquery_destroy(out);
    free(q);
    return 0;
}
