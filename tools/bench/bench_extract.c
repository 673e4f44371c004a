/*
 * bench_extract.c — citation extraction throughput, one core:
 *
 *   bench_extract DIR [REGISTRY_DIR] [MAX_MB]
 *
 * For each *.txt under DIR (sorted; at most MAX_MB of files, default all):
 * runs the text pipeline (vn_doctext_load: read, decode, clean, NFC), then
 * over the same normalised text (a) vncite's extractor (vn_extract, with the
 * registry when given, as `vncite index` runs it) and (b) a one-pass PCRE2
 * baseline: one JIT-compiled UTF regex for the numbered-symbol families,
 * every match collected.  Each stage is timed on its own, so (a) and (b)
 * read the same bytes from a warm cache.  Prints one line of key=value.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include "bench_common.h"
#include "indexer/doctext.h"
#include "indexer/extract.h"

/*
 * What a regex-only extractor would use: a number, an optional /year, then
 * an issuer code of letters (NĐ-CP, QĐ/TW, KH-UBND, QH15, UBTVQH11 …) with
 * its "-" or "/" separators; optional spaces around the first dash; Đ and
 * the look-alike Ð.  It finds the symbols only: no type word, date, issuer
 * or name-only laws, which vn_extract also reads.
 */
static const char *const symbol_regex =
    "(?<![\\p{L}\\p{N}])\\d{1,5}(?:/(?:19|20)\\d\\d)?"
    "\\s?[-/–]\\s?[\\p{Lu}ĐÐ][\\p{L}]{0,9}(?:[-/][\\p{Lu}ĐÐ][\\p{L}\\p{N}]{0,15}){0,4}\\d{0,2}";

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: bench_extract DIR [REGISTRY_DIR] [MAX_MB]\n", stderr);
        return 2;
    }
    vn_registry *reg = NULL;
    vn_error err;
    if (argc > 2 && argv[2][0] && vn_registry_load(argv[2], &reg, NULL, NULL, &err) != VN_OK) {
        fprintf(stderr, "registry: %s\n", err.msg);
        return 2;
    }
    double max_bytes = argc > 3 ? atof(argv[3]) * 1e6 : 0;

    int code;
    PCRE2_SIZE where;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)symbol_regex, PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_UCP, &code, &where, NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        fprintf(stderr, "pcre2 at %zu: %s\n", (size_t)where, (char *)msg);
        return 2;
    }
    if (pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) != 0) {
        fputs("pcre2: JIT not available\n", stderr);
        return 2;
    }
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);

    bench_files files = bench_list(argv[1]);
    double file_bytes = 0, text_bytes = 0, t_pipeline = 0, t_extract = 0, t_pcre = 0;
    unsigned long citations = 0, matches = 0, docs = 0;
    for (size_t i = 0; i < files.count && (!max_bytes || file_bytes < max_bytes); i++) {
        vn_doctext dt;
        double t0 = bench_now();
        if (vn_doctext_load(files.paths[i], &dt, &err) != VN_OK) {
            fprintf(stderr, "%s: %s\n", files.paths[i], err.msg);
            continue;
        }
        double t1 = bench_now();
        vn_extract_result ex;
        if (vn_extract(dt.text, dt.len, reg, &ex, &err) != VN_OK) {
            fprintf(stderr, "%s: %s\n", files.paths[i], err.msg);
            vn_doctext_free(&dt);
            continue;
        }
        double t2 = bench_now();
        citations += ex.citations.count;
        vn_extract_result_free(&ex);

        double t3 = bench_now();
        PCRE2_SIZE off = 0;
        while (off < dt.len) {
            int rc = pcre2_jit_match(re, (PCRE2_SPTR)dt.text, dt.len, off, 0, md, NULL);
            if (rc < 0)
                break;
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
            matches++;
            off = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
        }
        double t4 = bench_now();

        t_pipeline += t1 - t0;
        t_extract += t2 - t1;
        t_pcre += t4 - t3;
        file_bytes += (double)dt.decoded.len;
        text_bytes += (double)dt.len;
        docs++;
        vn_doctext_free(&dt);
    }
    printf("docs=%lu file_mb=%.1f text_mb=%.1f pipeline_s=%.3f extract_s=%.3f pcre2_s=%.3f "
           "citations=%lu pcre2_matches=%lu extract_mbs=%.1f pcre2_mbs=%.1f pipeline_mbs=%.1f "
           "extract_with_pipeline_mbs=%.1f\n",
           docs, file_bytes / 1e6, text_bytes / 1e6, t_pipeline, t_extract, t_pcre, citations,
           matches, text_bytes / 1e6 / t_extract, text_bytes / 1e6 / t_pcre,
           file_bytes / 1e6 / t_pipeline, file_bytes / 1e6 / (t_pipeline + t_extract));
    pcre2_match_data_free(md);
    pcre2_code_free(re);
    vn_registry_free(reg);
    return 0;
}
