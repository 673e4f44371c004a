/*
 * extract.c — the citation scanner (see extract.h for the design).
 *
 * Vietnamese conventions this file relies on:
 * - a citation reads TYPE-WORD [số|số:] SYMBOL [, ngày DATE] [của ISSUER [khóa N]]
 *   with optional pinpoint "điểm a khoản 2 Điều 3 [của]" in front;
 * - several instruments may share one trailing date or issuer
 *   ("Quyết định số 217-QĐ/TW, Quyết định số 218-QĐ/TW, ngày 12/12/2013");
 * - a list of bare numbers after one type word names several instruments
 *   of that type ("Quyết định số 217, 218 của Bộ Chính trị").
 */
#include "extract.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "../common/ascii.h"
#include "../common/lower.h"
#include "../common/utf8.h"

/* How far the scanner looks around a hit; bounds keep the pass linear. */
#define LOOKBACK_BYTES 96
#define ISSUER_MAX_WORDS 14
#define NAME_MAX_WORDS 16
#define OWN_NUMBER_ZONE 6000

/* ---- small text helpers ---------------------------------------------- */

static bool is_alnum_cp(int cp)
{
    if (cp < 0x80)
        return vn_ascii_alnum(cp);
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL ||
           c == UTF8PROC_CATEGORY_LT || c == UTF8PROC_CATEGORY_LO ||
           c == UTF8PROC_CATEGORY_ND || c == UTF8PROC_CATEGORY_MN;
}

static bool is_upper_cp(int cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

static int prev_cp(const char *t, size_t pos)
{
    if (pos == 0)
        return 0;
    int cp;
    vn_utf8_prev(t, pos, &cp);
    return cp;
}

static int next_cp(const char *t, size_t len, size_t pos)
{
    if (pos >= len)
        return 0;
    int cp;
    vn_utf8_next(t + pos, len - pos, &cp);
    return cp;
}

/* Case-insensitive match of lowercase literal `w` at t[i]; returns the byte
 * length matched in t (0 if none).  Does not check word boundaries.
 * Called for every word of every list at every candidate position, so the
 * common cases stay byte-wide: two ASCII bytes compare directly, and an
 * ASCII text byte never equals a non-ASCII word character (utf8proc lowers
 * ASCII to ASCII).  The reverse happens for two characters only (U+0130
 * lowers to "i", U+212A to "k"), so a non-ASCII text character against an
 * ASCII word character takes the full path only when it may be one. */
static size_t match_ci(const char *t, size_t len, size_t i, const char *w)
{
    size_t ti = i, wi = 0;
    while (w[wi]) {
        if (ti >= len)
            return 0;
        unsigned char tb = (unsigned char)t[ti], wb = (unsigned char)w[wi];
        if (tb < 0x80) {
            if (wb >= 0x80 || vn_lower_cp(tb) != wb)
                return 0;
            ti++;
            wi++;
            continue;
        }
        if (wb < 0x80 && !vn_lower_nonascii_may_be(tb, wb))
            return 0;
        int a, b;
        ti += vn_utf8_next(t + ti, len - ti, &a);
        wi += vn_utf8_next(w + wi, 4, &b);  /* stops at the NUL, like strlen(w) would */
        if (vn_lower_cp(a) != b)
            return 0;
    }
    return ti - i;
}

/* Same, but the word must end at a word boundary. */
static size_t match_word_ci(const char *t, size_t len, size_t i, const char *w)
{
    size_t n = match_ci(t, len, i, w);
    if (n && is_alnum_cp(next_cp(t, len, i + n)))
        return 0;
    return n;
}

/* First byte of the UTF-8 encoding of cp. */
static unsigned char utf8_lead_byte(int cp)
{
    if (cp < 0x80)
        return (unsigned char)cp;
    if (cp < 0x800)
        return (unsigned char)(0xC0 | (cp >> 6));
    if (cp < 0x10000)
        return (unsigned char)(0xE0 | (cp >> 12));
    return (unsigned char)(0xF0 | (cp >> 18));
}

/* The byte a lowercase literal must start with to match at t[i] (0 past
 * the end): match_ci needs vn_lower_cp(first character) to be the word's
 * first character, so their encodings share the lead byte.  The alias
 * scan tests it before matching and skips most aliases on one compare. */
static unsigned char lowered_lead_byte(const char *t, size_t len, size_t i)
{
    if (i >= len)
        return 0;
    unsigned char tb = (unsigned char)t[i];
    if (tb < 0x80)
        return (unsigned char)vn_lower_cp(tb);
    int cp;
    vn_utf8_next(t + i, len - i, &cp);
    return utf8_lead_byte(vn_lower_cp(cp));
}

/*
 * A list of lowercase literals (valid UTF-8), first match wins.  The
 * extractor asks its lists at every word of an issuer or name, so each is
 * indexed once by its words' first characters: a position is compared only
 * with the words that start with its lower-cased character.
 */
#define WORD_LIST_MAX 64
#define WORD_LIST_BUCKETS 32

typedef struct word_list {
    const char *const *words;               /* NULL-terminated */
    int first[WORD_LIST_MAX];               /* each word's first character */
    int second[WORD_LIST_MAX];              /* and its second (-1: none) */
    signed char head[WORD_LIST_BUCKETS];    /* a bucket's first word */
    signed char next[WORD_LIST_MAX];        /* the bucket's next word, in list order */
} word_list;

static void word_list_index(word_list *l)
{
    for (int b = 0; b < WORD_LIST_BUCKETS; b++)
        l->head[b] = -1;
    int count = 0;
    while (l->words[count])
        count++;
    if (count > WORD_LIST_MAX) {
        /* a data error in this file: fail on first use, in every test */
        fprintf(stderr, "extract.c: a word list has more than %d words\n", WORD_LIST_MAX);
        abort();
    }
    for (int k = count; k-- > 0;) {
        size_t wl = strlen(l->words[k]);
        size_t n = vn_utf8_next(l->words[k], wl, &l->first[k]);
        l->second[k] = -1;
        if (n < wl)
            vn_utf8_next(l->words[k] + n, wl - n, &l->second[k]);
        unsigned b = (unsigned)l->first[k] % WORD_LIST_BUCKETS;
        l->next[k] = l->head[b];
        l->head[b] = (signed char)k;
    }
}

static pthread_once_t word_lists_once = PTHREAD_ONCE_INIT;
static void index_word_lists(void);

/* The first word of the list that match_word_ci finds at t[i]: its index
 * (-1 if none) and length in t.  match_ci compares each lower-cased text
 * character with the word's, so words whose first two characters differ
 * from the text's cannot match. */
static int match_word_in_list(const char *t, size_t len, size_t i, const word_list *l,
                              size_t *matched)
{
    pthread_once(&word_lists_once, index_word_lists);
    if (i >= len)
        return -1;
    int first;
    size_t first_len = vn_utf8_next(t + i, len - i, &first);
    first = vn_lower_cp(first);
    int second = -1;    /* decoded when a word's first character agrees */
    for (int k = l->head[(unsigned)first % WORD_LIST_BUCKETS]; k >= 0; k = l->next[k]) {
        if (l->first[k] != first)
            continue;
        if (second == -1)
            second = vn_lower_cp(next_cp(t, len, i + first_len));
        if (l->second[k] != -1 && l->second[k] != second)
            continue;
        size_t n = match_word_ci(t, len, i, l->words[k]);
        if (n) {
            *matched = n;
            return k;
        }
    }
    return -1;
}

/* Case-insensitive match of lowercase literal `w` ENDING at t[end]; returns
 * its start or (size_t)-1.  Requires a word boundary before it. */
static size_t match_word_ci_before(const char *t, size_t end, const char *w)
{
    size_t ti = end, wi = strlen(w);
    while (wi > 0) {
        if (ti == 0)
            return (size_t)-1;
        int a, b;
        ti -= vn_utf8_prev(t, ti, &a);
        wi -= vn_utf8_prev(w, wi, &b);
        if (vn_lower_cp(a) != b)
            return (size_t)-1;
    }
    if (is_alnum_cp(prev_cp(t, ti)))
        return (size_t)-1;
    return ti;
}

/* "số", or "so" typed without accents, ending at `end`: its start or
 * (size_t)-1.  Asked at every number, so the last letter picks the word. */
static size_t so_before(const char *t, size_t end)
{
    int last = vn_lower_cp(prev_cp(t, end));
    if (last == 0x1ED1)     /* ố */
        return match_word_ci_before(t, end, "số");
    if (last == 'o')
        return match_word_ci_before(t, end, "so");
    return (size_t)-1;
}

static size_t skip_blanks_fwd(const char *t, size_t len, size_t i)
{
    int newlines = 0;
    while (i < len && (t[i] == ' ' || t[i] == '\t' || (t[i] == '\n' && newlines++ == 0)))
        i++;
    return i;
}

static size_t skip_blanks_back(const char *t, size_t floor, size_t i)
{
    int newlines = 0;
    while (i > floor && (t[i - 1] == ' ' || t[i - 1] == '\t' || (t[i - 1] == '\n' && newlines++ == 0)))
        i--;
    return i;
}

/* The end of the letters and digits at i (i if none). */
static size_t word_end(const char *t, size_t len, size_t i)
{
    int cp;
    while (i < len) {
        size_t n = vn_utf8_next(t + i, len - i, &cp);
        if (!is_alnum_cp(cp))
            break;
        i += n;
    }
    return i;
}

/* The start of the letters and digits that end at i, not before floor (i if
 * none). */
static size_t word_start(const char *t, size_t floor, size_t i)
{
    int cp;
    while (i > floor) {
        size_t n = vn_utf8_prev(t, i, &cp);
        if (!is_alnum_cp(cp))
            break;
        i -= n;
    }
    return i;
}

/* True if a clause ends at k: the text does, or ";", ".", ",", ")" or a
 * line break stands there. */
static bool ends_clause(const char *t, size_t len, size_t k)
{
    return k >= len || strchr(";.,)\n", t[k]) != NULL;
}

static void copy_trimmed(char *dst, size_t dstsz, const char *src, size_t n)
{
    while (n > 0 && (src[n - 1] == ' ' || src[n - 1] == '\n' || src[n - 1] == '\t'))
        n--;
    while (n > 0 && (*src == ' ' || *src == '\n' || *src == '\t')) {
        src++;
        n--;
    }
    if (n >= dstsz) {           /* cut at a character boundary */
        n = dstsz - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    size_t o = 0;
    for (size_t k = 0; k < n; k++) {    /* a run of blanks inside becomes one space */
        bool blank = src[k] == ' ' || src[k] == '\n' || src[k] == '\t';
        if (!blank)
            dst[o++] = src[k];
        else if (dst[o - 1] != ' ')     /* o > 0: src starts with no blank */
            dst[o++] = ' ';
    }
    dst[o] = '\0';
}

/* snprintf(dst, size, "%s", src) without the format machinery: each
 * citation copies a few strings, and snprintf cost more than reading them. */
static void copy_str(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* ---- what precedes a symbol ------------------------------------------ */

typedef struct prefix_info {
    size_t start;           /* where the citation starts (type word or symbol) */
    bool has_so;            /* "số" written before the number */
    const char *type_word;  /* canonical, or NULL */
    size_t type_start;
} prefix_info;

/* "CV số 12/UBND-VX", "QĐ số 217, 218": a type code written for its type
 * word before "số", as plans abbreviate.  The type word of the code whose
 * exact spelling ends at `end` as a whole word, or NULL. */
static const char *type_code_ending_at(const char *t, size_t floor, size_t end, size_t *start)
{
    char code[16];
    size_t j = word_start(t, floor, end);
    if (j == end || end - j >= sizeof code)
        return NULL;
    memcpy(code, t + j, end - j);
    code[end - j] = '\0';
    *start = j;
    return vn_type_word_for_code(code);
}

/* Reads backwards from `pos` (start of the number): [type word] [số[:]].
 * With `only_after_so`, the type word is looked for only after a "số"; a
 * type code stands for it after "số", or with `code_alone` right before the
 * number ("NĐ 15/2020"). */
static prefix_info read_prefix(const char *t, size_t pos, bool only_after_so, bool code_alone)
{
    prefix_info p = {pos, false, NULL, pos};
    size_t floor = pos > LOOKBACK_BYTES ? pos - LOOKBACK_BYTES : 0;
    size_t i = skip_blanks_back(t, floor, pos);
    if (i > floor && t[i - 1] == ':')
        i = skip_blanks_back(t, floor, i - 1);
    size_t so = so_before(t, i);
    if (so != (size_t)-1 && so >= floor) {
        p.has_so = true;
        p.start = so;
        i = skip_blanks_back(t, floor, so);
    } else if (only_after_so) {
        return p;
    }
    size_t ts;
    const char *tw = vn_type_word_ending_at(t + floor, i - floor, &ts);
    if (tw) {
        ts += floor;
    } else if (p.has_so || code_alone) {
        tw = type_code_ending_at(t, floor, i, &ts);
    }
    if (tw) {
        p.type_word = tw;
        p.type_start = ts;
        p.start = ts;
    }
    return p;
}

/* True if the digit at pos may start a symbol: not glued to a preceding
 * word, except to "số" or a type word ("số12-QĐ/TW", "Nghị định59/2023/…"),
 * and not the continuation of a token that starts with digits ("14/8/2023",
 * "xy62/2023/NĐ-CP": the number after "62/" is a year, never a symbol's). */
static bool anchor_ok(const char *t, size_t pos)
{
    int c = prev_cp(t, pos);
    if (c == '/' || c == '-' || c == 0x2013) {
        size_t sep = pos - (c == 0x2013 ? 3 : 1);     /* where the separator starts */
        return !(sep > 0 && vn_ascii_digit(t[sep - 1]));
    }
    /* "12.1/UBND-VX": the digits after a sub-number's dot (or a decimal
     * point) belong to the number before; after a comma a list goes on */
    if (c == '.' && pos >= 2 && vn_ascii_digit(t[pos - 2]))
        return false;
    if (c == 0 || !is_alnum_cp(c))
        return true;
    if (c >= '0' && c <= '9')
        return false;
    size_t start;
    return so_before(t, pos) != (size_t)-1 || vn_type_word_ending_at(t, pos, &start) != NULL;
}

/* Reads "điểm a khoản 2 Điều 3 [của]" ending at `end`; returns its start. */
static size_t read_pinpoint(const char *t, size_t end, vn_pinpoint *pp)
{
    size_t floor = end > LOOKBACK_BYTES ? end - LOOKBACK_BYTES : 0;
    size_t i = skip_blanks_back(t, floor, end);
    size_t cua = match_word_ci_before(t, i, "của");
    if (cua != (size_t)-1 && cua >= floor)
        i = skip_blanks_back(t, floor, cua);
    if (i > floor && t[i - 1] == ',')
        i = skip_blanks_back(t, floor, i - 1);

    struct { const char *word; char *out; } parts[] = {
        {"điều", pp->article}, {"khoản", pp->clause}, {"điểm", pp->point}
    };
    size_t start = end;
    for (int k = 0; k < 3; k++) {
        /* the value: "63", "63a" for Điều/khoản; one letter ("a", "đ") for điểm */
        size_t j = i;
        while (j > floor && vn_ascii_alnum(t[j - 1]))
            j--;
        if (j == i && k == 2 && i >= 2 && match_ci(t, i, i - 2, "đ"))
            j = i - 2;
        if (j == i || i - j >= sizeof pp->article)
            break;
        if (k < 2 ? !vn_ascii_digit(t[j]) : (i - j > 2 || vn_ascii_digit(t[j])))
            break;
        size_t w = skip_blanks_back(t, floor, j);
        size_t ws = match_word_ci_before(t, w, parts[k].word);
        if (ws == (size_t)-1 || ws < floor)
            break;
        memcpy(parts[k].out, t + j, i - j);
        parts[k].out[i - j] = '\0';
        start = ws;
        i = skip_blanks_back(t, floor, ws);
        if (i > floor && t[i - 1] == ',')
            i = skip_blanks_back(t, floor, i - 1);
    }
    return start;
}

/* ---- what follows a symbol ------------------------------------------- */

/* Lowercase words (and phrases) that end an issuer or a name: what comes
 * after "của Chính phủ" is usually "về …", "quy định …", "ban hành …".
 * Capitalised words never stop ("Ủy ban", "Ban Bí thư"). */
static word_list stop_words = {.words = (const char *const[]){
    "về", "quy định", "ban hành", "hướng dẫn", "triển khai", "tổ chức", "đề nghị",
    "kèm theo", "đảm bảo", "bảo đảm", "tại", "trong", "nhằm", "đã", "đến", "để",
    "với", "theo", "ngày", "số", "năm", "là", "gồm", "đối", "việc", "tiếp", "và",
    "được", "có", "sau", "trước", "thì", "cho", "như", "hoặc", "ngay", "nay", "này",
    "gắn", "góp", "phù", "thông qua", "trên", "các", "những", "một", "mà", "do",
    "khi", "nếu", "vào", "ra", "hiện hành", "phê duyệt", "sửa đổi", "bổ sung", "bãi bỏ",
    "thành lập", "kiện toàn", "công bố", "tăng cường", "đẩy mạnh", NULL
}};

static bool is_stop_word(const char *t, size_t len, size_t i)
{
    if (is_upper_cp(next_cp(t, len, i)))
        return false;
    size_t n;
    return match_word_in_list(t, len, i, &stop_words, &n) >= 0;
}

/*
 * "và" inside an issuer's name: ministries ("Bộ Nông nghiệp và Phát triển
 * nông thôn", "Bộ Giáo dục và Đào tạo") join capitalised words with it, and
 * "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh" is one body.  "và"
 * followed by a capitalised word that does not start another citation
 * ("… của Chính phủ và Kế hoạch số …") continues the name.
 */
static bool starts_type_word(const char *t, size_t len, size_t i);

static bool and_within_name(const char *t, size_t len, size_t i)
{
    size_t n = match_word_ci(t, len, i, "và");
    if (!n)
        return false;
    size_t j = i + n;
    while (j < len && t[j] == ' ')
        j++;
    if (j == i + n || j >= len)
        return false;
    if (match_word_ci(t, len, j, "doanh nghiệp"))
        return true;
    return is_upper_cp(next_cp(t, len, j)) && !starts_type_word(t, len, j);
}

/* Blanks within one line: an issuer never continues on the next line. */
static size_t skip_spaces_fwd(const char *t, size_t len, size_t i)
{
    while (i < len && (t[i] == ' ' || t[i] == '\t'))
        i++;
    return i;
}

static word_list type_openers = {.words = (const char *const[]){
    "quy định", "quyết định", "nghị định", "nghị quyết", "kế hoạch", "chỉ thị",
    "kết luận", "hướng dẫn", "chương trình", "công văn", "thông tư", "luật",
    "bộ luật", "pháp lệnh", "quy chế", NULL
}};

/* An instrument type word starts here, in any case: "của Bộ Chính trị Quy
 * định về …" — the issuer ended before it. */
static bool starts_type_word(const char *t, size_t len, size_t i)
{
    size_t n;
    if (match_word_in_list(t, len, i, &type_openers, &n) < 0)
        return false;
    /* "… Quy định về …" names a new instrument; "Ban Chỉ đạo thực hiện
     * Quy chế dân chủ" is still the issuer's name */
    size_t j = skip_spaces_fwd(t, len, i + n);
    return match_word_ci(t, len, j, "về") || match_word_ci(t, len, j, "số") ||
           (j < len && vn_ascii_digit(t[j]));
}


/* Reads "khóa XIII" / "khoá XIII" at i; returns length, copies numeral. */
static size_t read_term(const char *t, size_t len, size_t i, char *term, size_t termsz)
{
    /* asked at every word of an issuer: k, K, or the Kelvin sign (E2 84 AA) */
    if (i >= len || (t[i] != 'k' && t[i] != 'K' && (unsigned char)t[i] != 0xE2))
        return 0;
    size_t n = match_word_ci(t, len, i, "khóa");
    if (!n)
        n = match_word_ci(t, len, i, "khoá");
    if (!n)
        return 0;
    size_t j = skip_blanks_fwd(t, len, i + n), k = j;
    while (k < len && strchr("IVXLC", t[k]))
        k++;
    if (k == j || is_alnum_cp(next_cp(t, len, k)) || k - j >= termsz)
        return 0;
    memcpy(term, t + j, k - j);
    term[k - j] = '\0';
    return k - i;
}

/* A citation being read: its symbol, name and issuer are written here, and
 * vn_citation_list_push copies them into the list. */
typedef struct draft {
    vn_citation c;
    char symbol[VN_SYMBOL_MAX];
    char name[VN_CITE_TEXT_MAX];
    char issuer[VN_CITE_TEXT_MAX];
} draft;

static void draft_init(draft *d)
{
    /* the text buffers need only be empty strings: zeroing them whole was
     * a measurable part of every citation */
    memset(&d->c, 0, sizeof d->c);
    d->symbol[0] = d->name[0] = d->issuer[0] = '\0';
    d->c.symbol = d->symbol;
    d->c.name = d->name;
    d->c.issuer = d->issuer;
}

/* At a line break inside a sentence, as text from a PDF wraps it ("của
 * UBND\ntỉnh Quảng Nam"): where the next line's words start, when the next
 * line starts in lower case (a new paragraph or item starts otherwise);
 * else i. */
static size_t wrapped_line(const char *t, size_t len, size_t i)
{
    if (i >= len || t[i] != '\n')
        return i;
    size_t k = skip_spaces_fwd(t, len, i + 1);
    int cp = next_cp(t, len, k);
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL ? k : i;
}

/* Words a number belongs to in an issuer's name: "UBND Quận 1", "Ban Chỉ
 * đạo 35", "Hội nghị Trung ương 4", "Phường 3". */
static word_list numbered_words = {.words = (const char *const[]){
    "quận", "phường", "tổ", "ấp", "xóm", "đội", "khu", "ương", "thứ", "đạo", "đoàn", "số",
    "khóa", "khoá", "kỳ", "lần", "đợt", "cụm", "vùng", "lữ", "trung", NULL
}};

/* "của Chính phủ<sup>1</sup>;", cleaned to "của Chính phủ 1;": a number of
 * one or two digits that ends the issuer before the clause does is the
 * footnote's mark, unless the word before it takes a number.  Returns where
 * the issuer [start, end) really ends. */
static size_t footnote_mark_start(const char *t, size_t len, size_t start, size_t end)
{
    size_t digits = end;
    while (digits > start && vn_ascii_digit(t[digits - 1]))
        digits--;
    if (end - digits == 0 || end - digits > 2 || digits <= start || t[digits - 1] != ' ')
        return end;
    if (!ends_clause(t, len, end))
        return end;
    size_t word_end_at = skip_blanks_back(t, start, digits);
    size_t w = word_start(t, start, word_end_at);
    size_t n;
    if (w == word_end_at || (match_word_in_list(t, word_end_at, w, &numbered_words, &n) >= 0 &&
                             w + n == word_end_at))
        return end;
    return word_end_at;
}

/* The blanks after "của", a blank line included: "của" never ends a
 * sentence, so a paragraph that ends with it was cut by a converter
 * ("… ngày 12/12/2013 của\n\nBộ Chính trị về …"). */
static size_t skip_to_issuer(const char *t, size_t len, size_t i)
{
    int newlines = 0;
    while (i < len && (t[i] == ' ' || t[i] == '\t' || (t[i] == '\n' && newlines++ < 2)))
        i++;
    return i;
}

/* Reads the issuer after "của": words up to punctuation or a stop word. */
/* "UBND TP. Hồ Chí Minh", "UBND Tx. Ba Đồn": the dot of a place's
 * abbreviation (t[i, w) is the word) does not end the issuer when a
 * capitalised name follows; 1 to take the dot, else 0. */
static size_t place_abbreviation_dot(const char *t, size_t len, size_t i, size_t w)
{
    static const char *const abbreviations[] = {"TP", "Tp", "TX", "Tx", "TT", "Tt", NULL};
    if (w + 2 >= len || t[w] != '.' || t[w + 1] != ' ' || !is_upper_cp(next_cp(t, len, w + 2)))
        return 0;
    for (int k = 0; abbreviations[k]; k++)
        if (w - i == strlen(abbreviations[k]) && memcmp(t + i, abbreviations[k], w - i) == 0)
            return 1;
    return 0;
}

static size_t read_issuer(const char *t, size_t len, size_t i, draft *d)
{
    vn_citation *c = &d->c;
    size_t start = i, end = i, issuer_end = i;
    for (int words = 0; words < ISSUER_MAX_WORDS && i < len; words++) {
        i = words == 0 ? skip_to_issuer(t, len, i) : wrapped_line(t, len, skip_spaces_fwd(t, len, i));
        if (i >= len)
            break;
        size_t tl = read_term(t, len, i, c->term, sizeof c->term);
        if (tl) {               /* "của Bộ Chính trị khóa XI": the term ends it */
            end = i + tl;
            break;
        }
        if (words > 0 && (is_stop_word(t, len, i) || starts_type_word(t, len, i)) &&
            !and_within_name(t, len, i))
            break;
        if (t[i] == '-' && i + 1 < len && t[i + 1] == ' ')
            break;              /* "Ban Dân vận Tỉnh ủy - cơ quan Thường trực …" */
        size_t w = i;
        int cp;
        while (w < len) {
            size_t n = vn_utf8_next(t + w, len - w, &cp);
            if (!is_alnum_cp(cp) && cp != '&' && cp != '-')
                break;
            w += n;
        }
        if (w == i)
            break;
        w += place_abbreviation_dot(t, len, i, w);
        end = issuer_end = i = w;
    }
    issuer_end = footnote_mark_start(t, len, start, issuer_end);
    copy_trimmed(d->issuer, sizeof d->issuer, t + start, issuer_end - start);
    /* "của Bộ Chính trị (khóa VIII)" */
    size_t j = skip_blanks_fwd(t, len, end);
    if (!c->term[0] && j < len && t[j] == '(') {
        size_t tl = read_term(t, len, j + 1, c->term, sizeof c->term);
        if (tl && j + 1 + tl < len && t[j + 1 + tl] == ')')
            end = j + 2 + tl;
    }
    return end;
}

/* The end of a footnote mark at j, or 0: a number of one or two digits
 * (what the cleaner leaves of "<sup>1</sup>"), "[1]", "[^1]" or "(1)". */
static size_t footnote_mark_end(const char *t, size_t len, size_t j)
{
    char close = j < len && t[j] == '[' ? ']' : j < len && t[j] == '(' ? ')' : 0;
    size_t k = j + (close != 0);
    if (close == ']' && k < len && t[k] == '^')
        k++;
    size_t digits = k;
    while (k < len && k - digits < 3 && vn_ascii_digit(t[k]))
        k++;
    if (k == digits || k - digits > 2)
        return 0;
    if (!close)
        return k;
    return k < len && t[k] == close ? k + 1 : 0;
}

static bool opens_quote(int cp)
{
    return cp == '"' || cp == 0x201C || cp == 0x2018 || cp == 0x00AB;
}

/* Length of the closing quote at t[i]: " ” ’ » (0 if none). */
static size_t closing_quote_len(const char *t, size_t len, size_t i)
{
    if (i < len && t[i] == '"')
        return 1;
    int cp;
    size_t n = i < len ? vn_utf8_next(t + i, len - i, &cp) : 0;
    return n && (cp == 0x201D || cp == 0x2019 || cp == 0x00BB) ? n : 0;
}

/* "năm 2022" (or, when bare_ok, "2022" alone: "Luật Đất đai 2013") right
 * after a name or a symbol: a year-precision date. */
static size_t read_year(const char *t, size_t len, size_t i, bool bare_ok, vn_date_range *d)
{
    size_t j = skip_blanks_fwd(t, len, i);
    size_t n = match_word_ci(t, len, j, "năm");
    if (n)
        j = skip_blanks_fwd(t, len, j + n);
    else if (!bare_ok || (j = skip_spaces_fwd(t, len, i)) == i)   /* a bare year: on the same line */
        return 0;
    if (j + 4 > len)
        return 0;
    for (int k = 0; k < 4; k++)
        if (!vn_ascii_digit(t[j + k]))
            return 0;
    if (j + 4 < len && vn_ascii_alnum(t[j + 4]))
        return 0;
    int y = atoi(t + j);
    if (y < 1945 || y > 2099 || !vn_date_range_set(y, 0, 0, d))
        return 0;
    return j + 4 - i;
}

/* "ngày 14/8/2023", "ban hành ngày …", "ngay 14/8/2023" at j: the end of
 * the date read into *d, or 0. */
static size_t read_date(const char *t, size_t len, size_t j, vn_date_range *d)
{
    if (!match_ci(t, len, j, "ngày") && !match_ci(t, len, j, "ban hành ngày") &&
        !match_word_ci(t, len, j, "ngay"))
        return 0;
    size_t k = j;
    if (!match_ci(t, len, j, "ngày"))
        k = j + match_ci(t, len, j, "ban hành ");
    size_t n = vn_date_scan(t + k, len - k, d);
    /* typed without diacritics: "ngay 14/8/2023", numbers only */
    size_t ngay = n ? 0 : match_word_ci(t, len, j, "ngay");
    size_t digits = ngay ? skip_spaces_fwd(t, len, j + ngay) : 0;
    if (ngay && digits < len && vn_ascii_digit(t[digits]) &&
        (n = vn_date_scan(t + digits, len - digits, d)) != 0)
        k = digits;
    return n ? k + n : 0;
}

/* "ngày 31/02/2021 của UBND tỉnh": a date that is no date is not the
 * citation's, but the issuer after it still is.  Where the issuer may
 * start (j when no such date is there). */
static size_t skip_impossible_date(const char *t, size_t len, size_t j)
{
    size_t w = match_word_ci(t, len, j, "ngày");
    if (!w)
        return j;
    size_t k = skip_spaces_fwd(t, len, j + w);
    size_t digits = k;
    while (k < len && (vn_ascii_digit(t[k]) || t[k] == '/' || t[k] == '-' || t[k] == '.'))
        k++;
    if (k - digits < 6 || !vn_ascii_digit(t[k - 1]))
        return j;
    k = skip_blanks_fwd(t, len, k);
    if (k < len && t[k] == ',')
        k = skip_blanks_fwd(t, len, k + 1);
    return match_word_ci(t, len, k, "của") ? k : j;
}

/* The date written after the issuer: "Quyết định số 1234/QĐ-UBND của UBND
 * tỉnh ngày 15/6/2021".  After a comma only when the date ends the clause
 * too: "…, ngày 15/6/2021 Sở đã tổ chức" dates what follows.  Returns the
 * new end (`end` if none). */
static size_t read_date_after_issuer(const char *t, size_t len, size_t end, vn_date_range *d)
{
    size_t j = skip_spaces_fwd(t, len, end);
    bool comma = j < len && t[j] == ',';
    if (comma)
        j = skip_spaces_fwd(t, len, j + 1);
    vn_date_range date;
    size_t n = read_date(t, len, j, &date);
    if (!n)
        return end;
    if (comma && !ends_clause(t, len, skip_spaces_fwd(t, len, n)))
        return end;
    *d = date;
    return n;
}

/* After a symbol or name: [,] [(] ngày DATE [)] [,] [của ISSUER]. Returns
 * the end of what was read. */
static size_t read_suffix(const char *t, size_t len, size_t i, draft *dr)
{
    vn_citation *c = &dr->c;
    size_t j = skip_blanks_fwd(t, len, i);
    /* a footnote mark between the symbol and its date or issuer */
    size_t mark = footnote_mark_end(t, len, j);
    if (mark && mark < len && (t[mark] == ' ' || t[mark] == ',')) {
        size_t after = skip_blanks_fwd(t, len, mark + (t[mark] == ','));
        if (match_ci(t, len, after, "ngày") || match_word_ci(t, len, after, "của"))
            j = skip_blanks_fwd(t, len, mark);
    }
    /* the citation quoted: "“Quyết định số 30/QĐ-UBND” ngày 03/02/2020"; a
     * quoted title that ends with a citation ("Kế hoạch “Triển khai Quyết
     * định số 12/QĐ-UBND” ngày …") is dated itself */
    size_t quote = closing_quote_len(t, len, j);
    if (quote && opens_quote(prev_cp(t, c->start))) {
        size_t after = skip_blanks_fwd(t, len, j + quote);
        if (after < len && (t[after] == ',' || match_ci(t, len, after, "ngày") ||
                            match_word_ci(t, len, after, "của")))
            j = after;
    }
    if (j < len && (t[j] == ',' || t[j] == '('))
        j = skip_blanks_fwd(t, len, j + 1);
    size_t end = i;
    size_t n = read_date(t, len, j, &c->date);
    /* "Nghị quyết số 01/NQ-CP năm 2024": a symbol without a year has one
     * every year, and the year written after it tells them apart */
    if (!n && !c->has_year && (n = read_year(t, len, j, false, &c->date)) != 0)
        n += j;
    if (n) {
        end = n;
        j = skip_blanks_fwd(t, len, end);
        if (j < len && t[j] == ')')
            j = skip_blanks_fwd(t, len, ++j);
        if (j < len && t[j] == ',')
            j = skip_blanks_fwd(t, len, j + 1);
    } else {
        j = skip_impossible_date(t, len, j);
    }
    size_t cua = match_word_ci(t, len, j, "của");
    if (!cua && match_word_ci(t, len, j, "cua") && is_upper_cp(next_cp(t, len, j + 4)))
        cua = 3;    /* "cua Chinh phu": typed without diacritics */
    if (cua) {
        size_t e = read_issuer(t, len, j + cua, dr);
        if (dr->issuer[0])
            end = e;
        if (dr->issuer[0] && !n)
            end = read_date_after_issuer(t, len, end, &c->date);
    }
    return end;
}

/* ---- own number ------------------------------------------------------ */

/* Only blanks and markup between the line start and `at`. */
static bool line_starts_at(const char *t, size_t at)
{
    while (at > 0 && (t[at - 1] == ' ' || t[at - 1] == '\t' || t[at - 1] == '*' || t[at - 1] == '#'))
        at--;
    return at == 0 || t[at - 1] == '\n';
}

/* The symbol [pos, end) ends its line, or a table gap (tab, two spaces) follows. */
static bool ends_header_cell(const char *t, size_t len, size_t end)
{
    size_t k = end;
    while (k < len && (t[k] == ' ' || t[k] == '*'))
        k++;
    return k == len || t[k] == '\n' || t[k] == '\r' || t[k] == '\t' || k - end >= 2;
}

/*
 * A header line "Số 150-KH/ĐU" / "Số: /KH-SCT": only blanks, markup and the
 * word "Số" stand between the line start and the symbol.  Laws and
 * resolutions write their own number as "Luật số: 91/2015/QH13", "Bộ luật
 * số: 45/2019/QH14", "Nghị quyết số: …": a type word may precede "số" when
 * a colon follows it and the symbol then ends the line (or its table cell),
 * which a body sentence starting with a citation ("Luật số 10/2022/QH15
 * quy định …", "Kết luận số 120-KL/TW") does not.
 */
static bool is_own_number_context(const char *t, size_t len, size_t pos, size_t end)
{
    if (pos > OWN_NUMBER_ZONE)
        return false;
    size_t i = pos;
    while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t' || t[i - 1] == ':'))
        i--;
    bool colon = i < pos && memchr(t + i, ':', pos - i) != NULL;
    /* "Số hiệu: 33/KH-BCĐ": the number as a portal's record of the text gives it */
    size_t so_hieu = match_word_ci_before(t, i, "số hiệu");
    if (so_hieu != (size_t)-1)
        return colon && line_starts_at(t, so_hieu);
    size_t so = match_word_ci_before(t, i, "số");
    if (so == (size_t)-1)
        return false;
    if (line_starts_at(t, so))
        return true;
    if (!colon)
        return false;   /* "Kết luận số 120-KL/TW" opening a line is a citation */
    size_t w = so;
    while (w > 0 && (t[w - 1] == ' ' || t[w - 1] == '\t'))
        w--;
    size_t word_start = 0;
    if (w == so || !vn_type_word_ending_at(t, w, &word_start))
        return false;
    return line_starts_at(t, word_start) && ends_header_cell(t, len, end);
}

/* Finds a blank own number "Số: /KH-SCT" or "Số    -KH/BCĐ" (drafts leave the
 * number empty) in the header; such a line has no digit to anchor on. */
static void find_blank_own_number(const char *t, size_t len, vn_extract_result *r)
{
    size_t limit = len < OWN_NUMBER_ZONE ? len : OWN_NUMBER_ZONE;
    for (size_t i = 0; i < limit; i++) {
        if (i > 0 && t[i - 1] != '\n')
            continue;
        size_t j = i;
        while (j < limit && (t[j] == ' ' || t[j] == '\t' || t[j] == '*'))
            j++;
        size_t n = match_word_ci(t, len, j, "số");
        if (!n)
            continue;
        j += n;
        while (j < limit && (t[j] == ' ' || t[j] == '\t' || t[j] == ':'))
            j++;
        if (j >= limit || (t[j] != '/' && t[j] != '-'))
            continue;
        /* Reuse the symbol scanner by pretending the number is "0". */
        char buf[VN_SYMBOL_MAX + 8] = "0";
        size_t take = len - j < sizeof buf - 2 ? len - j : sizeof buf - 2;
        memcpy(buf + 1, t + j, take);
        vn_symbol s;
        size_t sn = vn_symbol_scan(buf, take + 1, NULL, true, &s);
        if (sn == 0)
            continue;
        s.number[0] = '\0';
        /* Word merges the "DỰ THẢO" text box into the symbol: "-KH/BCĐDỰ THẢO" */
        char *last = s.codes[s.code_count - 1];
        size_t ll = strlen(last);
        if (ll > strlen("DỰ") && strcmp(last + ll - strlen("DỰ"), "DỰ") == 0 &&
            match_ci(t, len, j + sn - 1, " thảo")) {
            last[ll - strlen("DỰ")] = '\0';
            sn -= strlen("DỰ");
        }
        vn_symbol_format(&s, r->own_number);
        r->has_own_number = true;
        r->own_start = j;
        r->own_end = j + sn - 1;
        return;
    }
}

/* ---- name-only references -------------------------------------------- */

static word_list name_openers = {.words = (const char *const[]){
    "bộ luật", "luật", "pháp lệnh", "hiến pháp", NULL
}};

/* Longest alias (any citing date) that starts at t[i]; returns its length. */
static size_t alias_extent(const vn_registry *reg, const char *t, size_t len, size_t i)
{
    if (!reg)
        return 0;
    size_t best = 0;
    /* aliases went through utf8proc, so they are valid UTF-8 and their
     * first byte is the lead byte of their first character */
    unsigned char lead = lowered_lead_byte(t, len, i);
    for (size_t a = 0; a < reg->alias_count; a++) {
        if ((unsigned char)reg->aliases[a].folded[0] != lead)
            continue;
        size_t n = match_ci(t, len, i, reg->aliases[a].folded);
        if (n > best && !is_alnum_cp(next_cp(t, len, i + n)))
            best = n;
    }
    return best;
}

/* What follows ", " inside a law's name ("Luật Phổ biến, giáo dục pháp
 * luật", "Luật Thi đua, khen thưởng"); after any other comma the name has
 * ended ("Luật Đầu tư, trừ các trường hợp …").  From the laws' own titles. */
static word_list second_halves = {.words = (const char *const[]){
    "chống", "công chức", "sử dụng", "trưng dụng", "thuế", "viên chức", "tố cáo",
    "giáo dục pháp luật", "khen thưởng", "chăm sóc", "tôn giáo", "đối thoại",
    "an toàn giao thông", "thể thao", "vệ sinh lao động", "môi trường biển", "hàng hóa",
    "hàng hoá", "chữa bệnh", "tạm giam", "bia", "nhập cảnh", "xuất cảnh", "quá cảnh",
    "cư trú", "vật liệu nổ", "kinh doanh tại doanh nghiệp", NULL
}};

/* What follows " và " inside a law's name ("Luật Hôn nhân và gia đình",
 * "Luật Khoa học và công nghệ"); "và" is otherwise a stop word. */
static word_list and_halves = {.words = (const char *const[]){
    "gia đình", "công nghệ", "phát triển rừng", "bản đồ", "quy chuẩn kỹ thuật",
    "chữa cháy", "giáo dục trẻ em", "kiểm dịch thực vật", "hải đảo", "công cụ hỗ trợ",
    "vừa", "an ninh trật tự", NULL
}};

static void index_word_lists(void)
{
    word_list_index(&stop_words);
    word_list_index(&type_openers);
    word_list_index(&name_openers);
    word_list_index(&second_halves);
    word_list_index(&and_halves);
    word_list_index(&numbered_words);
}

static bool comma_pair_continues(const char *t, size_t len, size_t i)
{
    size_t n;
    return match_word_in_list(t, len, i, &second_halves, &n) >= 0;
}

/* Generic name: opener + words whose first is capitalised, up to a stop
 * word or punctuation ("Luật Tổ chức chính quyền địa phương ngày …"). */
static size_t generic_name_extent(const char *t, size_t len, size_t i, size_t opener_len,
                                  bool opener_alone_ok, bool lowercase_ok)
{
    size_t j = skip_blanks_fwd(t, len, i + opener_len);
    /* "Bộ luật lao động" is always a code's name; after "Luật" a lowercase
     * word is usually prose ("Luật này"), so only the registry's aliases
     * catch names written in lowercase there */
    if (!is_upper_cp(next_cp(t, len, j)) && !(lowercase_ok && !is_stop_word(t, len, j) &&
                                                is_alnum_cp(next_cp(t, len, j))))
        return opener_alone_ok ? opener_len : 0;
    size_t end = i + opener_len;
    for (int words = 0; words < NAME_MAX_WORDS && j < len; words++) {
        if (words > 0 && is_stop_word(t, len, j))
            break;
        size_t w = word_end(t, len, j);
        /* a number is not a word of a name: a footnote's ("Luật Đất
         * đai<sup>2</sup>" is cleaned to "Luật Đất đai 2") or a year */
        size_t digits = j;
        while (digits < w && vn_ascii_digit(t[digits]))
            digits++;
        if (w == j || digits == w)
            break;
        end = w;
        /* "Luật Phòng, chống tham nhũng", "Luật Cán bộ, công chức": law names
         * that pair two words with a comma; any other comma ends the name */
        if (w + 2 < len && t[w] == ',' && t[w + 1] == ' ' && comma_pair_continues(t, len, w + 2)) {
            j = w + 2;
            continue;
        }
        size_t va = w + 1 < len && t[w] == ' ' ? match_word_ci(t, len, w + 1, "và") : 0;
        size_t pair_len;
        if (va && w + 1 + va < len && t[w + 1 + va] == ' ' &&
            match_word_in_list(t, len, w + 2 + va, &and_halves, &pair_len) >= 0) {
            j = w + 2 + va;
            continue;
        }
        size_t next = wrapped_line(t, len, skip_spaces_fwd(t, len, w));
        if (next == w || next >= len || t[next] == '\n')
            break;
        j = next;       /* justified text ("Luật   Đất   đai"), a wrapped line */
    }
    return end - i;
}


/* "nước Cộng hòa xã hội chủ nghĩa Việt Nam" after "Hiến pháp": the
 * constitution's full title, between the name and its year ("… năm 1992"). */
static size_t country_title_len(const char *t, size_t len, size_t i)
{
    size_t j = skip_blanks_fwd(t, len, i);
    size_t n = match_word_ci(t, len, j, "nước cộng hòa xã hội chủ nghĩa việt nam");
    if (!n)
        n = match_word_ci(t, len, j, "nước cộng hoà xã hội chủ nghĩa việt nam");
    return n ? j + n - i : 0;
}

static vn_status push_name(vn_extract_result *r, const char *t, size_t len,
                           size_t start, size_t name_start, size_t name_end,
                           const char *name_override, const vn_pinpoint *pp,
                           const char *type_word, size_t *out_end)
{
    draft d;
    draft_init(&d);
    d.c.kind = VN_CITE_NAME;
    d.c.start = start;
    d.c.symbol_start = name_start;
    d.c.symbol_end = name_end;
    copy_str(d.c.type_word, sizeof d.c.type_word, type_word);
    if (name_override)
        copy_str(d.name, sizeof d.name, name_override);
    else
        copy_trimmed(d.name, sizeof d.name, t + name_start, name_end - name_start);
    if (pp)
        d.c.pinpoint = *pp;
    size_t end = name_end;
    size_t tail = name_end;
    if (strcmp(type_word, "Hiến pháp") == 0)
        tail += country_title_len(t, len, name_end);
    size_t yl = read_year(t, len, tail, true, &d.c.date);
    if (yl)
        end = tail + yl;
    else
        end = read_suffix(t, len, name_end, &d);
    d.c.end = name_end;
    *out_end = end;
    return vn_citation_list_push(&r->citations, &d.c);
}

/* A date, a number or a year starts at w: what follows a name, not part of it. */
static bool name_tail_starts(const char *t, size_t len, size_t w)
{
    if (match_word_ci(t, len, w, "ngày") || match_word_ci(t, len, w, "số"))
        return true;
    size_t nam = match_word_ci(t, len, w, "năm");
    size_t y = nam ? skip_spaces_fwd(t, len, w + nam) : w;
    return nam && y < len && vn_ascii_digit(t[y]);
}

/*
 * What an amending law is named after, from k (just after "của") to `limit`:
 * the laws "Luật X, Luật Y … và Luật Z", each opener right after "của", a
 * comma or "và", the words between them included ("Luật Đầu tư theo phương
 * thức đối tác công tư và Luật Đấu thầu"); with no law named there, the
 * words up to a comma ("37 luật có liên quan đến quy hoạch").  Stops at a
 * date, a number or other punctuation.  Returns the end (k if nothing).
 */
static size_t amended_laws_end(const char *t, size_t len, size_t k, size_t limit)
{
    size_t end = k;
    bool law_seen = false, joined = true;
    for (size_t w = k; w < limit && !name_tail_starts(t, len, w);) {
        size_t ol, e = w;
        int which = joined ? match_word_in_list(t, len, w, &name_openers, &ol) : -1;
        size_t n = which >= 0 && which != 3 && is_upper_cp(next_cp(t, len, w))
                       ? generic_name_extent(t, len, w, ol, false, which == 0)
                       : 0;
        if (n) {
            end = e = w + n;
            law_seen = true;
            joined = false;
        } else {
            e = word_end(t, limit, w);
            if (e == w)
                break;
            if (!law_seen)
                end = e;
            joined = match_word_ci(t, len, w, "và") == e - w;
        }
        if (e < limit && t[e] == ',') {
            if (!law_seen)
                break;
            joined = true;
            e++;
        }
        if (e >= limit || t[e] != ' ')
            break;
        w = skip_spaces_fwd(t, len, e);
    }
    return end;
}

/*
 * "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ
 * chức chính quyền địa phương ngày 22 tháng 11 năm 2019": an amending law
 * is an instrument of its own, named after the laws it amends, and the
 * date is its own, not theirs.  The name runs from the opener through what
 * follows the first "của" (amended_laws_end).  0 when no "của" comes
 * before the clause ends: prose ("Luật sửa đổi lần này").  `after` is where
 * "sửa đổi" starts.
 */
#define AMENDING_NAME_MAX_BYTES 400

static size_t amending_name_extent(const char *t, size_t len, size_t i, size_t after)
{
    size_t limit = len - i > AMENDING_NAME_MAX_BYTES ? i + AMENDING_NAME_MAX_BYTES : len;
    for (size_t j = after; j < limit; j++) {
        unsigned char ch = (unsigned char)t[j];
        if (ch == ';' || ch == '.' || ch == '\n' || ch == '(' || ch == ':')
            return 0;
        size_t cua = t[j - 1] == ' ' ? match_word_ci(t, len, j, "của") : 0;
        if (cua) {
            size_t end = amended_laws_end(t, len, skip_spaces_fwd(t, len, j + cua), limit);
            return end > j + cua ? end - i : 0;
        }
    }
    return 0;
}

/* At t[i] an opener word may start a name-only reference. Returns bytes
 * consumed (0 if none). */
static size_t scan_name(const char *t, size_t len, size_t i, const vn_registry *reg,
                        vn_extract_result *r, vn_status *st)
{
    static const char *const canonical[] = {"Bộ luật", "Luật", "Pháp lệnh", "Hiến pháp"};
    size_t ol = 0;
    int which = match_word_in_list(t, len, i, &name_openers, &ol);
    /* "Luật", not "LUẬT": a heading in capitals is a title, not a reference */
    if (which < 0 || !is_upper_cp(next_cp(t, len, i)) || is_upper_cp(next_cp(t, len, i + 1)))
        return 0;
    /* "pháp Luật", "Luật sư" are not references */
    size_t before = skip_blanks_back(t, 0, i);
    if (match_word_ci_before(t, before, "pháp") != (size_t)-1)
        return 0;
    size_t after = skip_blanks_fwd(t, len, i + ol);
    if (match_word_ci(t, len, after, "số") || match_word_ci(t, len, after, "sư") ||
        (after < len && vn_ascii_digit(t[after])))
        return 0;

    size_t n = alias_extent(reg, t, len, i);
    bool amending = false;
    if (n == 0 && which != 3 && match_word_ci(t, len, after, "sửa đổi"))
        amending = (n = amending_name_extent(t, len, i, after)) != 0;
    if (n == 0)
        n = generic_name_extent(t, len, i, ol, which == 3, which == 0);
    if (n == 0)
        return 0;
    vn_pinpoint pp;
    memset(&pp, 0, sizeof pp);
    size_t start = read_pinpoint(t, i, &pp);
    size_t end;
    *st = push_name(r, t, len, start, i, i + n, NULL, &pp, canonical[which], &end);
    if (*st != VN_OK)
        return end - i;

    /* "Luật Khiếu nại, tố cáo" / "Luật Tiếp công dân và Khiếu nại": a second
     * law named with its opener elided, recognised only through an alias. */
    size_t j = skip_blanks_fwd(t, len, i + n);
    if (j < len && t[j] == ',')
        j = skip_blanks_fwd(t, len, j + 1);
    else if (match_word_ci(t, len, j, "và"))
        j = skip_blanks_fwd(t, len, j + match_word_ci(t, len, j, "và"));
    if (reg && !amending && j < len && j > i + n && !match_word_ci(t, len, j, "luật") &&
        !match_word_ci(t, len, j, "bộ")) {
        char buf[200];
        int pre = snprintf(buf, sizeof buf, "%s ", canonical[which]);
        size_t take = len - j < sizeof buf - (size_t)pre - 1 ? len - j : sizeof buf - (size_t)pre - 1;
        while (take > 0 && ((unsigned char)t[j + take] & 0xC0) == 0x80)
            take--;   /* keep whole characters */
        memcpy(buf + pre, t + j, take);
        buf[(size_t)pre + take] = '\0';
        size_t m = alias_extent(reg, buf, (size_t)pre + take, 0);
        if (m > (size_t)pre) {
            char name[VN_CITE_TEXT_MAX];
            copy_trimmed(name, sizeof name, buf, m);
            size_t end2;
            *st = push_name(r, t, len, j, j, j + m - (size_t)pre, name, NULL,
                            canonical[which], &end2);
            return end2 - i;
        }
    }
    return end - i;
}

/* ---- numbered, list and short citations ------------------------------ */

/* "/2020" right after a number, with nothing but blanks or punctuation
 * after it ("Nghị định số 15/2020 của Chính phủ": a symbol written without
 * its codes): the year, or 0. */
static int year_suffix(const char *t, size_t len, size_t k)
{
    if (k + 5 > len || t[k] != '/' || !(t[k + 1] == '1' || t[k + 1] == '2'))
        return 0;
    for (int d = 1; d <= 4; d++)
        if (!vn_ascii_digit(t[k + d]))
            return 0;
    int year = atoi(t + k + 1);
    if (year < 1945 || year > 2099 || is_alnum_cp(next_cp(t, len, k + 5)))
        return 0;
    size_t after = skip_blanks_fwd(t, len, k + 5);
    if (after < len && (t[after] == '/' || t[after] == '-'))
        return 0;           /* codes follow that the symbol scanner could not read */
    return year;
}

/*
 * Collects "217, 218 và 219" (with `years_only`, "15/2020 và 16/2020"
 * only): bare numbers, each perhaps with its year, not followed by a
 * separator.  Without "số" only numbers with a year are taken: "Nghị định
 * 15/2020" cites, "Quyết định 217" may not.
 */
static vn_status scan_bare_numbers(const char *t, size_t len, size_t i, const prefix_info *p,
                                   bool years_only, vn_extract_result *r, size_t *consumed)
{
    size_t starts[16], ends[16], number_ends[16];
    int years[16];
    int count = 0;
    size_t j = i;
    for (;;) {
        size_t k = j;
        while (k < len && vn_ascii_digit(t[k]))
            k++;
        int year = k > j ? year_suffix(t, len, k) : 0;
        size_t number_end = k;
        if (year)
            k += 5;
        else if (years_only)
            break;
        if (k == j || number_end - j > 6 || is_alnum_cp(next_cp(t, len, k)) ||
            (k + 1 < len && t[k] == '.' && vn_ascii_digit(t[k + 1])))
            break;          /* "12.1/UBND-VX": a number this scanner cannot read */
        size_t after = skip_blanks_fwd(t, len, k);
        if (after < len && (t[after] == '/' || t[after] == '-'))
            break;          /* a symbol the scanner could not read: not a list */
        starts[count] = j;
        ends[count] = k;
        number_ends[count] = number_end;
        years[count] = year;
        count++;
        if (count == 16)
            break;
        size_t n = after;
        if (n < len && t[n] == ',')
            n = skip_blanks_fwd(t, len, n + 1);
        else if (match_word_ci(t, len, n, "và"))
            n = skip_blanks_fwd(t, len, n + match_word_ci(t, len, n, "và"));
        else
            break;
        if (n >= len || !vn_ascii_digit(t[n]))
            break;
        j = n;
    }
    *consumed = count ? ends[count - 1] - i : 0;
    if (count == 0)
        return VN_OK;

    draft proto;
    draft_init(&proto);
    proto.c.start = p->start;
    size_t end = read_suffix(t, len, ends[count - 1], &proto);
    (void)end;
    for (int k = 0; k < count; k++) {
        vn_citation c = proto.c;   /* its issuer is proto's, copied by the push */
        c.kind = count > 1 ? VN_CITE_LIST : VN_CITE_SHORT;
        c.start = k == 0 ? p->start : starts[k];
        c.end = ends[k];
        c.symbol_start = starts[k];
        c.symbol_end = ends[k];
        copy_str(c.type_word, sizeof c.type_word, p->type_word);
        memcpy(c.number, t + starts[k], number_ends[k] - starts[k]);
        c.number[number_ends[k] - starts[k]] = '\0';
        c.written_year = (unsigned short)years[k];
        vn_status st = vn_citation_list_push(&r->citations, &c);
        if (st != VN_OK)
            return st;
    }
    return VN_OK;
}

/* "Mẫu số 01/BC", "Biểu số 03/TH", "tờ khai mẫu số 05/KK-TNCN": the
 * numbers of forms, annexes and tables are written like symbols but name
 * no instrument.  True if such a word stands right before "số" at so. */
static bool numbers_a_form(const char *t, size_t so)
{
    static const char *const form_words[] = {
        "mẫu", "biểu", "phụ lục", "phiếu", "tờ khai", "bảng", "hồ sơ", NULL
    };
    size_t floor = so > LOOKBACK_BYTES ? so - LOOKBACK_BYTES : 0;
    size_t end = skip_blanks_back(t, floor, so);
    for (int k = 0; form_words[k]; k++) {
        size_t w = match_word_ci_before(t, end, form_words[k]);
        if (w != (size_t)-1 && w >= floor)
            return true;
    }
    return false;
}

/* The types whose symbols carry a year, so that "Nghị định 15/2020" cites
 * one without "số"; "Báo cáo 12/2024" may be December's report. */
static bool cited_by_number_and_year(const char *type_word)
{
    static const char *const types[] = {
        "Luật", "Bộ luật", "Pháp lệnh", "Nghị định", "Nghị quyết", "Nghị quyết liên tịch",
        "Thông tư", "Thông tư liên tịch", "Quyết định", "Chỉ thị", NULL
    };
    for (int k = 0; types[k]; k++)
        if (strcmp(type_word, types[k]) == 0)
            return true;
    return false;
}

static vn_status scan_number(const char *t, size_t len, size_t i, vn_extract_result *r,
                             size_t *consumed)
{
    /* Most numbers start no symbol; those only matter after "số" and a
     * type word, as a list of bare numbers. */
    bool may_be_symbol = vn_symbol_may_start(t + i, len - i);
    size_t digits = 0;
    while (i + digits < len && vn_ascii_digit(t[i + digits]))
        digits++;
    bool with_year = !may_be_symbol && year_suffix(t, len, i + digits) != 0;
    prefix_info p = read_prefix(t, i, !may_be_symbol && !with_year, with_year);
    vn_symbol s;
    size_t n = may_be_symbol ? vn_symbol_scan(t + i, len - i, p.type_word, true, &s) : 0;
    if (n == 0) {
        *consumed = 0;
        if (p.type_word && (p.has_so || (with_year && cited_by_number_and_year(p.type_word))))
            return scan_bare_numbers(t, len, i, &p, !p.has_so, r, consumed);
        return VN_OK;
    }
    *consumed = n;
    if (p.has_so && !p.type_word && numbers_a_form(t, p.start))
        return VN_OK;
    if (is_own_number_context(t, len, i, i + n)) {
        char own[VN_SYMBOL_MAX];
        vn_symbol_format(&s, own);
        if (!r->has_own_number) {
            memcpy(r->own_number, own, sizeof own);
            r->has_own_number = true;
            r->own_start = i;
            r->own_end = i + n;
            return VN_OK;
        }
        if (strcmp(own, r->own_number) == 0)
            return VN_OK;   /* written again: a portal's record, then the text's header */
    }
    draft d;
    draft_init(&d);
    vn_citation *c = &d.c;
    c->kind = VN_CITE_NUMBERED;
    c->symbol_start = i;
    c->symbol_end = c->end = i + n;
    vn_symbol_format(&s, d.symbol);
    copy_str(c->number, sizeof c->number, s.number);
    c->has_year = vn_symbol_has_year(&s);
    const char *by_code = vn_type_word_for_code(s.codes[0]);
    const char *tw = p.type_word ? p.type_word : by_code;
    /* "… kết luận số 123-TB/TW": when the words in front name another type
     * than the symbol's own type code, the code is the instrument's type */
    const char *const *expected = p.type_word ? vn_type_word_codes(p.type_word) : NULL;
    if (by_code && expected && expected[0]) {
        bool fits = false;
        for (int k = 0; expected[k] && !fits; k++)
            fits = strcmp(expected[k], s.codes[0]) == 0;
        if (!fits)
            tw = by_code;
    }
    copy_str(c->type_word, sizeof c->type_word, tw ? tw : "");
    c->start = p.type_word ? read_pinpoint(t, p.type_start, &c->pinpoint) : p.start;
    if (c->start > p.start)
        c->start = p.start;
    read_suffix(t, len, i + n, &d);
    return vn_citation_list_push(&r->citations, c);
}

/* True if only blanks, commas, "và" and "số" stand in t[from, to). */
static bool only_list_separators(const char *t, size_t from, size_t to)
{
    for (size_t x = from; x < to; x++) {
        if (t[x] == ' ' || t[x] == ',' || t[x] == '\n' || t[x] == '\t')
            continue;
        size_t w = match_word_ci(t, to, x, "và");
        if (!w)
            w = match_word_ci(t, to, x, "số");
        if (!w)
            return false;
        x += w - 1;
    }
    return true;
}

/*
 * "Quyết định số 1234, 1235/QĐ-UBND": bare numbers listed right before a
 * symbol share what follows its number, as they share its type word, so
 * 1234 is 1234/QĐ-UBND.  Last to first, so a longer list passes it on.
 */
static vn_status share_list_suffixes(const char *t, vn_citation_list *l)
{
    for (size_t k = l->count; k-- > 1;) {
        vn_citation *a = &l->items[k - 1], *b = &l->items[k];
        if ((a->kind != VN_CITE_LIST && a->kind != VN_CITE_SHORT) || a->symbol[0] ||
            !b->symbol[0] || b->kind == VN_CITE_NAME || !a->type_word[0] ||
            (b->type_word[0] && strcmp(a->type_word, b->type_word) != 0))
            continue;
        size_t digits = strlen(b->number);
        if (!digits || strncmp(b->symbol, b->number, digits) != 0 ||
            !only_list_separators(t, a->end, b->symbol_start))
            continue;
        const char *suffix = b->symbol + digits;
        char symbol[VN_SYMBOL_MAX];
        if (a->written_year) {
            /* "15/2019, 16/2020/NĐ-CP": the codes are shared, the year is not */
            if (!b->has_year || suffix[0] != '/' || strlen(suffix) < 6 || suffix[5] != '/')
                continue;
            if (snprintf(symbol, sizeof symbol, "%s/%04u%s", a->number,
                         (unsigned)a->written_year, suffix + 5) >= (int)sizeof symbol)
                continue;
        } else if (snprintf(symbol, sizeof symbol, "%s%s", a->number, suffix) >=
                   (int)sizeof symbol) {
            continue;
        }
        const char *kept = vn_citation_list_keep(l, symbol);
        if (!kept)
            return VN_ERR_NOMEM;
        a->symbol = kept;
        a->has_year = b->has_year;
        a->kind = VN_CITE_NUMBERED;     /* resolved by its symbol from here on */
        if (!b->type_word[0])
            memcpy(b->type_word, a->type_word, sizeof b->type_word);
    }
    return VN_OK;
}

/*
 * A citation without a date whose neighbour right after it has one shares
 * it when only commas, "và" and the neighbour's type word and "số" stand
 * between them: "Quyết định số 217-QĐ/TW, Quyết định số 218-QĐ/TW, ngày
 * 12/12/2013 của Bộ Chính trị"; and its issuer, when it has none.
 */
/* The code of the body that issued a numbered citation, its term cut off:
 * "CP" of 59/2023/NĐ-CP, "TW" of 217-QĐ/TW, "UBND" of 123/UBND-VX (whose
 * first code is no type code), "QH" of 10/2022/QH15.  False if none. */
static bool issuer_code_of(const vn_citation *c, char out[VN_SYMBOL_CODE_MAX])
{
    vn_symbol s;
    if (!c->symbol[0] || !vn_symbol_parse_loose(c->symbol, strlen(c->symbol), c->type_word, &s))
        return false;
    int k = s.code_count > 1 && vn_type_word_for_code(s.codes[0]) ? 1 : 0;
    if (k >= s.code_count)
        return false;
    memcpy(out, s.codes[k], VN_SYMBOL_CODE_MAX);
    size_t n = strlen(out);
    while (n > 1 && vn_ascii_digit(out[n - 1]))
        out[--n] = '\0';
    return true;
}

/* May a and b, written one after the other, share a date and an issuer?
 * Not a decree and a circular ("Nghị định số 15/2020/NĐ-CP và Thông tư
 * số 01/2021/TT-BTC của Bộ Tài chính"): their symbols name two bodies.
 * Without a symbol on either side, their type words must agree. */
static bool one_issuer(const vn_citation *a, const vn_citation *b)
{
    char ca[VN_SYMBOL_CODE_MAX], cb[VN_SYMBOL_CODE_MAX];
    if (issuer_code_of(a, ca) && issuer_code_of(b, cb))
        return strcmp(ca, cb) == 0;
    return a->type_word[0] && strcmp(a->type_word, b->type_word) == 0;
}

/* Where a's own date ends ("số 26/2019/QĐ-UBND ngày 20/9/2019"), or a's end. */
static size_t past_own_date(const char *t, size_t len, const vn_citation *a)
{
    if (a->date.precision == VN_DATE_NONE)
        return a->end;
    size_t j = skip_blanks_fwd(t, len, a->end);
    if (j < len && t[j] == ',')
        j = skip_blanks_fwd(t, len, j + 1);
    vn_date_range d;
    size_t n = read_date(t, len, j, &d);
    return n ? n : a->end;
}

static void share_trailing_dates(const char *t, size_t len, vn_citation_list *l)
{
    for (size_t k = l->count; k-- > 1;) {
        vn_citation *a = &l->items[k - 1], *b = &l->items[k];
        if (a->kind == VN_CITE_NAME || b->kind == VN_CITE_NAME)
            continue;
        /* with no date to share, the issuer alone: "Nghị định số
         * 59/2023/NĐ-CP, Nghị định số 60/2023/NĐ-CP của Chính phủ"; and
         * each with its own date, the issuer: "Quyết định số … ngày …
         * và Quyết định số … ngày … của UBND tỉnh" */
        bool date = a->date.precision == VN_DATE_NONE && b->date.precision != VN_DATE_NONE;
        bool issuer = !a->issuer[0] && b->issuer[0];
        if ((!date && !issuer) || !only_list_separators(t, past_own_date(t, len, a), b->start) ||
            !one_issuer(a, b))
            continue;
        if (date) {
            a->date = b->date;
            a->date_shared = true;
        }
        if (issuer) {
            a->issuer = b->issuer;   /* both in l's texts */
            memcpy(a->term, b->term, sizeof a->term);
        }
    }
}

/* "Nghị định số 15/2020" with no date written: the year after the number is
 * the year of issue.  After the dates are shared, so it is never passed on. */
static void date_by_written_year(vn_citation_list *l)
{
    for (size_t k = 0; k < l->count; k++) {
        vn_citation *c = &l->items[k];
        if (c->written_year && c->date.precision == VN_DATE_NONE &&
            (c->kind == VN_CITE_LIST || c->kind == VN_CITE_SHORT))
            vn_date_range_set(c->written_year, 0, 0, &c->date);
    }
}

/* The bytes the loop below acts on: a digit starts a number, and L, B, P, H
 * the name openers (Luật, Bộ luật, Pháp lệnh, Hiến pháp).  Everything else
 * is skipped in a tight loop: most of a document is neither. */
static const bool may_start_citation[256] = {
    ['0'] = true, ['1'] = true, ['2'] = true, ['3'] = true, ['4'] = true,
    ['5'] = true, ['6'] = true, ['7'] = true, ['8'] = true, ['9'] = true,
    ['L'] = true, ['B'] = true, ['P'] = true, ['H'] = true,
};

/*
 * "Luật Tổ chức chính quyền địa phương số 77/2015/QH13", "Bộ luật Lao động
 * 45/2019/QH14": a name followed by its own symbol is one citation, the
 * numbered one, typed by the name's opener ("Luật") and starting where the
 * name (or its pinpoint) does; the name is not a second citation.  Only
 * when blanks alone part them and the symbol has no type word of its own.
 */
static void merge_named_symbols(const char *t, vn_citation_list *l)
{
    size_t kept = 0;
    for (size_t k = 0; k < l->count; k++) {
        vn_citation *c = &l->items[k], *next = k + 1 < l->count ? c + 1 : NULL;
        if (next && c->kind == VN_CITE_NAME && next->kind == VN_CITE_NUMBERED &&
            !next->type_word[0] && !c->date.precision && next->start >= c->end) {
            size_t gap = c->end;
            while (gap < next->start && (t[gap] == ' ' || t[gap] == '\t' || t[gap] == '\n'))
                gap++;
            if (gap == next->start) {
                memcpy(next->type_word, c->type_word, sizeof next->type_word);
                next->start = c->start;
                if (!next->pinpoint.article[0])
                    next->pinpoint = c->pinpoint;
                continue;
            }
        }
        if (kept != k)
            l->items[kept] = *c;
        kept++;
    }
    l->count = kept;
}

/* At a capital L, B, P or H: the next byte is that of the lower-case letter
 * "Luật", "Bộ luật", "Pháp lệnh" or "Hiến pháp" continues with.  scan_name
 * takes nothing else (a capital there is a heading), and most capitals of
 * a plan (Ban, Phòng, Huyện, Lãnh đạo …) fail here on one byte. */
static bool may_open_name(const char *t, size_t len, size_t i)
{
    if (i + 1 >= len)
        return false;
    unsigned char next = (unsigned char)t[i + 1];
    switch (t[i]) {
    case 'L': return next == 'u';
    case 'P': return next == 'h';
    case 'H': return next == 'i';
    case 'B': return next == 0xE1;  /* ộ, U+1ED9 */
    default: return false;
    }
}

/* The first byte at or after i that may start a citation (len if none).
 * Sixteen bytes at a time where SSE2 is there (every x86-64): the skip was
 * a fifth of the extractor's time, one table lookup per byte. */
static size_t next_candidate(const char *t, size_t len, size_t i)
{
#ifdef __SSE2__
    const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);
    const __m128i L = _mm_set1_epi8('L'), B = _mm_set1_epi8('B');
    const __m128i P = _mm_set1_epi8('P'), H = _mm_set1_epi8('H');
    for (; i + 16 <= len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
        __m128i d = _mm_sub_epi8(v, zero);                  /* digits: 0..9 */
        __m128i hit = _mm_cmpeq_epi8(_mm_min_epu8(d, nine), d);
        hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(v, L), _mm_cmpeq_epi8(v, B)));
        hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(v, P), _mm_cmpeq_epi8(v, H)));
        unsigned mask = (unsigned)_mm_movemask_epi8(hit);
        if (mask)
            return i + (size_t)__builtin_ctz(mask);
    }
#endif
    while (i < len && !may_start_citation[(unsigned char)t[i]])
        i++;
    return i;
}

vn_status vn_extract(const char *t, size_t len, const vn_registry *reg,
                     vn_extract_result *out, vn_error *err)
{
    memset(out, 0, sizeof *out);
    vn_status st = VN_OK;
    for (size_t i = 0; i < len && st == VN_OK;) {
        i = next_candidate(t, len, i);
        if (i == len)
            break;
        unsigned char ch = (unsigned char)t[i];
        if (ch >= '0' && ch <= '9') {
            size_t consumed = 0;
            if (anchor_ok(t, i))
                st = scan_number(t, len, i, out, &consumed);
            if (consumed == 0)
                while (i < len && vn_ascii_digit(t[i]))
                    i++;
            i += consumed;
            continue;
        }
        if (may_open_name(t, len, i) && !is_alnum_cp(prev_cp(t, i))) {
            size_t consumed = scan_name(t, len, i, reg, out, &st);
            i += consumed ? consumed : 1;
            continue;
        }
        i++;
    }
    if (st == VN_OK) {
        if (!out->has_own_number)
            find_blank_own_number(t, len, out);
        merge_named_symbols(t, &out->citations);
        st = share_list_suffixes(t, &out->citations);
    }
    if (st != VN_OK) {
        vn_extract_result_free(out);
        return vn_error_set(err, st, "out of memory while extracting citations");
    }
    share_trailing_dates(t, len, &out->citations);
    date_by_written_year(&out->citations);
    return VN_OK;
}

void vn_extract_result_free(vn_extract_result *r)
{
    vn_citation_list_free(&r->citations);
}
