/*
 * gen_corpus.c — a deterministic generator of plan-like Vietnamese
 * administrative documents, for benchmarks (tools/bench/run.sh).
 *
 *   gen-corpus --seed N --docs N --out DIR [--laws DIR] [--samples DIR]
 *              [--first N]
 *
 * Each document is a "kế hoạch" / "báo cáo" / "chương trình" the way the
 * sample plans of corpus/ look after Word → text conversion: an issuer
 * block in capitals, "Số 150-KH/ĐU" (or a draft's blank number), the
 * place + date line (sometimes partial or blank), a title, sections with
 * roman numerals, numbered subsections, bullet lines, footnotes
 * (`<sup>n</sup>` + footnote text, `[footnoteRef:n]` + `[n:  text]`),
 * Word artefacts (`**`, `\*`, `[bookmark: _GoBack]`), some words in NFD
 * (non-NFC spans), a "Nơi nhận" list and a signature.  Running text is
 * made of real sentences taken from the sample plans (--samples, default
 * the checkout's corpus/) and from the laws (--laws), with citations
 * inserted in every symbol family and the messy spellings real plans use
 * (NĐ/CP, "NĐ - CP", ND-CP, glued "số12-QĐ/TW", Ð for Đ, list forms
 * "Quyết định số 217, 218 của Bộ Chính trị", name-only laws), dates,
 * issuers and the 63 provinces.
 *
 * Document i depends only on (seed, i): the output is the same whatever
 * --first/--docs split is used and on every machine.  Files go to
 * DIR/NNNN/NNNNNNN.txt, 1000 per folder.  Sizes are 8–25 KB.
 */
#include <errno.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <utf8proc.h>

#ifndef GEN_DEFAULT_SAMPLES
#define GEN_DEFAULT_SAMPLES "corpus"
#endif

#define DOCS_PER_DIR 1000
#define DOC_MIN 8000
#define DOC_MAX 25000

/* ---- small utilities ------------------------------------------------------ */

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("gen-corpus: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        die("out of memory");
    return q;
}

static char *xstrndup(const char *s, size_t n)
{
    char *p = xrealloc(NULL, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

typedef struct sb {
    char *d;
    size_t len, cap;
} sb;

static void sb_grow(sb *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->d = xrealloc(b->d, cap);
    b->cap = cap;
}

static void sb_putn(sb *b, const char *s, size_t n)
{
    sb_grow(b, n);
    memcpy(b->d + b->len, s, n);
    b->len += n;
    b->d[b->len] = '\0';
}

static void sb_put(sb *b, const char *s) { sb_putn(b, s, strlen(s)); }

static void sb_printf(sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(sb *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        die("bad format");
    sb_grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->d + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* ---- random numbers: xoshiro256**, seeded per document by splitmix64 ------- */

typedef struct rng {
    uint64_t s[4];
} rng;

static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static void rng_seed(rng *r, uint64_t seed, uint64_t stream)
{
    uint64_t x = seed * 0x2545f4914f6cdd1dull ^ (stream + 0x632be59bd9b4e019ull);
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix(&x);
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t rng_next(rng *r)
{
    uint64_t *s = r->s;
    uint64_t out = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return out;
}

/* uniform in [0, n) */
static unsigned rnd(rng *r, unsigned n)
{
    return n ? (unsigned)(((rng_next(r) >> 32) * (uint64_t)n) >> 32) : 0;
}

static int range(rng *r, int lo, int hi) { return lo + (int)rnd(r, (unsigned)(hi - lo + 1)); }

static bool chance(rng *r, double p) { return (double)(rng_next(r) >> 11) * 0x1.0p-53 < p; }

#define PICK(r, arr) ((arr)[rnd((r), sizeof(arr) / sizeof((arr)[0]))])

/* ---- vocabulary ----------------------------------------------------------- */

static const char *const provinces[63] = {
    "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh",
    "Bến Tre", "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ",
    "Cao Bằng", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp",
    "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng",
    "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu",
    "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình",
    "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi",
    "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình",
    "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Thành phố Hồ Chí Minh",
    "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
};

/* syllables for names of districts, communes and people */
static const char *const place_syl[] = {
    "An", "Bình", "Phú", "Tân", "Hòa", "Thạnh", "Long", "Đông", "Tây", "Nam", "Bắc", "Vĩnh",
    "Hưng", "Thủy", "Hùng", "Cao", "Lộc", "Đức", "Phổ", "Thái", "Sơn", "Hải", "Lâm", "Minh",
    "Quang", "Trung", "Hiệp", "Mỹ", "Xuân", "Thuận", "Thanh", "Hà", "Kim", "Phước", "Hậu",
    "Lương", "Điền", "Khánh", "Yên", "Định", "Thọ", "Nghĩa", "Tiến", "Cường", "Hợp",
};
static const char *const surnames[] = {
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
    "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Chu", "Đinh", "Lương", "Trịnh",
};
static const char *const middles[] = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc",
                                      "Ngọc", "Việt", "Hồng", "Xuân", "Công"};
static const char *const givens[] = {
    "Hoan", "Hùng", "Lan", "Hương", "Dũng", "Tuấn", "Hải", "Hà", "Nam", "Thảo", "Phương",
    "Sơn", "Bình", "Khoa", "Trang", "Vân", "Thủy", "Quang", "Long", "Nga", "Tâm", "Hòa",
};

static const char *const topics[] = {
    "Thực hiện Quy chế dân chủ ở cơ sở năm %d",
    "Thực hiện dân chủ ở cơ sở năm %d",
    "Tuyên truyền, phổ biến, giáo dục pháp luật năm %d",
    "Cải cách hành chính năm %d",
    "Phòng, chống tham nhũng, tiêu cực năm %d",
    "Công tác dân vận năm %d",
    "Chuyển đổi số năm %d",
    "Xây dựng nông thôn mới năm %d",
    "Phòng, chống thiên tai và tìm kiếm cứu nạn năm %d",
    "Bảo vệ môi trường năm %d",
    "Thực hành tiết kiệm, chống lãng phí năm %d",
    "Tiếp công dân, giải quyết khiếu nại, tố cáo năm %d",
    "Công tác kiểm tra, giám sát năm %d",
    "Hòa giải ở cơ sở năm %d",
    "Thực hiện công tác thi đua, khen thưởng năm %d",
    "Bảo đảm an ninh, trật tự năm %d",
};

static const char *const about[] = {
    "về thực hiện dân chủ ở cơ sở",
    "về tiếp tục tăng cường và đổi mới công tác dân vận",
    "quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở",
    "về việc ban hành Quy chế công tác dân vận của hệ thống chính trị",
    "về đẩy mạnh cải cách hành chính",
    "về tăng cường kỷ luật, kỷ cương hành chính",
    "về công tác phòng, chống tham nhũng, tiêu cực",
    "về xây dựng và thực hiện hương ước, quy ước của cộng đồng dân cư",
    ("về tiếp tục đẩy mạnh, nâng cao chất lượng, hiệu quả việc xây dựng và thực hiện Quy chế "
     "dân chủ ở cơ sở"),
    "về trách nhiệm của người đứng đầu cấp ủy trong việc tiếp dân, đối thoại trực tiếp với dân",
    "ban hành Quy chế giám sát và phản biện xã hội của Mặt trận Tổ quốc Việt Nam",
    "về chuyển đổi số quốc gia",
    "về công tác tuyên truyền, phổ biến, giáo dục pháp luật",
};

static const char *const section_names[] = {
    "NỘI DUNG", "NHIỆM VỤ, GIẢI PHÁP", "NHIỆM VỤ TRỌNG TÂM", "KẾT QUẢ THỰC HIỆN",
    "PHƯƠNG HƯỚNG, NHIỆM VỤ", "CÁC GIẢI PHÁP CHỦ YẾU", "KINH PHÍ THỰC HIỆN",
    "CHẾ ĐỘ THÔNG TIN, BÁO CÁO", "MỘT SỐ NHIỆM VỤ, CÔNG TÁC TRỌNG TÂM",
};
static const char *const sub_names[] = {
    "Công tác lãnh đạo, chỉ đạo", "Công tác tuyên truyền", "Công tác kiểm tra, giám sát",
    "Tham mưu Ban Thường vụ", "Thực hiện dân chủ ở cơ quan", "Thực hiện dân chủ ở xã, phường",
    "Thực hiện dân chủ ở doanh nghiệp", "Công tác phối hợp", "Công tác sơ kết, tổng kết",
    "Đối với chính quyền", "Đối với Mặt trận Tổ quốc và các đoàn thể",
};
static const char *const romans[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};

static const char *const lead_ins[] = {
    "Thực hiện ", "Căn cứ ", "Triển khai ", "Tiếp tục thực hiện ", "Quán triệt, thực hiện ",
    "Tiếp tục triển khai thực hiện ", "Thực hiện nghiêm túc ",
};

static const char *const name_laws[] = {
    "Luật Thực hiện dân chủ ở cơ sở năm 2022", "Luật Thực hiện dân chủ ở cơ sở",
    "Luật thực hiện dân chủ ở cơ sở năm 2022", "Bộ luật Lao động", "Luật Tiếp công dân",
    "Luật Khiếu nại", "Luật Tố cáo", "Luật Hòa giải ở cơ sở", "Luật Hoà giải ở cơ sở",
    "Luật Tiếp cận thông tin", "Luật Cán bộ, công chức", "Luật Viên chức",
    "Luật Phòng, chống tham nhũng", "Luật Ngân sách nhà nước", "Luật Đất đai",
    "Luật Bảo vệ môi trường", "Luật Thi đua, khen thưởng",
    "Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn", "Hiến pháp năm 2013",
    "Luật Tổ chức chính quyền địa phương", "Luật Phổ biến, giáo dục pháp luật",
};

/* instruments of the registry (corpus/registry), so resolution and
 * `outdated` have real work */
typedef struct known {
    const char *symbol, *type, *date, *issuer;
} known;
static const known knowns[] = {
    {"59/2023/NĐ-CP", "Nghị định", "14/8/2023", "Chính phủ"},
    {"61/2023/NĐ-CP", "Nghị định", "16/8/2023", "Chính phủ"},
    {"145/2020/NĐ-CP", "Nghị định", "14/12/2020", "Chính phủ"},
    {"04/2015/NĐ-CP", "Nghị định", "09/01/2015", "Chính phủ"},
    {"149/2018/NĐ-CP", "Nghị định", "07/11/2018", "Chính phủ"},
    {"10/2022/QH15", "Luật", "10/11/2022", "Quốc hội"},
    {"34/2007/PL-UBTVQH11", "Pháp lệnh", "20/4/2007", "Ủy ban Thường vụ Quốc hội"},
    {"42/2013/QH13", "Luật", "25/11/2013", "Quốc hội"},
    {"25/2018/QH14", "Luật", "12/6/2018", "Quốc hội"},
    {"120-KL/TW", "Kết luận", "07/01/2016", "Bộ Chính trị"},
    {"30-CT/TW", "Chỉ thị", "18/02/1998", "Bộ Chính trị"},
    {"10-CT/TW", "Chỉ thị", "28/3/2002", "Ban Bí thư"},
    {"217-QĐ/TW", "Quyết định", "12/12/2013", "Bộ Chính trị"},
    {"218-QĐ/TW", "Quyết định", "12/12/2013", "Bộ Chính trị"},
    {"124-QĐ/TW", "Quy định", "02/02/2018", "Ban Bí thư"},
    {"99-QĐ/TW", "Quyết định", "03/10/2017", "Ban Bí thư"},
    {"05-CT/TW", "Chỉ thị", "15/5/2016", "Bộ Chính trị"},
    {"01-KL/TW", "Kết luận", "18/5/2021", "Bộ Chính trị"},
    {"21-KL/TW", "Kết luận", "25/10/2021", "Ban Chấp hành Trung ương"},
    {"26/CT-TTg", "Chỉ thị", "05/9/2016", "Thủ tướng Chính phủ"},
    {"33/CT-TTg", "Chỉ thị", "26/11/2021", "Thủ tướng Chính phủ"},
    {"76/NQ-CP", "Nghị quyết", "15/7/2021", "Chính phủ"},
    {"403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN", "Nghị quyết liên tịch", "15/6/2017",
     "Ủy ban Thường vụ Quốc hội, Chính phủ, Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc "
     "Việt Nam"},
    {"18-CT/TW", "Chỉ thị", "26/10/2022", "Ban Bí thư"},
    {"37-CT/TW", "Chỉ thị", "03/9/2019", "Ban Bí thư"},
    {"11-QĐi/TW", "Quy định", "18/02/2019", "Bộ Chính trị"},
};

/* synthetic symbol families: %N number, %Y year, %K QH term */
typedef struct family {
    const char *pattern, *type, *issuer;
    bool yearly;       /* the symbol carries a year */
    int weight;
} family;
static const family families[] = {
    {"%N/%Y/NĐ-CP", "Nghị định", "Chính phủ", true, 10},
    {"%N/%Y/QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ", true, 5},
    {"%N/%Y/TT-BNV", "Thông tư", "Bộ Nội vụ", true, 3},
    {"%N/%Y/TT-BTC", "Thông tư", "Bộ Tài chính", true, 2},
    {"%N/%Y/NQ-HĐND", "Nghị quyết", "Hội đồng nhân dân tỉnh", true, 3},
    {"%N/%Y/QĐ-UBND", "Quyết định", "Ủy ban nhân dân tỉnh", true, 4},
    {"%N/%Y/QH%K", "Luật", "Quốc hội", true, 3},
    {"%N/%Y/TTLT-BNV-BTC", "Thông tư liên tịch", "Bộ Nội vụ, Bộ Tài chính", true, 1},
    {"%N/CT-TTg", "Chỉ thị", "Thủ tướng Chính phủ", false, 4},
    {"%N/QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ", false, 3},
    {"%N/NQ-CP", "Nghị quyết", "Chính phủ", false, 3},
    {"%N/UBND-NC", "Công văn", "UBND tỉnh", false, 3},
    {"%N/UBND-VX", "Công văn", "UBND tỉnh", false, 2},
    {"%N/KH-UBND", "Kế hoạch", "Ủy ban nhân dân tỉnh", false, 5},
    {"%N-KL/TW", "Kết luận", "Bộ Chính trị", false, 4},
    {"%N-CT/TW", "Chỉ thị", "Ban Bí thư", false, 4},
    {"%N-NQ/TW", "Nghị quyết", "Ban Chấp hành Trung ương", false, 4},
    {"%N-QĐ/TW", "Quyết định", "Bộ Chính trị", false, 3},
    {"%N-QĐi/TW", "Quy định", "Bộ Chính trị", false, 1},
    {"%N-HD/BTGTW", "Hướng dẫn", "Ban Tuyên giáo Trung ương", false, 2},
    {"%N-KH/TU", "Kế hoạch", "Ban Thường vụ Tỉnh ủy", false, 5},
    {"%N-CTr/TU", "Chương trình", "Ban Thường vụ Tỉnh ủy", false, 2},
    {"%N-QĐ/TU", "Quyết định", "Ban Thường vụ Tỉnh ủy", false, 2},
    {"%N-QĐ/HU", "Quyết định", "Ban Thường vụ Huyện ủy", false, 2},
    {"%N-KH/HU", "Kế hoạch", "Ban Thường vụ Huyện ủy", false, 3},
    {"%N-NQ/ĐU", "Nghị quyết", "Đảng ủy", false, 1},
    {"%N-KH/BCĐ", "Kế hoạch", "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở", false, 2},
    {"%N-CTHĐ/BDVTU", "Chương trình hành động", "Ban Dân vận Tỉnh ủy", false, 1},
    {"%N-QC/BCĐ", "Quy chế", "Ban Chỉ đạo", false, 1},
    {"%N-CP", "Nghị định", "Chính phủ", false, 1},          /* old style, 1990s */
    {"%N/HĐBT", "Quyết định", "Hội đồng Bộ trưởng", false, 1},
};

/* ---- the sentence pools ------------------------------------------------------ */

typedef struct pool {
    char **s;
    size_t n, cap;
} pool;

static pool plan_sentences, law_sentences, plan_bullets;

static void pool_add(pool *p, const char *s, size_t n)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 1024;
        p->s = xrealloc(p->s, p->cap * sizeof *p->s);
    }
    p->s[p->n++] = xstrndup(s, n);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die("%s: %s", path, strerror(errno));
    sb b = {0};
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sb_putn(&b, buf, n);
    fclose(f);
    sb_putn(&b, "", 0);
    *len = b.len;
    return b.d;
}

/* Removes Word markup from a line in place: "**", "\*", "<sup>…</sup>",
 * "[…]" spans, tabs; returns the new length. */
static size_t clean_line(char *s, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] == '*' || s[i] == '\\' || s[i] == '#') {
            i++;
        } else if (s[i] == '<') {
            char *gt = memchr(s + i, '>', n - i);
            if (!gt)
                break;
            if (strncmp(s + i, "<sup>", 5) == 0) {
                char *end = memmem(s + i, n - i, "</sup>", 6);
                i = end ? (size_t)(end - s) + 6 : n;
            } else {
                i = (size_t)(gt - s) + 1;
            }
        } else if (s[i] == '[') {
            char *end = memchr(s + i, ']', n - i);
            i = end ? (size_t)(end - s) + 1 : n;
        } else if (s[i] == '\t' || s[i] == '\r') {
            s[o++] = ' ';
            i++;
        } else {
            s[o++] = s[i++];
        }
    }
    return o;
}

static bool has_lower_letter(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 'a' && s[i] <= 'z')
            return true;
    return false;
}

/* Splits a cleaned line into sentences and keeps those of a useful length. */
static void add_sentences(pool *p, pool *bullets, char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '-' || *s == '+'))
        s++, n--;
    while (n && s[n - 1] == ' ')
        n--;
    /* enumerators: "1.", "1.2.", "a)", "đ)" */
    size_t k = 0;
    while (k < n && ((s[k] >= '0' && s[k] <= '9') || s[k] == '.'))
        k++;
    if (k && k < n && s[k] == ' ')
        s += k + 1, n -= k + 1;
    else if (n > 3 && s[0] >= 'a' && s[0] <= 'z' && s[1] == ')' && s[2] == ' ')
        s += 3, n -= 3;
    if (n < 30 || !has_lower_letter(s, n))
        return;
    static const char *const skip[] = {"Điều ", "Chương", "Mục ", "Số", "Nơi nhận", "Căn cứ",
                                       "LUẬT", "Luật này", "Hà Nội,"};
    for (size_t i = 0; i < sizeof skip / sizeof *skip; i++)
        if (strncmp(s, skip[i], strlen(skip[i])) == 0)
            return;
    if (bullets && n < 300) {
        size_t bn = n;      /* bullets get their own ";" or "." */
        while (bn && strchr(".;:, ", s[bn - 1]))
            bn--;
        pool_add(bullets, s, bn);
    }
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        bool end = i == n || ((s[i] == '.' || s[i] == ';' || s[i] == ':') && i + 1 < n &&
                              s[i + 1] == ' ');
        if (!end)
            continue;
        size_t len = i - start;
        /* the generator adds its own punctuation: drop the sentence's, so
         * that no ";." or ".." appears */
        while (len && strchr(".;:, ", s[start + len - 1]))
            len--;
        unsigned char c0 = (unsigned char)s[start];
        if (len >= 30 && len <= 500 && ((c0 >= 'A' && c0 <= 'Z') || c0 >= 0x80))
            pool_add(p, s + start, len);
        start = i + 2;
        i++;
    }
}

static void load_folder(const char *dir, pool *p, pool *bullets, bool required)
{
    DIR *d = opendir(dir);
    if (!d) {
        if (required)
            die("%s: %s", dir, strerror(errno));
        return;
    }
    char **names = NULL;
    size_t count = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l > 4 && strcmp(e->d_name + l - 4, ".txt") == 0) {
            names = xrealloc(names, (count + 1) * sizeof *names);
            names[count++] = xstrndup(e->d_name, l);
        }
    }
    closedir(d);
    /* sorted, so the pools (and the output) do not depend on readdir order */
    for (size_t i = 1; i < count; i++)
        for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    for (size_t i = 0; i < count; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t len;
        char *text = read_all(path, &len);
        char *line = text;
        while (line < text + len) {
            char *nl = memchr(line, '\n', (size_t)(text + len - line));
            size_t ln = nl ? (size_t)(nl - line) : (size_t)(text + len - line);
            size_t cl = clean_line(line, ln);
            add_sentences(p, bullets, line, cl);
            line += ln + 1;
        }
        free(text);
        free(names[i]);
    }
    free(names);
}

/* ---- one document ---------------------------------------------------------- */

typedef struct gen {
    rng r;
    sb out;
    int year, month, day;
    const char *province;
    char district[64], commune[64];
    double nfd_rate;      /* share of words written decomposed (non-NFC) */
    double cite_rate;     /* share of paragraphs that cite something */
    double typo_rate;     /* share of citations spelt the messy way */
    int footnote_style;   /* 0 none, 1 <sup>, 2 [footnoteRef:n] */
    int footnotes;        /* numbered so far */
    int heading_style;
    sb pending;           /* footnote text waiting for the end of the paragraph */
} gen;

static void place_name(rng *r, char *out, size_t size)
{
    snprintf(out, size, "%s %s", PICK(r, place_syl), PICK(r, place_syl));
}

/* Appends UTF-8 text, writing a share of its words decomposed (NFD). */
static void put_text(gen *g, const char *s, size_t n)
{
    if (g->nfd_rate <= 0) {
        sb_putn(&g->out, s, n);
        return;
    }
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        bool ascii = true;
        for (size_t k = i; k < j && ascii; k++)
            ascii = (unsigned char)s[k] < 0x80;
        if (!ascii && chance(&g->r, g->nfd_rate)) {
            utf8proc_uint8_t *d = NULL;
            utf8proc_ssize_t dn = utf8proc_map((const utf8proc_uint8_t *)s + i,
                                               (utf8proc_ssize_t)(j - i), &d,
                                               UTF8PROC_DECOMPOSE);
            if (dn >= 0)
                sb_putn(&g->out, (const char *)d, (size_t)dn);
            else
                sb_putn(&g->out, s + i, j - i);
            free(d);
        } else {
            sb_putn(&g->out, s + i, j - i);
        }
        if (j < n)
            sb_putn(&g->out, " ", 1);
        i = j + 1;
    }
}

static void puts_text(gen *g, const char *s) { put_text(g, s, strlen(s)); }

static void put_upper(sb *b, const char *s)
{
    utf8proc_ssize_t i = 0, n = (utf8proc_ssize_t)strlen(s);
    while (i < n) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, n - i, &c);
        if (k <= 0)
            break;
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_toupper(c), enc);
        sb_putn(b, (const char *)enc, (size_t)m);
        i += k;
    }
}

static void date_text(gen *g, sb *b, int d, int m, int y)
{
    switch (rnd(&g->r, 6)) {
    case 0: sb_printf(b, "%d/%d/%d", d, m, y); break;
    case 1: sb_printf(b, "%d tháng %d năm %d", d, m, y); break;
    case 2: sb_printf(b, "%02d-%02d-%d", d, m, y); break;
    default: sb_printf(b, "%02d/%02d/%d", d, m, y); break;
    }
}

/* The messy spellings of real plans, applied to a canonical symbol. */
static void put_symbol(gen *g, sb *b, const char *sym)
{
    if (!chance(&g->r, g->typo_rate)) {
        sb_put(b, sym);
        return;
    }
    const char *nd = strstr(sym, "NĐ-CP");
    const char *dash = strchr(sym, '-');
    switch (rnd(&g->r, 6)) {
    case 0:
        if (nd) {
            static const char *const forms[] = {"NĐ/CP", "NĐ - CP", "ND-CP", "NÐ-CP"};
            const char *f = forms[rnd(&g->r, 4)];
            sb_putn(b, sym, (size_t)(nd - sym));
            sb_put(b, f);
            sb_put(b, nd + strlen("NĐ-CP"));
            return;
        }
        break;
    case 1:      /* space around the first dash: "218 -QĐ/TW", "06 - QC/ĐUK" */
        if (dash) {
            sb_putn(b, sym, (size_t)(dash - sym));
            sb_put(b, chance(&g->r, 0.5) ? " -" : " - ");
            sb_put(b, dash + 1);
            return;
        }
        break;
    case 2: {    /* Eth for Đ */
        const char *p = strstr(sym, "Đ");
        if (p) {
            sb_putn(b, sym, (size_t)(p - sym));
            sb_put(b, "Ð");
            sb_put(b, p + strlen("Đ"));
            return;
        }
        break;
    }
    case 3:      /* en dash */
        if (dash) {
            sb_putn(b, sym, (size_t)(dash - sym));
            sb_put(b, "–");
            sb_put(b, dash + 1);
            return;
        }
        break;
    default:
        break;
    }
    sb_put(b, sym);
}

static int qh_term(int y) { return y <= 2011 ? 12 : y <= 2016 ? 13 : y <= 2021 ? 14 : 15; }

/* A synthetic symbol of a weighted family, with a plausible date. */
static const family *synth(gen *g, sb *sym, int *y, int *m, int *d)
{
    int total = 0;
    for (size_t i = 0; i < sizeof families / sizeof *families; i++)
        total += families[i].weight;
    int w = (int)rnd(&g->r, (unsigned)total);
    const family *f = families;
    while (w >= f->weight)
        w -= f->weight, f++;
    bool old = strcmp(f->pattern, "%N-CP") == 0 || strcmp(f->pattern, "%N/HĐBT") == 0;
    *y = old ? range(&g->r, 1985, 1996) : g->year - (int)rnd(&g->r, 10);
    if (*y < 1990 && !old)
        *y = 1990;
    *m = range(&g->r, 1, 12);
    *d = range(&g->r, 1, 28);
    for (const char *p = f->pattern; *p; p++) {
        if (p[0] == '%' && p[1] == 'N') {
            int n = chance(&g->r, 0.7) ? range(&g->r, 1, 300) : range(&g->r, 300, 5000);
            if (n < 10 && chance(&g->r, 0.5))
                sb_printf(sym, "0%d", n);
            else
                sb_printf(sym, "%d", n);
            p++;
        } else if (p[0] == '%' && p[1] == 'Y') {
            sb_printf(sym, "%d", *y);
            p++;
        } else if (p[0] == '%' && p[1] == 'K') {
            sb_printf(sym, "%d", qh_term(*y));
            p++;
        } else {
            sb_putn(sym, p, 1);
        }
    }
    return f;
}

/* Appends one citation: [pinpoint] type [số] symbol [date] [issuer] [about]. */
static void put_citation(gen *g, sb *b, bool with_about)
{
    rng *r = &g->r;
    unsigned kind = rnd(r, 100);
    if (kind < 8) {                        /* name-only law */
        if (chance(r, 0.2))
            sb_printf(b, "điểm %s khoản %d Điều %d của ",
                      PICK(r, ((const char *const[]){"a", "b", "c", "d", "đ", "e"})),
                      range(r, 1, 6), range(r, 1, 90));
        sb_put(b, PICK(r, name_laws));
        return;
    }
    if (kind < 13) {                       /* list form */
        bool party = chance(r, 0.6);
        int a = party ? range(r, 100, 300) : range(r, 10, 150), c = a + 1 + (int)rnd(r, 3);
        if (party && chance(r, 0.5) && g->year >= 2014) {
            sb_put(b, "Quyết định số 217, 218 của Bộ Chính trị");
            return;
        }
        if (party)
            sb_printf(b, "Quyết định số %d-QĐ/TW, %d-QĐ/TW ngày %d/%d/%d của Bộ Chính trị", a, c,
                      range(r, 1, 28), range(r, 1, 12), g->year - (int)rnd(r, 12));
        else
            sb_printf(b, "Nghị định số %d/%d/NĐ-CP và %d/%d/NĐ-CP của Chính phủ", a, g->year - 1, c,
                      g->year - 1);
        return;
    }
    const char *type, *issuer;
    sb sym = {0};
    char date[32] = "";
    int y, m, d;
    if (kind < 45) {
        const known *k = &knowns[rnd(r, sizeof knowns / sizeof *knowns)];
        sb_put(&sym, k->symbol);
        type = k->type;
        issuer = k->issuer;
        snprintf(date, sizeof date, "%s", k->date);
        if (sscanf(date, "%d/%d/%d", &d, &m, &y) != 3)
            y = m = d = 1;
    } else {
        const family *f = synth(g, &sym, &y, &m, &d);
        type = f->type;
        issuer = f->issuer;
        snprintf(date, sizeof date, "%d/%d/%d", d, m, y);
    }
    if (chance(r, 0.12))
        sb_printf(b, "khoản %d Điều %d ", range(r, 1, 5), range(r, 1, 60));
    sb_put(b, type);
    switch (rnd(r, 12)) {
    case 0: sb_put(b, " "); break;                           /* no "số" */
    case 1: sb_put(b, " số: "); break;
    case 2: sb_put(b, chance(r, g->typo_rate * 3) ? " số" : " số "); break;  /* glued: "số12-QĐ/TW" */
    default: sb_put(b, " số "); break;
    }
    put_symbol(g, b, sym.d);
    if (chance(r, 0.75)) {
        sb_put(b, chance(r, 0.5) ? ", ngày " : " ngày ");
        date_text(g, b, d, m, y);
    }
    if (chance(r, 0.7)) {
        sb_put(b, " của ");
        sb_put(b, issuer);
        if (strstr(issuer, "Bộ Chính trị") && chance(r, 0.3))
            sb_printf(b, " khóa %s", PICK(r, ((const char *const[]){"XI", "XII", "XIII"})));
    }
    if (with_about && chance(r, 0.6)) {
        sb_put(b, " ");
        sb_put(b, PICK(r, about));
    }
    free(sym.d);
}

static const char *sentence(gen *g)
{
    if (plan_sentences.n && (chance(&g->r, 0.45) || !law_sentences.n))
        return plan_sentences.s[rnd(&g->r, (unsigned)plan_sentences.n)];
    return law_sentences.s[rnd(&g->r, (unsigned)law_sentences.n)];
}

static void footnote_mark(gen *g, sb *cite)
{
    int n = ++g->footnotes;
    if (g->footnote_style == 1) {
        sb_printf(&g->out, "<sup>%d</sup>", n);
        sb_printf(&g->pending, "<sup>%d</sup> Gồm: (1) ", n);
        sb_put(&g->pending, cite->d);
        sb_put(&g->pending, "; (2) ");
        put_citation(g, &g->pending, true);
        sb_put(&g->pending, ".\n\n");
    } else {
        sb_printf(&g->out, "[footnoteRef:%d]", n);
        sb_printf(&g->pending, " [%d:  %s]", n, PICK(&g->r, about));
    }
}

/* One paragraph: sentences, maybe a citation, maybe a footnote. */
static void paragraph(gen *g, const char *prefix)
{
    rng *r = &g->r;
    if (prefix)
        sb_put(&g->out, prefix);
    int sentences = range(r, 1, 4);
    bool cites = chance(r, g->cite_rate);
    if (cites) {
        sb c = {0};
        put_citation(g, &c, true);
        if (chance(r, 0.3)) {
            sb_put(&c, "; ");
            put_citation(g, &c, true);
        }
        sb_put(&g->out, PICK(r, lead_ins));
        puts_text(g, c.d);
        if (g->footnote_style && chance(r, 0.25))
            footnote_mark(g, &c);
        sb_put(&g->out, sentences > 1 ? ". " : ".");
        free(c.d);
        sentences--;
    }
    for (int i = 0; i < sentences; i++) {
        puts_text(g, sentence(g));
        if (chance(r, 0.08)) {
            sb c = {0};
            put_citation(g, &c, false);
            sb_put(&g->out, chance(r, 0.5) ? " theo " : ", thực hiện ");
            puts_text(g, c.d);
            free(c.d);
        }
        sb_put(&g->out, i + 1 < sentences ? ". " : (chance(r, 0.1) ? ";" : "."));
    }
    if (g->pending.len && g->footnote_style == 2) {
        sb_put(&g->out, g->pending.d);
        g->pending.len = 0;
    }
    sb_put(&g->out, chance(r, 0.15) ? " \n" : "\n");
    if (g->heading_style == 0)
        sb_put(&g->out, "\n");
    if (g->pending.len) {                  /* <sup> footnote text */
        sb_put(&g->out, g->pending.d);
        g->pending.len = 0;
    }
}

static void heading(gen *g, int index, const char *name)
{
    rng *r = &g->r;
    sb up = {0};
    put_upper(&up, name);
    switch (g->heading_style) {
    case 0: sb_printf(&g->out, "**%s- %s**\n\n", romans[index], up.d); break;
    case 1: sb_printf(&g->out, "%s- %s\n", romans[index], name); break;
    case 2: sb_printf(&g->out, "%s. %s\n\n", romans[index], up.d); break;
    default:
        sb_printf(&g->out, "%s%s. %s\n", chance(r, 0.2) ? "#### " : "", romans[index], up.d);
        break;
    }
    free(up.d);
}

static void subsection(gen *g, int sec, int sub, const char *name)
{
    if (g->heading_style == 0)
        sb_printf(&g->out, "**%d. %s**\n\n", sub, name);
    else if (chance(&g->r, 0.5))
        sb_printf(&g->out, "%d. %s\n", sub, name);
    else
        sb_printf(&g->out, "%d.%d. %s\n", sec, sub, name);
}

static void bullets(gen *g)
{
    rng *r = &g->r;
    int n = range(r, 2, 5);
    for (int i = 0; i < n; i++) {
        sb_put(&g->out, chance(r, 0.8) ? "- " : "+ ");
        if (chance(r, 0.3)) {
            static const char *const roles[] = {
                "Chỉ đạo thực hiện: Đồng chí Trưởng Ban và các đồng chí Phó Trưởng Ban Chỉ đạo",
                "Tham mưu, thực hiện: Các đồng chí thành viên Ban Chỉ đạo",
                "Thời gian thực hiện: Thường xuyên", "Thời gian thực hiện: Trong năm",
                "Cơ quan chủ trì: Văn phòng", "Cơ quan phối hợp: các phòng, ban, đơn vị liên quan",
            };
            sb_put(&g->out, PICK(r, roles));
        } else if (plan_bullets.n) {
            puts_text(g, plan_bullets.s[rnd(r, (unsigned)plan_bullets.n)]);
        } else {
            puts_text(g, sentence(g));
        }
        sb_put(&g->out, i + 1 < n ? ";\n" : ".\n");
    }
    if (g->heading_style == 0)
        sb_put(&g->out, "\n");
}

static void person(gen *g, sb *b)
{
    sb_printf(b, "%s %s %s", PICK(&g->r, surnames), PICK(&g->r, middles), PICK(&g->r, givens));
}

typedef struct issuer_kind {
    const char *code;    /* after the type code in the own number */
    int style;           /* header style */
} issuer_kind;

static void generate(gen *g, uint64_t seed, uint64_t index, const char *path)
{
    rng *r = &g->r;
    rng_seed(r, seed, index);
    g->out.len = 0;
    g->pending.len = 0;
    g->footnotes = 0;
    static const int years[] = {2016, 2018, 2019, 2020, 2021, 2021, 2022, 2022, 2023, 2023,
                                2023, 2023, 2024, 2024, 2024, 2024, 2024, 2025, 2025};
    g->year = PICK(r, years);
    g->month = range(r, 1, 12);
    g->day = range(r, 1, 28);
    g->province = provinces[rnd(r, 63)];
    place_name(r, g->district, sizeof g->district);
    place_name(r, g->commune, sizeof g->commune);
    g->nfd_rate = chance(r, 0.15) ? 0.01 + 0.04 * (double)rnd(r, 100) / 100.0 : 0;
    g->cite_rate = 0.25 + 0.2 * (double)rnd(r, 100) / 100.0;
    g->typo_rate = chance(r, 0.5) ? 0.1 : 0.02;
    g->footnote_style = chance(r, 0.35) ? 1 : chance(r, 0.3) ? 2 : 0;
    int party = chance(r, 0.5);
    g->heading_style = party ? (int)rnd(r, 2) : 2 + (int)rnd(r, 2);
    bool draft = chance(r, 0.07);
    size_t target = DOC_MIN + 600 + rnd(r, 13500) + (chance(r, 0.3) ? rnd(r, 1500) : 0);

    static const struct { const char *word, *code; } types[] = {
        {"Kế hoạch", "KH"}, {"Kế hoạch", "KH"}, {"Kế hoạch", "KH"}, {"Kế hoạch", "KH"},
        {"Báo cáo", "BC"}, {"Chương trình", "CTr"}, {"Hướng dẫn", "HD"},
    };
    int t = (int)rnd(r, sizeof types / sizeof *types);
    sb title = {0}, up = {0}, tmp = {0};
    sb_printf(&title, PICK(r, topics), g->year);

    /* ---- header ---- */
    if (chance(r, 0.02))
        sb_put(&g->out, "\xEF\xBB\xBF");
    sb_put(&g->out, chance(r, 0.5) ? "\n\n" : "");
    int number = range(r, 1, 400);
    const char *owner;
    if (party) {
        static const struct { const char *top, *mid, *code; } ps[] = {
            {"ĐẢNG BỘ HUYỆN %s", "ĐẢNG ỦY XÃ %s", "ĐU"},
            {"ĐẢNG BỘ TỈNH %s", "HUYỆN ỦY %s", "HU"},
            {"ĐẢNG BỘ TỈNH %s", "BAN CHỈ ĐẠO THỰC HIỆN QUY CHẾ DÂN CHỦ Ở CƠ SỞ", "BCĐ"},
            {"ĐẢNG BỘ TỈNH %s", "ĐẢNG ỦY KHỐI CƠ QUAN VÀ DOANH NGHIỆP", "ĐUK"},
            {"TỈNH ỦY %s", "BAN DÂN VẬN", "BDVTU"},
        };
        int k = (int)rnd(r, sizeof ps / sizeof *ps);
        put_upper(&up, k == 0 ? g->district : g->province);
        sb_put(&tmp, "");
        put_upper(&tmp, k == 0 ? g->commune : g->district);
        owner = ps[k].code;
        if (g->heading_style == 0)
            sb_put(&g->out, "**");
        sb_printf(&g->out, ps[k].top, up.d);
        sb_put(&g->out, g->heading_style == 0 ? "  \n" : "\n");
        sb_printf(&g->out, ps[k].mid, tmp.d);
        sb_put(&g->out, g->heading_style == 0 ? "**\n\n\\*  \n" : "\n*\n");
        if (draft)
            sb_printf(&g->out, "\tSố          -%s/%sDỰ THẢO\n\n", types[t].code, owner);
        else
            sb_printf(&g->out, "Số %d-%s/%s\n\n", number, types[t].code, owner);
        sb_put(&g->out, g->heading_style == 0 ? "**ĐẢNG CỘNG SẢN VIỆT NAM**\n\n"
                                              : "\t  ĐẢNG CỘNG SẢN VIỆT NAM\n      \n");
    } else {
        static const struct { const char *top, *mid, *code; } ss[] = {
            {"UBND TỈNH %s", "SỞ CÔNG THƯƠNG", "KH-SCT"},
            {"UBND TỈNH %s", "SỞ NỘI VỤ", "KH-SNV"},
            {"ỦY BAN NHÂN DÂN", "TỈNH %s", "KH-UBND"},
            {"ỦY BAN NHÂN DÂN", "HUYỆN %s", "KH-UBND"},
            {"ỦY BAN MTTQ VIỆT NAM", "TỈNH %s", "KH-MTTQ-BTT"},
        };
        int k = (int)rnd(r, sizeof ss / sizeof *ss);
        put_upper(&up, k == 3 ? g->district : g->province);
        owner = ss[k].code;
        sb_printf(&g->out, ss[k].top, up.d);
        sb_put(&g->out, "\n");
        sb_printf(&g->out, ss[k].mid, up.d);
        sb_put(&g->out, "\n\n");
        const char *code = owner;
        if (t != 0) {       /* the type code follows the document type */
            const char *dash = strchr(owner, '-');
            sb_putn(&tmp, types[t].code, strlen(types[t].code));
            sb_put(&tmp, dash ? dash : "");
            code = tmp.d;
        }
        if (draft)
            sb_printf(&g->out, "Số: /%s\n\n", code);
        else
            sb_printf(&g->out, chance(r, 0.5) ? "Số: %d/%s\n\n" : "Số %d/%s\n\n", number, code);
        sb_put(&g->out, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n");
    }
    const char *place = party && g->heading_style == 0 ? g->commune : g->province;
    if (draft || chance(r, 0.03))
        sb_printf(&g->out, "%s, ngày       tháng    năm %d\n\n", place, g->year);
    else if (chance(r, 0.08))
        sb_printf(&g->out, "%s, ngày tháng %d năm %d\n\n", place, g->month, g->year);
    else
        sb_printf(&g->out, "%s, ngày %02d tháng %02d năm %d\n\n", place, g->day, g->month,
                  g->year);
    if (chance(r, 0.3))
        sb_put(&g->out, "[bookmark: _GoBack]\n");
    up.len = 0;
    put_upper(&up, types[t].word);
    if (g->heading_style == 0)
        sb_printf(&g->out, "**%s  \n%s**\n\n", up.d, title.d);
    else
        sb_printf(&g->out, "%s\n%s\n%s\n", up.d, title.d, chance(r, 0.5) ? "-----" : "----------");

    /* ---- preamble: several citations ---- */
    {
        sb c = {0};
        int n = range(r, 2, 4);
        for (int i = 0; i < n; i++) {
            if (i)
                sb_put(&c, "; ");
            put_citation(g, &c, true);
        }
        sb_put(&g->out, chance(r, 0.5) ? "Căn cứ " : "Thực hiện ");
        puts_text(g, c.d);
        sb_printf(&g->out, ". %s xây dựng %s %s như sau:\n\n",
                  party ? "Ban Thường vụ" : "Ủy ban nhân dân", types[t].word, title.d);
        free(c.d);
    }

    /* ---- sections ---- */
    heading(g, 0, "Mục đích, yêu cầu");
    subsection(g, 1, 1, "Mục đích");
    paragraph(g, NULL);
    paragraph(g, NULL);
    subsection(g, 1, 2, "Yêu cầu");
    paragraph(g, NULL);
    int sec = 1;
    size_t footer = 900;
    while (g->out.len + footer < target && sec < 8) {
        heading(g, sec, section_names[rnd(r, sizeof section_names / sizeof *section_names)]);
        int subs = range(r, 2, 5);
        for (int s = 1; s <= subs && g->out.len + footer < target; s++) {
            subsection(g, sec + 1, s, sub_names[rnd(r, sizeof sub_names / sizeof *sub_names)]);
            int paras = range(r, 1, 3);
            for (int p = 0; p < paras && g->out.len + footer < target; p++) {
                if (g->heading_style == 0 && chance(r, 0.3)) {
                    tmp.len = 0;
                    sb_printf(&tmp, "**%d.** ", p + 1);
                    paragraph(g, tmp.d);
                } else {
                    paragraph(g, NULL);
                }
                if (chance(r, 0.35))
                    bullets(g);
            }
        }
        sec++;
    }
    heading(g, sec, "Tổ chức thực hiện");
    paragraph(g, "1. ");
    paragraph(g, "2. ");

    /* ---- recipients and signature ---- */
    sb_put(&g->out, chance(r, 0.5) ? "\tNơi nhận:\n" : "Nơi nhận:\n\n");
    int recipients = range(r, 3, 8);
    static const char *const recips[] = {
        "Ban Chỉ đạo thực hiện QCDC ở cơ sở tỉnh", "Thường trực Huyện ủy",
        "Ủy ban nhân dân huyện", "Mặt trận và các tổ chức CT-XH", "Các chi bộ trực thuộc",
        "Các phòng, ban, đơn vị thuộc UBND", "Thành viên BCĐ", "Ban Dân vận Tỉnh ủy",
        "Sở Nội vụ", "Văn phòng UBND tỉnh", "Các cơ quan TMGV",
    };
    for (int i = 0; i < recipients; i++)
        sb_printf(&g->out, "- %s%s,\n", PICK(r, recips), i == 0 ? " (b/c)" : "");
    sb_put(&g->out, "- Lưu VT.\n\n");
    static const char *const roles[][2] = {
        {"T/M ĐẢNG ỦY", "PHÓ BÍ THƯ THƯỜNG TRỰC"}, {"T/M BAN THƯỜNG VỤ", "BÍ THƯ"},
        {"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"}, {"GIÁM ĐỐC", ""},
        {"TRƯỞNG BAN", ""}, {"TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"},
    };
    int k = party ? (int)rnd(r, 2) + (chance(r, 0.3) ? 4 : 0) : 2 + (int)rnd(r, 2);
    if (k > 5)
        k = 5;
    tmp.len = 0;
    person(g, &tmp);
    if (g->heading_style == 0)
        sb_printf(&g->out, "**%s  \n%s**\n\n\n\n**%s**\n", roles[k][0], roles[k][1], tmp.d);
    else
        sb_printf(&g->out, "%s\n%s\n\n\n\n%s\n", roles[k][0], roles[k][1], tmp.d);
    if (draft)
        sb_put(&g->out, "\n(Dự thảo)\n");

    /* ---- line ends and output ---- */
    FILE *f = fopen(path, "wb");
    if (!f)
        die("%s: %s", path, strerror(errno));
    if (chance(r, 0.05)) {          /* CRLF, as Windows tools write */
        for (size_t i = 0; i < g->out.len; i++) {
            if (g->out.d[i] == '\n')
                fputc('\r', f);
            fputc(g->out.d[i], f);
        }
    } else {
        fwrite(g->out.d, 1, g->out.len, f);
    }
    if (fclose(f) != 0)
        die("%s: %s", path, strerror(errno));
    free(title.d);
    free(up.d);
    free(tmp.d);
}

/* ---- main ---------------------------------------------------------------- */

static void usage(void)
{
    fputs("usage: gen-corpus --seed N --docs N --out DIR [--laws DIR] [--samples DIR]\n"
          "                  [--first N]\n"
          "Writes documents first..first+docs-1 as DIR/NNNN/NNNNNNN.txt (1000 per folder).\n"
          "Document i depends only on the seed and i.  --samples: folder of sample plans\n"
          "(default " GEN_DEFAULT_SAMPLES "); --laws: folder of law texts, a second\n"
          "pool of real sentences.\n",
          stderr);
    exit(2);
}

static unsigned long long parse_num(const char *opt, const char *s)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || !*s || s[0] == '-')
        die("%s takes a number, not '%s'", opt, s);
    return v;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    unsigned long long seed = 1, docs = 0, first = 0;
    const char *out = NULL, *laws = NULL, *samples = GEN_DEFAULT_SAMPLES;
    bool have_seed = false, have_docs = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
            usage();
        if (i + 1 >= argc)
            usage();
        const char *o = argv[i], *v = argv[++i];
        if (strcmp(o, "--seed") == 0)
            seed = parse_num(o, v), have_seed = true;
        else if (strcmp(o, "--docs") == 0)
            docs = parse_num(o, v), have_docs = true;
        else if (strcmp(o, "--first") == 0)
            first = parse_num(o, v);
        else if (strcmp(o, "--out") == 0)
            out = v;
        else if (strcmp(o, "--laws") == 0)
            laws = v;
        else if (strcmp(o, "--samples") == 0)
            samples = v;
        else
            usage();
    }
    if (!have_seed || !have_docs || !out)
        usage();
    if (docs > 100000000ull)
        die("--docs: at most 100000000");

    double t0 = now();
    load_folder(samples, &plan_sentences, &plan_bullets, true);
    if (laws)
        load_folder(laws, &law_sentences, NULL, true);
    if (!plan_sentences.n && !law_sentences.n)
        die("no sentences found in %s%s%s", samples, laws ? " or " : "", laws ? laws : "");

    if (mkdir(out, 0777) != 0 && errno != EEXIST)
        die("%s: %s", out, strerror(errno));
    gen g = {0};
    char path[4096];
    unsigned long long bytes = 0, last_dir = ~0ull;
    for (unsigned long long i = first; i < first + docs; i++) {
        unsigned long long dir = i / DOCS_PER_DIR;
        if (dir != last_dir) {
            snprintf(path, sizeof path, "%s/%04llu", out, dir);
            if (mkdir(path, 0777) != 0 && errno != EEXIST)
                die("%s: %s", path, strerror(errno));
            last_dir = dir;
        }
        snprintf(path, sizeof path, "%s/%04llu/%07llu.txt", out, dir, i);
        generate(&g, seed, i, path);
        bytes += g.out.len;
    }
    double s = now() - t0;
    printf("gen-corpus: %llu documents, %.1f MB in %.1f s (%.0f MB/s), %zu + %zu sentences\n",
           docs, (double)bytes / 1e6, s, s > 0 ? (double)bytes / 1e6 / s : 0.0,
           plan_sentences.n, law_sentences.n);
    free(g.out.d);
    free(g.pending.d);
    return 0;
}
