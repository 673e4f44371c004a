/* fuzz_extract.c — bytes as a document file: text pipeline, citation
 * extraction, metadata, resolution and JSON records must never crash. */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "indexer/analyze.h"
#include "indexer/docjson.h"
#include "indexer/resolve.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vn_analysis a;
    vn_error err;
    if (vn_analyze_bytes("fuzz.txt", data, size, NULL, &a, &err) != VN_OK)
        return 0;
    vn_resolve_doc d = {&a.meta, &a.extract.citations};
    vn_resolve(&d, 1, NULL, &err);
    json_decref(vn_document_json(&a));
    for (size_t k = 0; k < a.extract.citations.count; k++)
        json_decref(vn_citation_json(&a, &a.extract.citations.items[k]));
    vn_analysis_free(&a);
    return 0;
}
