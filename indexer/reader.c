/*
 * reader.c — file bytes to valid UTF-8 with LF line ends (see reader.h).
 *
 * Decisions, in the order they are taken:
 *   0. A ZIP archive is read as a Word .docx or an .odt (docx.h): its text
 *      goes through the steps below as UTF-8.
 *   1. Magic numbers of the formats users drop into a corpus by mistake
 *      (PDF, OLE = old .doc/.xls) refuse the file.
 *   2. A UTF-16 byte-order mark selects ICU's UTF-16 converter.
 *   3. Everything else is decoded as UTF-8 (a UTF-8 BOM is skipped) in one
 *      pass that also validates, maps CR/CRLF to LF and replaces each
 *      maximal ill-formed subsequence (Unicode §3.9) by U+FFFD.  A NUL byte
 *      stops it: no text file holds one.
 *   4. If that pass found the bytes to be mostly not UTF-8, they are decoded
 *      again as TCVN3 (tcvn3.h) or windows-1258 (see looks_like_cp1258).
 *   5. Decoded text that is an HTML page (or a file named .html) is replaced
 *      by the text a browser shows (html.h), which goes through 3 again.
 * Only step 3 is on the hot path: it skips ASCII 8 bytes at a time, copies
 * unchanged stretches with memcpy and records offmap anchors only where a
 * length changes (BOM, CRLF, U+FFFD).
 */
#include "reader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/utf16.h>

#include "../common/buf.h"
#include "../common/utf8.h"
#include "docx.h"
#include "html.h"
#include "tcvn3.h"
#include "vni.h"
#include "legacy_font.h"

const char *vn_encoding_name(vn_encoding e)
{
    switch (e) {
    case VN_ENC_UTF8: return "UTF-8";
    case VN_ENC_UTF8_BOM: return "UTF-8 with BOM";
    case VN_ENC_UTF16LE: return "UTF-16LE";
    case VN_ENC_UTF16BE: return "UTF-16BE";
    case VN_ENC_CP1258: return "windows-1258";
    case VN_ENC_DOCX: return "Word .docx";
    case VN_ENC_ODT: return "OpenDocument .odt";
    case VN_ENC_HTML: return "HTML";
    case VN_ENC_TCVN3: return "TCVN3";
    case VN_ENC_VNI: return "VNI";
    }
    return "unknown";
}

void vn_decoded_free(vn_decoded *d)
{
    free(d->text);
    vn_offmap_free(&d->map);
    *d = (vn_decoded){0};
}

/* ---- what is not text ---------------------------------------------------- */

static vn_status check_magic(const char *name, const unsigned char *b, size_t n, vn_error *err)
{
    static const struct {
        const char *magic;
        size_t len;
        const char *what, *how;
    } formats[] = {
        {"%PDF", 4, "a PDF file", " (pdftotext FILE.pdf FILE.txt, or pipe it: "
                                  "pdftotext FILE.pdf - | vncite extract -)"},
        {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, "an old Word .doc (OLE) file",
         " (save it as .docx in Word, which vncite reads)"},
    };
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (n >= formats[i].len && memcmp(b, formats[i].magic, formats[i].len) == 0)
            return vn_error_set(err, VN_ERR_BINARY,
                                "%s: looks like %s, not text; convert it to text first%s", name,
                                formats[i].what, formats[i].how);
    return VN_OK;
}

/* A NUL byte was found in what should be UTF-8.  UTF-16 saved without a
 * byte-order mark shows NULs in every other byte (the high byte of each
 * ASCII character); say so, since the fix differs from a binary file's. */
static vn_status refuse_nul(const char *name, const unsigned char *b, size_t n, vn_error *err)
{
    size_t zeros[2] = {0, 0}, sample = n < 4096 ? n : 4096;
    for (size_t i = 0; i < sample; i++)
        zeros[i & 1] += b[i] == 0;
    size_t pairs = sample / 2;
    if (pairs >= 4 && (zeros[0] * 10 >= pairs * 4 || zeros[1] * 10 >= pairs * 4) &&
        (zeros[0] * 10 <= pairs || zeros[1] * 10 <= pairs))
        return vn_error_set(err, VN_ERR_BINARY,
                            "%s: looks like UTF-16 text without a byte-order mark; "
                            "save it as UTF-8",
                            name);
    return vn_error_set(err, VN_ERR_BINARY,
                        "%s: contains NUL bytes, so it is a binary file, not text; "
                        "convert it to text first",
                        name);
}

/* ---- UTF-8 --------------------------------------------------------------- */

typedef struct utf8_stats {
    size_t invalid_seqs;   /* maximal ill-formed subsequences */
    size_t invalid_bytes;  /* bytes in them */
    size_t first_bad;      /* file offset of the first one */
    bool nul;
} utf8_stats;

#define ONES  0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL
/* Non-zero if some byte of v is zero (the classic bit trick). */
#define HAS_ZERO(v) (((v) - ONES) & ~(v) & HIGHS)

#ifdef __SSE2__
/* Bytes of v in [lo, lo + width], as a mask of 16 bits. */
static inline unsigned in_range(__m128i v, unsigned char lo, unsigned char width)
{
    __m128i d = _mm_sub_epi8(v, _mm_set1_epi8((char)lo));
    return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8((char)width)), d));
}
#endif

/*
 * How many bytes from p (a sequence boundary) decode_utf8 would only pass
 * over: sixteen at a time while a block holds nothing but ASCII other than
 * NUL and CR and whole sequences led by C2..DF, E1..EC or EE..EF (the
 * Vietnamese letters and most of the BMP; E0, ED and 4-byte leads have
 * range rules and go the careful way).  A sequence cut by the block's end
 * is left to the next block.  *scalar is how many bytes past the stop
 * the careful path must take before this is worth trying again (up to the
 * first byte it has to look at).
 */
static size_t plain_utf8_prefix(const unsigned char *p, const unsigned char *end,
                                size_t *scalar)
{
    size_t done = 0;
#ifdef __SSE2__
    const __m128i nul = _mm_setzero_si128(), cr = _mm_set1_epi8('\r');
    while (end - (p + done) >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + done));
        unsigned high = (unsigned)_mm_movemask_epi8(v);
        unsigned stop = (unsigned)_mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(v, nul), _mm_cmpeq_epi8(v, cr)));
        unsigned take = 16;
        if (high) {
            unsigned cont = in_range(v, 0x80, 0x3F), lead2 = in_range(v, 0xC2, 0x1D);
            unsigned lead3 = in_range(v, 0xE1, 0x0B) | in_range(v, 0xEE, 0x01);
            unsigned crossing = (lead2 & 0x8000u) | (lead3 & 0xC000u);
            if (crossing)   /* a sequence goes on past the block: stop at its lead */
                take = (unsigned)__builtin_ctz(crossing);
            unsigned kept = (1u << take) - 1;
            lead2 &= kept;
            lead3 &= kept;
            /* where the kept sequences put their continuation bytes */
            unsigned expected = lead2 << 1 | lead3 << 1 | lead3 << 2;
            stop |= (high & ~(cont | lead2 | lead3)) | (expected ^ cont);
            if (expected & ~kept)   /* one of them runs into the one cut off */
                stop |= 1u << (take - 1);
        }
        stop &= take < 16 ? (1u << take) - 1 : 0xFFFFu;
        if (stop || take == 0) {
            *scalar = stop ? (size_t)__builtin_ctz(stop) + 1 : 1;
            return done;
        }
        done += take;
    }
#endif
    *scalar = (size_t)(end - (p + done));
    return done;
}

/* Decodes b[start..n) as UTF-8 into out/map (offsets in map are file
 * offsets, so the BOM's 3 bytes are accounted for).  Stops at the first NUL
 * byte with st->nul set.  Well-formed text is only read here; it reaches
 * the output in long memcpy'd spans between the places that change (CR,
 * ill-formed bytes). */
static vn_status decode_utf8(const unsigned char *b, size_t start, size_t n, vn_buf *out,
                             vn_offmap *map, utf8_stats *st)
{
    if (vn_buf_reserve(out, n - start) != VN_OK)
        return VN_ERR_NOMEM;
    if (start && vn_offmap_add(map, 0, start) != VN_OK)
        return VN_ERR_NOMEM;
    const unsigned char *p = b + start, *end = b + n;
    const unsigned char *run = p; /* first byte not yet copied to out */
    const unsigned char *careful = p; /* below this, byte by byte */
    while (p < end) {
        if (p >= careful) {
            size_t scalar;
            p += plain_utf8_prefix(p, end, &scalar);
            careful = p + scalar;
            if (p == end)
                break;
        }
        /* Long ASCII stretches: 8 bytes at a time while none is NUL or CR. */
        while (end - p >= 8) {
            uint64_t v;
            memcpy(&v, p, 8);
            if ((v & HIGHS) || HAS_ZERO(v) || HAS_ZERO(v ^ (ONES * '\r')))
                break;
            p += 8;
        }
        /* Short ones, between the letters of Vietnamese words. */
        while (p < end && *p > '\r' && *p < 0x80)
            p++;
        if (p == end)
            break;
        unsigned char c = *p;
        if (c >= 0x80) {
            /* Vietnamese letters are 2 bytes (Latin-1, Latin Extended) or 3
             * bytes from E1 (U+1EA0-U+1EF9): test those first. */
            if (c >= 0xC2 && c <= 0xDF && end - p >= 2 && (p[1] & 0xC0) == 0x80) {
                p += 2;
                continue;
            }
            if (c == 0xE1 && end - p >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
                p += 3;
                continue;
            }
            int k = vn_utf8_seq(p, end);
            if (k > 0) {
                p += k;
                continue;
            }
            /* Ill-formed: one U+FFFD for -k bytes; it may be longer than
             * them, so make room for it and the rest of the input. */
            size_t bad = (size_t)-k;
            if (st->invalid_seqs++ == 0)
                st->first_bad = (size_t)(p - b);
            st->invalid_bytes += bad;
            if (vn_buf_append(out, run, (size_t)(p - run)) != VN_OK ||
                vn_buf_reserve(out, 3 + (size_t)(end - p)) != VN_OK)
                return VN_ERR_NOMEM;
            vn_buf_append(out, "\xEF\xBF\xBD", 3);
            p += bad;
            run = p;
            if (bad != 3 && vn_offmap_add(map, out->len, (size_t)(p - b)) != VN_OK)
                return VN_ERR_NOMEM;
        } else if (c == '\r') {
            if (vn_buf_append(out, run, (size_t)(p - run)) != VN_OK)
                return VN_ERR_NOMEM;
            p++;
            if (p < end && *p == '\n') {
                /* CRLF: drop the CR; the LF that follows maps to itself. */
                if (vn_offmap_add(map, out->len, (size_t)(p - b)) != VN_OK)
                    return VN_ERR_NOMEM;
            } else {
                vn_buf_append_char(out, '\n'); /* lone CR (old Mac): same length */
            }
            run = p;
        } else if (c == 0) {
            st->nul = true;
            return VN_OK;
        } else {
            p++; /* TAB, LF and other C0 controls pass through */
        }
    }
    return vn_buf_append(out, run, (size_t)(end - run));
}

/* The cp1258 heuristic.  Vietnamese in windows-1258 puts a byte >= 0x80 in
 * almost every word, and such a byte between ASCII letters is never valid
 * UTF-8, so such a file shows invalid sequences in the thousands and hardly
 * any valid multibyte sequence.  A UTF-8 file damaged in places shows the
 * opposite.  So: more than 1% of the bytes start an invalid sequence, and
 * invalid sequences outnumber valid multibyte ones four to one.  (NUL bytes
 * were refused before this point.)  The decode itself must then come out
 * clean: no C1 control characters, which is what ICU gives for the nine
 * bytes windows-1258 leaves undefined. */
static bool looks_like_cp1258(const utf8_stats *st, const unsigned char *b, size_t n)
{
    if (st->invalid_seqs * 100 <= n)
        return false;
    /* counted only here: almost no file gets this far, and counting in the
     * decoding loop cost a popcount per 16 bytes */
    size_t multibyte = 0;
    for (const unsigned char *p = b, *end = b + n; p < end;) {
        int k = *p < 0x80 ? 1 : vn_utf8_seq(p, end);
        multibyte += *p >= 0x80 && k > 0;
        p += k > 0 ? (size_t)k : (size_t)-k;
    }
    return st->invalid_seqs > 4 * multibyte;
}

/* ---- ICU: UTF-16 and windows-1258 ----------------------------------------- */

typedef struct icu_bad {
    const char *base;  /* start of the converted bytes */
    size_t count;      /* bytes ICU could not convert */
    size_t first;      /* offset (from base) of the first of them */
} icu_bad;

/* Wraps ICU's substitution callback to count what it replaces, so UTF-16
 * files report bad input the way UTF-8 files do. */
static void U_CALLCONV count_and_substitute(const void *context, UConverterToUnicodeArgs *args,
                                            const char *units, int32_t length,
                                            UConverterCallbackReason reason, UErrorCode *err)
{
    icu_bad *bad = (icu_bad *)context;
    if (reason <= UCNV_IRREGULAR && length > 0) {
        if (bad->count == 0) {
            ptrdiff_t at = args->source - bad->base - length;
            bad->first = at > 0 ? (size_t)at : 0;
        }
        bad->count += (size_t)length;
    }
    UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, units, length, reason, err);
}

/* Converts b[start..n) with ICU converter `conv_name` into UTF-8, mapping CR
 * and CRLF to LF and recording one anchor per character whose UTF-8 length
 * differs from its length in the file.  Refuses U+0000; with reject_c1,
 * reports *c1 instead of decoding C1 controls. */
static vn_status decode_icu(const char *name, const char *conv_name, const unsigned char *b,
                            size_t start, size_t n, size_t units_max, vn_buf *out,
                            vn_offmap *map, icu_bad *bad, bool reject_c1, bool *c1,
                            vn_error *err)
{
    if (n - start > INT32_MAX)
        return vn_error_set(err, VN_ERR_ENCODING, "%s: file too large to convert from %s", name,
                            conv_name);
    UErrorCode ust = U_ZERO_ERROR;
    UConverter *conv = ucnv_open(conv_name, &ust);
    if (U_FAILURE(ust))
        return vn_error_set(err, VN_ERR_ENCODING,
                            "%s: ICU has no %s converter (%s); check the ICU installation",
                            name, conv_name, u_errorName(ust));
    bad->base = (const char *)b + start;
    ucnv_setToUCallBack(conv, count_and_substitute, bad, NULL, NULL, &ust);
    UChar *u = malloc((units_max + 1) * sizeof *u);
    int32_t *offs = malloc((units_max + 1) * sizeof *offs);
    vn_status rc = VN_OK;
    if (!u || !offs || U_FAILURE(ust)) {
        rc = vn_error_set(err, VN_ERR_NOMEM, "%s: out of memory converting from %s", name,
                          conv_name);
        goto done;
    }
    UChar *target = u;
    const char *src = (const char *)b + start;
    ucnv_toUnicode(conv, &target, u + units_max + 1, &src, (const char *)b + n, offs, 1, &ust);
    if (U_FAILURE(ust)) {
        rc = vn_error_set(err, VN_ERR_ENCODING, "%s: cannot convert from %s (%s)", name,
                          conv_name, u_errorName(ust));
        goto done;
    }
    size_t count = (size_t)(target - u);
    if (vn_buf_reserve(out, count * 3) != VN_OK) {
        rc = vn_error_set(err, VN_ERR_NOMEM, "%s: out of memory converting from %s", name,
                          conv_name);
        goto done;
    }
    /* last_out/last_in mirror the map's last anchor so that the common
     * case, a character that keeps the offset difference, needs no call. */
    size_t last_out = 0, last_in = 0, at = start;
    for (size_t i = 0; i < count;) {
        if (offs[i] >= 0) /* -1 would mean "no source byte": keep the last */
            at = start + (size_t)offs[i];
        UChar32 cp;
        U16_NEXT(u, i, count, cp);
        if (U_IS_SURROGATE(cp))
            cp = 0xFFFD;
        if (cp == 0) {
            rc = vn_error_set(err, VN_ERR_BINARY,
                              "%s: contains NUL characters, so it is a binary file, not text; "
                              "convert it to text first",
                              name);
            goto done;
        }
        if (reject_c1 && cp >= 0x80 && cp <= 0x9F) {
            *c1 = true;
            goto done;
        }
        if (cp == '\r') {
            if (i < count && u[i] == '\n')
                continue; /* CRLF: the LF carries the anchor */
            cp = '\n';
        }
        if (out->len - last_out != at - last_in) {
            if (vn_offmap_add(map, out->len, at) != VN_OK) {
                rc = vn_error_set(err, VN_ERR_NOMEM, "%s: out of memory", name);
                goto done;
            }
            last_out = out->len;
            last_in = at;
        }
        vn_buf_append_utf8(out, cp); /* room reserved above */
    }
    /* The end of the text is the end of the file (UTF-16 text is shorter). */
    if (vn_offmap_add(map, out->len, n) != VN_OK)
        rc = vn_error_set(err, VN_ERR_NOMEM, "%s: out of memory", name);
done:
    free(u);
    free(offs);
    ucnv_close(conv);
    return rc;
}

/* ---- entry points ---------------------------------------------------------- */

static vn_status finish(vn_buf *buf, vn_offmap *map, size_t n, vn_encoding enc, size_t invalid,
                        vn_decoded *out)
{
    out->text = vn_buf_steal(buf, &out->len);
    if (!out->text)
        return VN_ERR_NOMEM;
    vn_offmap_finish(map, out->len, n);
    out->map = *map;
    out->encoding = enc;
    out->invalid_bytes = invalid;
    return VN_OK;
}

/* Bytes that are mostly not UTF-8, read again in a legacy Vietnamese
 * encoding: TCVN3 or VNI when its bytes say so (tcvn3.h, vni.h), else
 * windows-1258 when ICU decodes them cleanly.  *taken when one of them fits, and out is then
 * the text; otherwise the UTF-8 reading stands.  VN_ERR_NOMEM. */
static vn_status decode_legacy(const char *name, const unsigned char *bytes, size_t n,
                               size_t invalid_seqs, vn_decoded *out, bool *taken, vn_error *err)
{
    vn_buf text = VN_BUF_INIT;
    vn_offmap map = VN_OFFMAP_INIT;
    vn_encoding enc = VN_ENC_TCVN3;
    vn_status rc = vn_tcvn3_likely(bytes, n) ? vn_tcvn3_decode(bytes, n, &text, &map)
                                             : VN_ERR_ENCODING;
    if (rc == VN_ERR_ENCODING && vn_vni_likely(bytes, n)) {
        enc = VN_ENC_VNI;
        rc = vn_vni_decode(bytes, n, &text, &map);
    }
    if (rc == VN_ERR_ENCODING) {    /* neither, or no converter for them */
        enc = VN_ENC_CP1258;
        icu_bad bad = {0};
        bool c1 = false;
        rc = decode_icu(name, "windows-1258", bytes, 0, n, n, &text, &map, &bad, true, &c1, err);
        if (rc == VN_OK && (c1 || bad.count))
            rc = VN_ERR_ENCODING;
    }
    *taken = rc == VN_OK;
    if (*taken) {
        vn_warn("%s: not UTF-8 (%zu invalid sequences); decoded as Vietnamese %s. Save the "
                "file as UTF-8 to be sure of the text",
                name, invalid_seqs,
                enc == VN_ENC_TCVN3 ? "TCVN3 (ABC)" : enc == VN_ENC_VNI ? "VNI-Windows" : "windows-1258");
        return finish(&text, &map, n, enc, 0, out);
    }
    vn_buf_free(&text);
    vn_offmap_free(&map);
    if (rc == VN_ERR_NOMEM)
        return rc;
    /* Neither after all (or ICU could not tell): the UTF-8 reading with its
     * U+FFFD stands. */
    vn_error_clear(err);
    return VN_OK;
}

static vn_status decode_docx(const char *name, const unsigned char *bytes, size_t n,
                             vn_decoded *out, vn_error *err);
static vn_status decode_html(const char *name, vn_decoded *out, vn_error *err);

/* `text_only`: the bytes are a .docx's or a page's text, which may start
 * like anything ("%PDF", "<html>" …) but is never a file format. */
static vn_status decode(const char *name, const unsigned char *bytes, size_t n, bool text_only,
                        vn_decoded *out, vn_error *err)
{
    *out = (vn_decoded){0};
    if (!text_only && vn_docx_magic(bytes, n))
        return decode_docx(name, bytes, n, out, err);
    vn_buf buf = VN_BUF_INIT;
    vn_offmap map = VN_OFFMAP_INIT;
    vn_status rc = text_only ? VN_OK : check_magic(name, bytes, n, err);
    if (rc != VN_OK)
        return rc;

    if (n >= 2 && (bytes[0] == 0xFF || bytes[0] == 0xFE) && bytes[0] + bytes[1] == 0xFF + 0xFE) {
        bool le = bytes[0] == 0xFF;
        icu_bad bad = {0};
        rc = decode_icu(name, le ? "UTF-16LE" : "UTF-16BE", bytes, 2, n, (n - 2) / 2 + 1, &buf,
                        &map, &bad, false, NULL, err);
        if (rc == VN_OK && bad.count)
            vn_warn("%s: invalid UTF-16 at byte %zu (%zu bytes replaced by U+FFFD)", name,
                    bad.first + 2, bad.count);
        if (rc == VN_OK)
            rc = finish(&buf, &map, n, le ? VN_ENC_UTF16LE : VN_ENC_UTF16BE, bad.count, out);
        goto done;
    }

    bool bom = n >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0;
    utf8_stats st = {0};
    if ((rc = decode_utf8(bytes, bom ? 3 : 0, n, &buf, &map, &st)) != VN_OK) {
        vn_error_set(err, rc, "%s: out of memory decoding the file", name);
        goto done;
    }
    if (st.nul) {
        rc = refuse_nul(name, bytes, n, err);
        goto done;
    }
    /* A UTF-8 BOM is the writer saying "this is UTF-8": believe it. */
    if (!bom && looks_like_cp1258(&st, bytes, n)) {
        bool taken = false;
        rc = decode_legacy(name, bytes, n, st.invalid_seqs, out, &taken, err);
        if (rc != VN_OK || taken) {
            if (taken) {
                vn_buf_free(&buf);
                vn_offmap_free(&map);
            }
            goto done;
        }
    }
    if (st.invalid_seqs)
        vn_warn("%s: invalid UTF-8 at byte %zu (%zu bytes replaced by U+FFFD)", name,
                st.first_bad, st.invalid_bytes);
    rc = finish(&buf, &map, n, bom ? VN_ENC_UTF8_BOM : VN_ENC_UTF8, st.invalid_bytes, out);
done:
    if (rc == VN_OK && !text_only && (vn_html_magic(out->text, out->len) || vn_html_name(name)))
        rc = decode_html(name, out, err);
    if (rc == VN_ERR_NOMEM && (!err || err->code != VN_ERR_NOMEM))
        vn_error_set(err, rc, "%s: out of memory decoding the file", name);
    if (rc != VN_OK) {
        vn_buf_free(&buf);
        vn_offmap_free(&map);
        vn_decoded_free(out);
    }
    return rc;
}

/* A Word .docx: its text (docx.h), decoded as UTF-8 text, so offsets are
 * those of that text. */
static vn_status decode_docx(const char *name, const unsigned char *bytes, size_t n,
                             vn_decoded *out, vn_error *err)
{
    vn_buf text = VN_BUF_INIT;
    vn_office_format format = VN_OFFICE_DOCX;
    vn_status rc = vn_docx_text(name, bytes, n, &text, &format, err);
    if (rc == VN_OK && text.len == strspn(text.data, " \t\n"))
        vn_warn("%s: this document holds no text (only pictures, such as a scan?); "
                "vncite reads text, so convert the pictures with OCR first", name);
    if (rc == VN_OK)
        rc = decode(name, (const unsigned char *)text.data, text.len, true, out, err);
    if (rc == VN_OK)
        out->encoding = format == VN_OFFICE_ODT ? VN_ENC_ODT : VN_ENC_DOCX;
    vn_buf_free(&text);
    return rc;
}

/* An HTML page, once decoded: its text (html.h) replaces it, so offsets
 * are those of that text, as for a .docx. */
static vn_status decode_html(const char *name, vn_decoded *out, vn_error *err)
{
    vn_buf text = VN_BUF_INIT;
    vn_status rc = vn_html_text(name, out->text, out->len, &text, err);
    vn_decoded page = {0};
    if (rc == VN_OK)
        rc = decode(name, (const unsigned char *)(text.data ? text.data : ""), text.len, true,
                    &page, err);
    vn_buf_free(&text);
    if (rc != VN_OK)
        return rc;
    page.encoding = VN_ENC_HTML;
    vn_decoded_free(out);
    *out = page;
    return VN_OK;
}

vn_status vn_decode_bytes(const char *name, const unsigned char *bytes, size_t n,
                          vn_decoded *out, vn_error *err)
{
    vn_status rc = decode(name, bytes, n, false, out, err);
    if (rc != VN_OK || out->encoding == VN_ENC_TCVN3 || out->encoding == VN_ENC_VNI ||
        out->encoding == VN_ENC_CP1258)
        return rc;
    /* a Unicode file whose lines were typed in a legacy font (legacy_font.h) */
    if ((rc = vn_legacy_font_repair(name, out)) != VN_OK) {
        vn_decoded_free(out);
        return vn_error_set(err, rc, "%s: out of memory decoding the file", name);
    }
    return VN_OK;
}

/* Reads the whole file.  st_size is only a hint: the loop reads to EOF, so
 * files that grow meanwhile and special files (FIFOs, /dev/stdin) work. */
vn_status vn_read_all(const char *path, int fd, unsigned char **data, size_t *len,
                      vn_error *err)
{
    struct stat sb;
    if (fstat(fd, &sb) != 0)
        return vn_error_set(err, VN_ERR_IO, "%s: cannot stat: %s", path, strerror(errno));
    if (S_ISDIR(sb.st_mode))
        return vn_error_set(err, VN_ERR_IO, "%s: is a directory, not a text file", path);
    size_t cap = S_ISREG(sb.st_mode) && sb.st_size > 0 ? (size_t)sb.st_size + 1 : 65536;
    size_t n = 0;
    unsigned char *p = malloc(cap);
    if (!p)
        return vn_error_set(err, VN_ERR_NOMEM, "%s: out of memory reading the file", path);
    for (;;) {
        if (n == cap) {
            unsigned char *q = cap <= SIZE_MAX / 2 ? realloc(p, cap * 2) : NULL;
            if (!q) {
                free(p);
                return vn_error_set(err, VN_ERR_NOMEM, "%s: out of memory reading the file",
                                    path);
            }
            p = q;
            cap *= 2;
        }
        ssize_t r = read(fd, p + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            free(p);
            return vn_error_set(err, VN_ERR_IO, "%s: cannot read: %s", path, strerror(e));
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    *data = p;
    *len = n;
    return VN_OK;
}

vn_status vn_read_file(const char *path, vn_decoded *out, vn_error *err)
{
    *out = (vn_decoded){0};
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return vn_error_set(err, VN_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    unsigned char *data = NULL;
    size_t n = 0;
    vn_status rc = vn_read_all(path, fd, &data, &n, err);
    close(fd);
    if (rc != VN_OK)
        return rc;
    rc = vn_decode_bytes(path, data, n, out, err);
    free(data);
    return rc;
}
