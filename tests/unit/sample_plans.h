/*
 * sample_plans.h — the five sample plans of corpus/, for the unit tests
 * that run a module over real text.  Header-only: each test is one program.
 */
#ifndef VN_TEST_SAMPLE_PLANS_H
#define VN_TEST_SAMPLE_PLANS_H

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

enum { SAMPLE_PLAN_COUNT = 5 };

/* File name of sample plan i (0 <= i < SAMPLE_PLAN_COUNT). */
static inline const char *sample_plan_name(size_t i)
{
    static const char *const names[SAMPLE_PLAN_COUNT] = {
        "cao-loc-thuy-hung-dang-uy-2024-ke-hoach-150.txt",
        "duc-pho-bcd-2023-ke-hoach-du-thao.txt",
        "soc-trang-mttq-2024-ke-hoach-qcdc.txt",
        "tay-ninh-so-cong-thuong-2024-ke-hoach.txt",
        "yen-bai-dang-uy-khoi-2024-ke-hoach-qcdc.txt",
    };
    return names[i];
}

/* Its path under VNCITE_CORPUS, in out (n bytes). */
static inline const char *sample_plan_path(size_t i, char *out, size_t n)
{
    snprintf(out, n, "%s/%s", VNCITE_CORPUS, sample_plan_name(i));
    return out;
}

/* Its bytes as stored, in a static buffer (valid until the next call);
 * aborts the test program when the file cannot be read. */
static inline const char *sample_plan_bytes(size_t i, size_t *len)
{
    static char buf[1 << 20];
    char path[512];
    FILE *f = fopen(sample_plan_path(i, path, sizeof path), "rb");
    if (!f) {
        fprintf(stderr, "%s: cannot open the sample plan\n", path);
        abort();
    }
    *len = fread(buf, 1, sizeof buf, f);
    fclose(f);
    return buf;
}

#endif
