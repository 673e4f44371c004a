/*
 * vni.c — text in VNI-Windows.  A letter with marks is its base letter
 * followed by one byte for the marks, upper case after a capital: "aø" is à,
 * "aâ" â, "aá" ấ (circumflex and acute), "aê" ă, "aé" ắ; five letters stand
 * alone: ñ đ, ô ơ, ö ư, the i's (í ì æ ỉ ó ĩ ò ị) and î ỵ, which may take a
 * tone after them as well ("öø" is ừ).  Every other byte is windows-1252
 * (quotes, dashes), whose table is the C library's (legacy_charset.h).
 */
#include "vni.h"

#include <utf8proc.h>

#include "legacy_charset.h"

/* Marks as combining code points. */
enum { GRAVE = 0x300, ACUTE = 0x301, CIRCUMFLEX = 0x302, TILDE = 0x303, BREVE = 0x306,
       HOOK = 0x309, DOT = 0x323 };

/* What a byte after a base letter means: the marks it adds (0 = none). */
typedef struct mark_byte {
    int shape;          /* CIRCUMFLEX or BREVE, or 0 */
    int tone;           /* GRAVE … DOT, or 0 */
} mark_byte;

/* By the lower-case byte (a capital's mark byte is its byte - 0x20). */
static mark_byte mark_of(unsigned char lower)
{
    switch (lower) {
    case 0xF9: return (mark_byte){0, ACUTE};
    case 0xF8: return (mark_byte){0, GRAVE};
    case 0xFB: return (mark_byte){0, HOOK};
    case 0xF5: return (mark_byte){0, TILDE};
    case 0xEF: return (mark_byte){0, DOT};
    case 0xE2: return (mark_byte){CIRCUMFLEX, 0};
    case 0xE1: return (mark_byte){CIRCUMFLEX, ACUTE};
    case 0xE0: return (mark_byte){CIRCUMFLEX, GRAVE};
    case 0xE5: return (mark_byte){CIRCUMFLEX, HOOK};
    case 0xE3: return (mark_byte){CIRCUMFLEX, TILDE};
    case 0xE4: return (mark_byte){CIRCUMFLEX, DOT};
    case 0xEA: return (mark_byte){BREVE, 0};
    case 0xE9: return (mark_byte){BREVE, ACUTE};
    case 0xE8: return (mark_byte){BREVE, GRAVE};
    case 0xFA: return (mark_byte){BREVE, HOOK};
    case 0xFC: return (mark_byte){BREVE, TILDE};
    case 0xEB: return (mark_byte){BREVE, DOT};
    default: return (mark_byte){0, 0};
    }
}

/* The letters that stand alone, by the lower-case byte; 0 if none. */
static int alone_lower(unsigned char lower)
{
    switch (lower) {
    case 0xF1: return 0x0111;   /* đ */
    case 0xF4: return 0x01A1;   /* ơ */
    case 0xF6: return 0x01B0;   /* ư */
    case 0xED: return 0x00ED;   /* í */
    case 0xEC: return 0x00EC;   /* ì */
    case 0xE6: return 0x1EC9;   /* ỉ */
    case 0xF3: return 0x0129;   /* ĩ */
    case 0xF2: return 0x1ECB;   /* ị */
    case 0xEE: return 0x1EF5;   /* ỵ */
    default: return 0;
    }
}

/* The standing-alone letter at byte b (either case), or 0. */
static int alone(unsigned char b)
{
    if (b < 0xC0)
        return 0;
    int cp = alone_lower(b | 0x20);
    if (cp == 0 || b >= 0xE0)
        return cp;
    return cp < 0x100 ? cp - 0x20 : cp - 1;    /* Í Ì as Latin-1 has them; Đ Ơ Ư Ỉ Ĩ Ị Ỵ one below */
}

/* Does base letter cp take marks m after it? */
static bool takes(int cp, mark_byte m)
{
    int lower = cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    if (m.shape == BREVE)
        return lower == 'a';
    if (m.shape == CIRCUMFLEX)
        return lower == 'a' || lower == 'e' || lower == 'o';
    return lower == 'a' || lower == 'e' || lower == 'o' || lower == 'u' || lower == 'y' ||
           cp == 0x01A1 || cp == 0x01A0 || cp == 0x01B0 || cp == 0x01AF;
}

/* The marks byte b holds, in either case (VNI writes it in its letter's
 * case; a mismatch is taken too, as typed text has it). */
static mark_byte marks_at(unsigned char b)
{
    if (b < 0xC0)
        return (mark_byte){0, 0};
    return mark_of(b | 0x20);
}

static bool has_marks(mark_byte m)
{
    return m.shape || m.tone;
}

/* Bytes only VNI writes in Vietnamese text: the grave, hook and dot below
 * (ø û ï), the circumflex or breve with a hook, tilde or dot (å ä ü ë), ư
 * and đ (ö ñ), ỉ and ỵ (æ î), in either case.  In windows-1258 they are
 * letters of other languages, which its Vietnamese text does not hold;
 * TCVN3 was told apart before. */
static bool vni_only(unsigned char b)
{
    switch (b | 0x20) {
    case 0xF8: case 0xFB: case 0xEF: case 0xE4: case 0xE5: case 0xEB: case 0xFC:
    case 0xF6: case 0xF1: case 0xE6: case 0xEE:
        return b >= 0xC0;
    default:
        return false;
    }
}

/* A vowel VNI writes marks after: a e o u y, and ơ ư (ô ö), in either case. */
static bool vowel_byte(unsigned char c)
{
    switch (c | 0x20) {
    case 'a': case 'e': case 'o': case 'u': case 'y':
        return c < 0x80;
    case 0xF4: case 0xF6:
        return c >= 0xC0;
    default:
        return false;
    }
}

/* Two tests: bytes only VNI writes are a fifth of the high bytes or more,
 * and a third or more of the high bytes are marks right after a vowel, as
 * VNI's Vietnamese has them ("aø", "eä") and a German file in windows-1252,
 * whose ä ö ü follow consonants ("schön", "Müller"), has not. */
bool vn_vni_likely(const unsigned char *b, size_t n)
{
    size_t high = 0, only = 0, after_vowel = 0;
    for (size_t i = 0; i < n; i++) {
        if (b[i] < 0x80)
            continue;
        high++;
        only += vni_only(b[i]);
        after_vowel += i > 0 && vowel_byte(b[i - 1]) && has_marks(marks_at(b[i]));
    }
    if (high < 8 || only * 100 < high * 20 || after_vowel * 100 < high * 33)
        return false;
    return vn_legacy_cp1252() != NULL;
}

/* The letter at b[i] with its marks at b[i + 1], composed (utf8proc), and
 * the bytes it took: 1 without marks, 2 with; 0 if b[i] is no letter VNI
 * writes marks after. */
static size_t letter_at(const unsigned char *b, size_t n, size_t i, int *cp)
{
    int base = b[i] < 0x80 ? b[i] : alone(b[i]);
    if (base == 0)
        return 0;
    *cp = base;
    mark_byte m = i + 1 < n ? marks_at(b[i + 1]) : (mark_byte){0, 0};
    if (!has_marks(m) || !takes(base, m))
        return 1;
    /* in canonical order: the dot below (class 220) before a circumflex or
     * breve (230), which come before the other tones (230, as written) */
    utf8proc_int32_t seq[3] = {base, m.shape ? m.shape : m.tone, m.shape ? m.tone : 0};
    if (m.shape && m.tone == DOT) {
        seq[1] = DOT;
        seq[2] = m.shape;
    }
    utf8proc_ssize_t len = utf8proc_normalize_utf32(seq, seq[2] ? 3 : 2, UTF8PROC_COMPOSE);
    if (len != 1)
        return 1;           /* cannot be: every pair VNI writes is one letter */
    *cp = seq[0];
    return 2;
}

/* A letter and its marks (letter_at), else a windows-1252 byte. */
static size_t read_vni(const unsigned char *b, size_t n, size_t i, const void *cp1252, int *cp)
{
    size_t took = letter_at(b, n, i, cp);
    if (took)
        return took;
    int c = ((const int *)cp1252)[b[i]];
    *cp = c ? c : 0xFFFD;
    return 1;
}

vn_status vn_vni_decode(const unsigned char *b, size_t n, vn_buf *out, vn_offmap *map)
{
    const int *cp1252 = vn_legacy_cp1252();
    if (!cp1252)
        return VN_ERR_ENCODING;
    return vn_legacy_decode(b, n, read_vni, cp1252, out, map);
}
