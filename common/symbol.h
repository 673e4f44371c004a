/*
 * symbol.h — the "số, ký hiệu" of Vietnamese instruments.
 *
 * Three families (Nghị định 30/2020/NĐ-CP; Hướng dẫn 36-HD/VPTW):
 *   state normative      NUM/YEAR/TYPE-ISSUER[-ISSUER…]   59/2023/NĐ-CP, 10/2022/QH15
 *   state administrative NUM/TYPE-ISSUER | NUM/ISSUER-UNIT 26/CT-TTg, 575/UBND-NC
 *   Party                NUM-TYPE/ISSUER                    120-KL/TW, 06-CTHĐ/BDVTU
 * plus old styles without year or type: 196-CP, 66/HĐBT, 21-LCT/HĐNN8.
 *
 * A symbol is parsed into parts (number, optional year, codes) and printed
 * back in canonical form: NFC, no inner spaces, the family's separators
 * (so "NĐ/CP" after a year becomes "NĐ-CP"), conventional capitalisation
 * of known codes (NĐ, QĐ, QĐi, CTr, TTg, QyĐ …; unknown codes upper-case),
 * and ASCII spellings of codes whose Đ was dropped (ND -> NĐ, QD -> QĐ)
 * where that is unambiguous.  A number is never changed.
 */
#ifndef VN_SYMBOL_H
#define VN_SYMBOL_H

#include <stdbool.h>
#include <stddef.h>

#define VN_SYMBOL_MAX_CODES 8
#define VN_SYMBOL_CODE_MAX 48
#define VN_SYMBOL_MAX 160

typedef enum vn_symbol_family {
    VN_FAMILY_NORMATIVE,      /* has a year */
    VN_FAMILY_ADMINISTRATIVE, /* NUM/CODE… */
    VN_FAMILY_PARTY           /* NUM-CODE… */
} vn_symbol_family;

typedef struct vn_symbol {
    char number[16];                  /* digits as written, leading zeros kept */
    int year;                         /* 0 when none */
    vn_symbol_family family;
    int code_count;
    char codes[VN_SYMBOL_MAX_CODES][VN_SYMBOL_CODE_MAX]; /* canonical spelling */
} vn_symbol;

/*
 * Canonical spelling of one code as written ("nđ", "ND", "Qđi", "ttg", "NN&PTNT").
 * `position` is 0 for the first code after the number/year (usually the
 * type), 1+ for issuer codes; `type_word` (may be NULL) is the instrument
 * word in front of the citation ("Nghị định") and disambiguates ASCII
 * spellings.  Writes at most VN_SYMBOL_CODE_MAX bytes; returns false if the
 * code is not a plausible code (must start with a letter, 1..40 chars of
 * letters, digits and '&').
 */
bool vn_symbol_canonical_code(const char *code, size_t len, int position,
                              const char *type_word, char *out);

/* Prints the canonical symbol ("59/2023/NĐ-CP"); out needs VN_SYMBOL_MAX. */
void vn_symbol_format(const vn_symbol *s, char *out);

/*
 * Parses a symbol typed loosely by a user or found in a CSV ("nd 59/2023",
 * "59/2023/ND-CP", "120-KL/TW", "11-QĐi/TW") into canonical form.  Returns
 * false if it is not a symbol.  `type_word` as above (may be NULL).
 */
bool vn_symbol_parse_loose(const char *text, size_t len, const char *type_word,
                           vn_symbol *out);

/*
 * Reads a symbol that starts at text[0] (a digit) and returns the bytes it
 * spans, or 0 if there is none.  Separators may be '-', '/', or Unicode
 * dashes with blanks (and one line break) around them.  In strict mode (running
 * text) codes must start upper case and a lowercase word glued after a code
 * ("…/TWngày") is not part of it; loose mode (typed by users, CSV) accepts
 * any case and "120 KL/TW" without the hyphen.  One linear pass.
 */
size_t vn_symbol_scan(const char *text, size_t len, const char *type_word,
                      bool strict, vn_symbol *out);

/*
 * False when vn_symbol_scan(text, len, any type word, strict = true, …)
 * certainly finds no symbol: the digits are not followed by a separator,
 * or by a blank and an upper-case letter, or the separator by a year or an
 * upper-case letter.  It reads a few bytes and decodes nothing, so the
 * extractor asks it first at every number of running text, most of which
 * are dates, counts and list markers.  True does not promise a symbol.
 */
bool vn_symbol_may_start(const char *text, size_t len);

/*
 * A symbol typed in lower case in running text ("1242/qđ-ubnd",
 * "15/2020/nđ-cp"), which the strict scan does not read: the token up to
 * the next blank is read as if upper-cased.  Only a symbol that opens with a
 * type code and has an issuer's code (or a year) is taken, since the
 * extractor asks only after "số" or a type word.  Returns the bytes it
 * spans in `text`, or 0.
 */
size_t vn_symbol_scan_lowercase(const char *text, size_t len, const char *type_word,
                                vn_symbol *out);

/* The type word a type code implies ("KL" -> "Kết luận"), or NULL. */
const char *vn_type_word_for_code(const char *code);

/* Number part of a canonical symbol string, e.g. "217" of "217-QĐ/TW". */
size_t vn_symbol_number_prefix(const char *symbol, char *out, size_t outsz);

/* True when the symbol carries a year (identity needs no date). */
bool vn_symbol_has_year(const vn_symbol *s);

/*
 * Instrument type words ("Nghị định", "Quyết định", "Kết luận" …).
 * vn_type_word_at() recognises the longest type word that ENDS exactly at
 * text+len (searching backwards is how the extractor finds the word in
 * front of "số"); returns its canonical spelling (capitalised, NFC) and
 * sets *start, or NULL.  Matching ignores case.
 */
const char *vn_type_word_ending_at(const char *text, size_t len, size_t *start);

/* Type codes that are conventional for a type word: "Nghị định" -> "NĐ".
 * NULL-terminated list; NULL if the word is unknown. */
const char *const *vn_type_word_codes(const char *type_word);

/* True if two canonical symbols differ only in a Party "Quy định" code
 * variant (QĐ vs QĐi) with everything else equal. */
bool vn_symbol_code_variants(const char *a, const char *b);

/* Does the symbol say whose it is, so that it can stand alone, without "số"
 * or a type word in front?  It has a year, two codes or more ("575/UBND-NC",
 * "120-KL/TW"), or one code that is a known issuer's ("196-CP", "123/UBND").
 * Not "5/KP3", "12/VP" or "1/KH", which are a quarter, a file mark and a
 * goal's number far more often than papers. */
bool vn_symbol_names_issuer(const vn_symbol *s);

/* A symbol typed without Đ whose type code is real both ways (DA is Dự án,
 * ĐA Đề án; HD Hướng dẫn, HĐ Hợp đồng): what the user typed may mean
 * either, which a text's type word would have told.  Writes the other
 * spelling's canonical symbol to alt; false when there is none (a Đ typed,
 * another code, not a symbol). */
bool vn_symbol_other_d_spelling(const char *typed, char alt[VN_SYMBOL_MAX]);

#endif
