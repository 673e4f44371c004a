/*
 * fuzz_outdated_cache.c — libFuzzer driver for DB/outdated.cache
 * (query/outdated_cache.c), a file that sits in the index folder and may be
 * cut short, overwritten or left by another build.
 *
 * The input is read as a cache image under the key "fuzz", with its trailing
 * checksum recomputed so the fuzzer reaches the checks behind it.  It must
 * be refused with a reason or read into an input whose every field is in
 * range; a read input is judged against a small registry, written again and
 * read back the same.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/utf8.h"
#include "query/outdated_cache.h"
#include "resealed.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char INSTRUMENTS[] =
    "symbol,issued,type,issuer,title,in_force,source,confidence,note\n"
    "10/2022/QH15,10/11/2022,Luật,Quốc hội,Thực hiện dân chủ ở cơ sở,01/07/2023,s,high,\n"
    "34/2007/PL-UBTVQH11,20/04/2007,Pháp lệnh,UBTVQH,dân chủ,01/07/2007,s,high,\n"
    "04/2015/NĐ-CP,11/01/2015,Nghị định,Chính phủ,dân chủ,01/03/2015,s,high,\n";
static const char EVENTS[] =
    "instrument,date,event,other,provision,source,confidence,note\n"
    "34/2007/PL-UBTVQH11,01/07/2023,replaced_by,10/2022/QH15,,s,high,\n"
    "04/2015/NĐ-CP,01/07/2023,replaced_by,10/2022/QH15,,s,medium,\n";

static vn_registry *registry(void)
{
    static vn_registry *r;
    vn_error err;
    if (!r && vn_registry_load_from_strings(INSTRUMENTS, sizeof INSTRUMENTS - 1, EVENTS,
                                            sizeof EVENTS - 1, NULL, 0, &r, NULL, NULL,
                                            &err) != VN_OK)
        abort();
    return r;
}

static void check_fields(const vn_outdated_input *in, size_t registry_count)
{
    size_t rows = 0;
    for (size_t d = 0; d < in->doc_count; d++) {
        const vn_outdated_doc *doc = &in->docs[d];
        if (!vn_utf8_valid(doc->file, strlen(doc->file)) || doc->first_row != rows)
            abort();
        rows += doc->row_count;
    }
    if (rows != in->row_count)
        abort();
    for (size_t k = 0; k < in->row_count; k++) {
        const vn_outdated_row *r = &in->rows[k];
        if (r->registry >= registry_count || r->start > r->end ||
            !vn_utf8_valid(r->text, strlen(r->text)) ||
            !vn_utf8_valid(r->instrument, strlen(r->instrument)))
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const vn_registry *reg = registry();
    uint8_t *image = resealed_copy(data, size);
    if (!image)
        return 0;
    vn_outdated_input in;
    vn_error err;
    vn_status st = vn_outdated_cache_parse(image, size, "fuzz", reg->instrument_count, &in, &err);
    if (st != VN_OK) {
        if (err.msg[0] == '\0' || in.docs || in.rows)
            abort();
        free(image);
        return 0;
    }
    check_fields(&in, reg->instrument_count);

    vn_outdated_options opt = {.doc = in.doc_count ? (long)(size % in.doc_count) : -1,
                               .include_partly = true};
    vn_outdated_report report;
    if (vn_outdated_collect(&in, reg, &opt, &report, &err) != VN_OK)
        abort();
    for (size_t i = 0; i < report.count; i++)
        if (report.findings[i].row >= in.row_count || report.findings[i].doc != (size_t)opt.doc)
            abort();
    vn_outdated_report_free(&report);

    vn_buf again = VN_BUF_INIT;
    vn_outdated_input back;
    if (vn_outdated_cache_image("fuzz", &in, &again, &err) == VN_OK) {
        if (vn_outdated_cache_parse(again.data, again.len, "fuzz", reg->instrument_count, &back,
                                    &err) != VN_OK ||
            back.doc_count != in.doc_count || back.row_count != in.row_count)
            abort();
        for (size_t k = 0; k < in.row_count; k++)
            if (strcmp(back.rows[k].text, in.rows[k].text) != 0 ||
                back.rows[k].registry != in.rows[k].registry)
                abort();
        vn_outdated_input_free(&back);
    }
    vn_buf_free(&again);
    vn_outdated_input_free(&in);
    free(image);
    return 0;
}
