/*
 * spellings.c — the Vietnamese spellings of a plain word (see spellings.h).
 */
#include "spellings.h"

#include <pthread.h>
#include <string.h>
#include "utf8.h"

/* The Vietnamese vowels, each with its five tones (grave, acute, hook
 * above, tilde, dot below), and the plain letter each stands for. */
static const struct {
    char plain;
    const char *toned[6];
} vowels[] = {
    {'a', {"a", "à", "á", "ả", "ã", "ạ"}}, {'a', {"ă", "ằ", "ắ", "ẳ", "ẵ", "ặ"}},
    {'a', {"â", "ầ", "ấ", "ẩ", "ẫ", "ậ"}}, {'e', {"e", "è", "é", "ẻ", "ẽ", "ẹ"}},
    {'e', {"ê", "ề", "ế", "ể", "ễ", "ệ"}}, {'i', {"i", "ì", "í", "ỉ", "ĩ", "ị"}},
    {'o', {"o", "ò", "ó", "ỏ", "õ", "ọ"}}, {'o', {"ô", "ồ", "ố", "ổ", "ỗ", "ộ"}},
    {'o', {"ơ", "ờ", "ớ", "ở", "ỡ", "ợ"}}, {'u', {"u", "ù", "ú", "ủ", "ũ", "ụ"}},
    {'u', {"ư", "ừ", "ứ", "ử", "ữ", "ự"}}, {'y', {"y", "ỳ", "ý", "ỷ", "ỹ", "ỵ"}},
};
#define VOWEL_ROWS (sizeof vowels / sizeof vowels[0])
#define D_STROKE 0x0111 /* đ */

static bool is_vowel(char c)
{
    return c && strchr("aeiouy", c) != NULL;
}

/* How many bases the plain letter c has (đ counts as d's second). */
static size_t bases_of(char c)
{
    size_t n = 0;
    for (size_t r = 0; r < VOWEL_ROWS; r++)
        n += vowels[r].plain == c;
    return c == 'd' ? 2 : n ? n : 1;
}

size_t vn_spellings_count(const char *plain, size_t len)
{
    size_t product = 1, vowel_count = 0;
    for (size_t i = 0; i < len; i++) {
        product *= bases_of(plain[i]);
        vowel_count += is_vowel(plain[i]);
        if (product > VN_SPELLINGS_MAX || vowel_count > VN_SPELLINGS_MAX)
            return VN_SPELLINGS_MAX + 1;
    }
    size_t n = product * (1 + 5 * vowel_count);
    return n > VN_SPELLINGS_MAX ? VN_SPELLINGS_MAX + 1 : n;
}

/* The plain letter and tone of every Vietnamese vowel and đ, by code
 * point: they all lie in two blocks (Latin-1 to Latin Extended-B, and
 * Latin Extended Additional).  Built once; the indexer asks for every
 * accented word. */
#define LOW_FIRST 0x00C0
#define LOW_LAST 0x01B0
#define HIGH_FIRST 0x1EA0
#define HIGH_LAST 0x1EF9
typedef struct vowel_letter {
    char plain;  /* 0: not a Vietnamese letter */
    char tone;
} vowel_letter;
static vowel_letter low_block[LOW_LAST - LOW_FIRST + 1], high_block[HIGH_LAST - HIGH_FIRST + 1];
static pthread_once_t blocks_once = PTHREAD_ONCE_INIT;

static vowel_letter *slot_of(int cp)
{
    if (cp >= LOW_FIRST && cp <= LOW_LAST)
        return &low_block[cp - LOW_FIRST];
    if (cp >= HIGH_FIRST && cp <= HIGH_LAST)
        return &high_block[cp - HIGH_FIRST];
    return NULL;
}

static void fill_blocks(void)
{
    for (size_t r = 0; r < VOWEL_ROWS; r++)
        for (int t = 0; t < 6; t++) {
            int cp;
            const char *s = vowels[r].toned[t];
            vn_utf8_next(s, strlen(s), &cp);
            vowel_letter *l = slot_of(cp);
            if (l)
                *l = (vowel_letter){vowels[r].plain, (char)t};
        }
    *slot_of(D_STROKE) = (vowel_letter){'d', 0};
}

/* The plain letter and tone (0 for none) of a Vietnamese vowel or đ;
 * false for any other character. */
static bool decompose(int cp, char *plain, int *tone)
{
    pthread_once(&blocks_once, fill_blocks);
    const vowel_letter *l = slot_of(cp);
    if (!l || !l->plain)
        return false;
    *plain = l->plain;
    *tone = l->tone;
    return true;
}

bool vn_spelling_of(const char *accented, size_t accented_len, const char *plain,
                    size_t plain_len)
{
    size_t a = 0, p = 0;
    int tones = 0;
    while (a < accented_len) {
        int cp;
        size_t n = vn_utf8_next(accented + a, accented_len - a, &cp);
        char letter = (char)cp;
        int tone = 0;
        if (cp >= 0x80 && !decompose(cp, &letter, &tone))
            return false;
        if (p >= plain_len || plain[p] != letter)
            return false;
        tones += tone > 0;
        a += n;
        p++;
    }
    return p == plain_len && tones <= 1 &&
           vn_spellings_count(plain, plain_len) <= VN_SPELLINGS_MAX;
}

typedef struct speller {
    const char *prefix;
    const char *plain;
    size_t len;
    size_t max_len;
    vn_buf *out;
    size_t *count;
    vn_buf word;
} speller;

static vn_status spell_from(speller *s, size_t i, bool toned)
{
    if (s->word.len > s->max_len)
        return VN_OK;
    if (i == s->len) {
        if (vn_buf_append(s->out, s->prefix, strlen(s->prefix)) != VN_OK ||
            vn_buf_append(s->out, s->word.data, s->word.len) != VN_OK ||
            vn_buf_append_char(s->out, '\0') != VN_OK)
            return VN_ERR_NOMEM;
        ++*s->count;
        return VN_OK;
    }
    size_t mark = s->word.len;
    char c = s->plain[i];
    vn_status st = VN_OK;
    if (is_vowel(c)) {
        /* the untoned bases first, so that the plain word itself leads */
        for (int t = 0; t < (toned ? 1 : 6) && st == VN_OK; t++)
            for (size_t r = 0; r < VOWEL_ROWS && st == VN_OK; r++) {
                if (vowels[r].plain != c)
                    continue;
                s->word.len = mark;
                const char *v = vowels[r].toned[t];
                st = vn_buf_append(&s->word, v, strlen(v));
                if (st == VN_OK)
                    st = spell_from(s, i + 1, toned || t > 0);
            }
    } else {
        st = vn_buf_append_char(&s->word, c);
        if (st == VN_OK)
            st = spell_from(s, i + 1, toned);
        if (st == VN_OK && c == 'd') {
            s->word.len = mark;
            st = vn_buf_append(&s->word, "đ", strlen("đ"));
            if (st == VN_OK)
                st = spell_from(s, i + 1, toned);
        }
    }
    s->word.len = mark;
    return st;
}

vn_status vn_spellings(const char *prefix, const char *plain, size_t len, size_t max_len,
                       vn_buf *out, size_t *count)
{
    if (vn_spellings_count(plain, len) > VN_SPELLINGS_MAX)
        return VN_OK;
    speller s = {prefix, plain, len, max_len, out, count, VN_BUF_INIT};
    vn_status st = vn_buf_append(&s.word, "", 0);
    if (st == VN_OK)
        st = spell_from(&s, 0, false);
    vn_buf_free(&s.word);
    return st;
}
