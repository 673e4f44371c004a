/*
 * fuzz_instrument_cache.c — libFuzzer driver for DB/instruments.cache
 * (query/instrument_cache.c), a file that sits in the index folder and may
 * be cut short, overwritten or left by another build.
 *
 * The input is read as a cache image under the key "fuzz", with its trailing
 * checksum recomputed so the fuzzer reaches the checks behind it.  It must
 * be refused with a reason, or read into a table whose every string is
 * UTF-8, whose ids ascend, whose registry indices are in range and whose
 * statuses can be asked; a read table is written again and read back the
 * same.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/utf8.h"
#include "query/instrument_cache.h"
#include "query/outdated.h"
#include "resealed.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char INSTRUMENTS[] =
    "symbol,issued,type,issuer,title,in_force,source,confidence,note\n"
    "10/2022/QH15,10/11/2022,Luật,Quốc hội,Thực hiện dân chủ ở cơ sở,01/07/2023,s,high,\n"
    "34/2007/PL-UBTVQH11,20/04/2007,Pháp lệnh,UBTVQH,dân chủ,01/07/2007,s,high,\n";
static const char EVENTS[] =
    "instrument,date,event,other,provision,source,confidence,note\n"
    "34/2007/PL-UBTVQH11,01/07/2023,replaced_by,10/2022/QH15,,s,high,\n";

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

static bool utf8(const char *s)
{
    return vn_utf8_valid(s, strlen(s));
}

static void check_table(const vn_corpus *c, const vn_registry *reg)
{
    vn_date day = {2024, 6, 1};
    for (size_t i = 0; i < c->instrument_count; i++) {
        const vn_corpus_instrument *in = &c->instruments[i];
        if (!utf8(in->id) || !utf8(in->symbol) || !utf8(in->label) || !utf8(in->type_word) ||
            !utf8(in->issuer) || (in->candidates && !utf8(in->candidates)) ||
            in->registry >= (long)reg->instrument_count || in->state > VN_INST_AMBIGUOUS ||
            (i > 0 && strcmp(c->instruments[i - 1].id, in->id) >= 0) ||
            vn_corpus_find_instrument(c, in->id) != (long)i)
            abort();
        if (!vn_corpus_instrument_status(c, in, day, NULL))
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const vn_registry *reg = registry();
    uint8_t *image = resealed_copy(data, size);
    if (!image)
        return 0;
    vn_corpus c;
    vn_error err;
    if (vn_instrument_cache_parse(image, size, "fuzz", reg, &c, &err) != VN_OK) {
        if (err.msg[0] == '\0' || c.instruments || c.instrument_count)
            abort();
        free(image);
        return 0;
    }
    check_table(&c, reg);
    vn_buf again = VN_BUF_INIT;
    vn_corpus back;
    if (vn_instrument_cache_image("fuzz", &c, &again, &err) == VN_OK) {
        if (vn_instrument_cache_parse(again.data, again.len, "fuzz", reg, &back, &err) != VN_OK ||
            back.instrument_count != c.instrument_count)
            abort();
        for (size_t i = 0; i < c.instrument_count; i++)
            if (strcmp(back.instruments[i].id, c.instruments[i].id) != 0 ||
                strcmp(back.instruments[i].label, c.instruments[i].label) != 0 ||
                back.instruments[i].registry != c.instruments[i].registry ||
                back.instruments[i].mentions != c.instruments[i].mentions)
                abort();
        vn_corpus_free(&back);
    }
    vn_buf_free(&again);
    vn_corpus_free(&c);
    free(image);
    return 0;
}
