/*
 * cleaner.c — removes Word-to-text conversion artefacts (see cleaner.h).
 *
 * One pass over the text.  A scanner stops only at the bytes that can start
 * markup (`*` `_` `\` `<` `[` `#` and LF) and records each piece of markup
 * as an edit: a byte range to drop, or to replace by one space.  Edits are
 * applied, and the text between them copied with memcpy, at the end of
 * each paragraph (a blank line ends one), because only then is it known
 * which emphasis delimiters pair up.  So every byte is scanned once and
 * copied once, and the edit list holds one paragraph.
 *
 * Emphasis follows CommonMark's delimiter-run idea, made stricter because a
 * legal text's stars are sometimes content (footnote marks "(*)", "2*3",
 * separator lines "********"):
 *   - a run of 1-3 `*` or 1-2 `_` is a candidate; longer runs are literal;
 *   - it can open if it has a space (or line edge) before it and no space
 *     after, or punctuation before and a letter/digit after:
 *     "**Điều", "(*sau";
 *   - it can close in the mirror case: "QCDC*)", "của**", "1.** ";
 *   - a run with spaces on both sides ("* bullet", a lone "*" in a
 *     heading), punctuation on both sides ("(*)") or letters on both sides
 *     ("2*3") is literal, so a list bullet "* " at line start is kept;
 *   - an opener pairs with the next closer of the same character in the
 *     same paragraph, innermost first; unpaired runs are literal.
 * Only paired delimiters are removed, so an unpaired star is never lost.
 */
#include "cleaner.h"

#include <stdbool.h>
#include <stdint.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "../common/utf8.h"

enum edit_kind {
    EDIT_DROP,   /* remove [start, end) */
    EDIT_SPACE,  /* replace [start, end) by one space */
    EDIT_BREAK,  /* replace [start, end) by one line break: a table's cell border */
    EDIT_DELIM,  /* emphasis delimiter run; removes what pairing used */
    EDIT_CHAR    /* replace [start, end) by the character `cp`: "&#7883;", "&amp;" */
};

typedef struct edit {
    size_t start, end;
    unsigned char kind;
    unsigned char ch;          /* '*' or '_' for EDIT_DELIM */
    unsigned char can_open, can_close;
    unsigned char used_front;  /* bytes consumed as a closer (from the start) */
    unsigned char used_back;   /* bytes consumed as an opener (from the end) */
    int32_t cp;                /* EDIT_CHAR */
} edit;

typedef struct cleaner {
    const char *in;
    size_t len;
    vn_buf *out;
    size_t base;       /* out->len when the call started */
    vn_offmap *map;
    size_t copied;     /* input before this offset is in out */
    edit *edits;       /* of the current paragraph, in input order */
    size_t n_edits, cap_edits;
    size_t *openers;   /* pairing stack: indices into edits */
    size_t cap_openers;
    size_t row_line;   /* start of the line that is a table row, or SIZE_MAX */
} cleaner;

/* ---- character classes --------------------------------------------------- */

enum cls { CLS_SPACE, CLS_PUNCT, CLS_WORD };

static enum cls class_of(int cp)
{
    if (cp < 0x80) {
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v')
            return CLS_SPACE;
        if ((cp >= '!' && cp <= '/') || (cp >= ':' && cp <= '@') || (cp >= '[' && cp <= '`') ||
            (cp >= '{' && cp <= '~'))
            return CLS_PUNCT;
        return CLS_WORD;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS:
        return CLS_SPACE;
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO: case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK: case UTF8PROC_CATEGORY_SO:
        return CLS_PUNCT;
    default:
        return CLS_WORD;
    }
}

/* Class of the character before i; the start of the text counts as space. */
static enum cls class_before(const cleaner *c, size_t i)
{
    if (i == 0)
        return CLS_SPACE;
    int cp;
    vn_utf8_prev(c->in, i, &cp);
    return class_of(cp);
}

/* Class of the character at i; the end of the text counts as space. */
static enum cls class_at(const cleaner *c, size_t i)
{
    if (i >= c->len)
        return CLS_SPACE;
    int cp;
    vn_utf8_next(c->in + i, c->len - i, &cp);
    return class_of(cp);
}

/* ---- edits and output ------------------------------------------------------ */

static vn_status add_edit(cleaner *c, edit e)
{
    if (c->n_edits == c->cap_edits) {
        size_t cap = c->cap_edits ? c->cap_edits * 2 : 64;
        edit *p = realloc(c->edits, cap * sizeof *p);
        if (!p)
            return VN_ERR_NOMEM;
        c->edits = p;
        c->cap_edits = cap;
    }
    c->edits[c->n_edits++] = e;
    return VN_OK;
}

static vn_status add_simple(cleaner *c, unsigned char kind, size_t start, size_t end)
{
    return add_edit(c, (edit){.start = start, .end = end, .kind = kind});
}

/* Output is reserved for the whole input up front (cleaning never makes
 * text longer: a space replaces at least three bytes, a character at least
 * its own UTF-8 length), so these write straight into the buffer. */
static void emit(cleaner *c, const char *p, size_t n)
{
    memcpy(c->out->data + c->out->len, p, n);
    c->out->len += n;
}

static vn_status anchor(cleaner *c, size_t in)
{
    return c->map ? vn_offmap_add(c->map, c->out->len - c->base, in) : VN_OK;
}

/* Pairs the paragraph's delimiter runs (see the file comment). */
static vn_status pair_delimiters(cleaner *c)
{
    size_t top[2] = {0, 0}; /* stack heights for '*' and '_' */
    size_t half = c->n_edits; /* '*' openers in [0, half), '_' in [half, 2*half) */
    if (2 * half > c->cap_openers) {
        size_t *p = realloc(c->openers, 2 * half * sizeof *p);
        if (!p)
            return VN_ERR_NOMEM;
        c->openers = p;
        c->cap_openers = 2 * half;
    }
    for (size_t i = 0; i < c->n_edits; i++) {
        edit *e = &c->edits[i];
        if (e->kind != EDIT_DELIM)
            continue;
        int which = e->ch == '_';
        size_t *stack = c->openers + which * half;
        size_t left = e->end - e->start;
        if (e->can_close) {
            while (left && top[which]) {
                edit *o = &c->edits[stack[top[which] - 1]];
                size_t avail = (size_t)(o->end - o->start) - o->used_back;
                size_t k = avail >= 2 && left >= 2 ? 2 : 1;
                o->used_back += (unsigned char)k;
                e->used_front += (unsigned char)k;
                left -= k;
                if (avail == k)
                    top[which]--;
            }
        } else if (e->can_open) {
            stack[top[which]++] = i;
        }
    }
    return VN_OK;
}

/* Applies the paragraph's edits and copies the text up to `upto`. */
static vn_status flush(cleaner *c, size_t upto)
{
    vn_status st = pair_delimiters(c);
    for (size_t i = 0; st == VN_OK && i < c->n_edits; i++) {
        const edit *e = &c->edits[i];
        if (e->kind == EDIT_DELIM && e->used_front == 0 && e->used_back == 0)
            continue; /* unpaired: stays as text */
        emit(c, c->in + c->copied, e->start - c->copied);
        if (e->kind == EDIT_SPACE) {
            emit(c, " ", 1);
        } else if (e->kind == EDIT_BREAK) {
            emit(c, "\n", 1);
        } else if (e->kind == EDIT_CHAR) {
            utf8proc_uint8_t bytes[4];
            emit(c, (const char *)bytes, (size_t)utf8proc_encode_char(e->cp, bytes));
        } else if (e->kind == EDIT_DELIM) {
            size_t keep_from = e->start + e->used_front, keep_to = e->end - e->used_back;
            if (keep_to > keep_from) { /* a run longer than what pairing used */
                if ((st = anchor(c, keep_from)) != VN_OK)
                    break;
                emit(c, c->in + keep_from, keep_to - keep_from);
            }
        }
        c->copied = e->end;
        st = anchor(c, e->end);
    }
    if (st == VN_OK) {
        emit(c, c->in + c->copied, upto - c->copied);
        c->copied = upto;
        c->out->data[c->out->len] = '\0';
    }
    c->n_edits = 0;
    return st;
}

/* ---- recognisers: each returns the index after what it consumed ----------- */

/* `\` before ASCII punctuation is a markdown escape: the backslash goes,
 * the character stays and is never itself read as markup. */
static size_t scan_backslash(cleaner *c, size_t i, vn_status *st)
{
    if (i + 1 < c->len && (unsigned char)c->in[i + 1] < 0x80 &&
        class_of((unsigned char)c->in[i + 1]) == CLS_PUNCT) {
        *st = add_simple(c, EDIT_DROP, i, i + 1);
        return i + 2;
    }
    return i + 1;
}

/* `#` to `######` then a space or tab at the very start of a line: a
 * markdown heading.  The hashes and the spaces after them go. */
static size_t scan_heading(cleaner *c, size_t i, vn_status *st)
{
    size_t j = i;
    while (j < c->len && c->in[j] == '#' && j - i < 7)
        j++;
    if (j - i > 6 || j >= c->len || (c->in[j] != ' ' && c->in[j] != '\t'))
        return j;
    while (j < c->len && (c->in[j] == ' ' || c->in[j] == '\t'))
        j++;
    *st = add_simple(c, EDIT_DROP, i, j);
    return j;
}

static size_t scan_delimiter(cleaner *c, size_t i, vn_status *st)
{
    char ch = c->in[i];
    size_t j = i;
    while (j < c->len && c->in[j] == ch)
        j++;
    if (j - i > (ch == '*' ? 3u : 2u))
        return j;
    enum cls before = class_before(c, i), after = class_at(c, j);
    bool can_open = (before == CLS_SPACE && after != CLS_SPACE) ||
                    (before == CLS_PUNCT && after == CLS_WORD);
    bool can_close = (after == CLS_SPACE && before != CLS_SPACE) ||
                     (after == CLS_PUNCT && before == CLS_WORD);
    if (can_open || can_close)
        *st = add_edit(c, (edit){.start = i, .end = j, .kind = EDIT_DELIM, .ch = (unsigned char)ch,
                                 .can_open = can_open, .can_close = can_close});
    return j;
}

/* True if in[i..) starts with s; with `fold`, s is lower-case letters and
 * the text may have them in either case (HTML tag names). */
static bool starts_with(const cleaner *c, size_t i, const char *s, bool fold)
{
    size_t n = strlen(s);
    if (c->len - i < n)
        return false;
    for (size_t k = 0; k < n; k++)
        if ((fold ? c->in[i + k] | 0x20 : c->in[i + k]) != s[k])
            return false;
    return true;
}

/* Tags Word converters emit for formatting.  <sup>/<sub> hold footnote
 * numbers: the number stays but must not glue to the word before or after
 * it ("sở<sup>1</sup>" is "sở 1", not "sở1"), so those tags become a space
 * where they separate two non-space characters. */
static size_t scan_tag(cleaner *c, size_t i, vn_status *st)
{
    /* inline: the tag goes (footnote marks and breaks leave a space) */
    static const char *const names[] = {"sup", "sub", "u", "b", "i", "em", "strong",
                                        "s", "strike", "del", "ins", "small", "mark", "span",
                                        "a", "font", "br"};
    /* blocks of a document converted to HTML (a Word table with merged
     * cells, which converters write as <table>): the tag is a line break,
     * so each cell and paragraph reads as a line, as in Word */
    static const char *const blocks[] = {"p", "div", "table", "thead", "tbody", "tfoot", "tr",
                                         "td", "th", "li", "ul", "ol", "caption"};
    size_t j = i + 1;
    bool closing = j < c->len && c->in[j] == '/';
    j += closing;
    size_t name = j;
    while (j < c->len && j - name <= 7 && ((c->in[j] | 0x20) >= 'a' && (c->in[j] | 0x20) <= 'z'))
        j++;
    size_t name_len = j - name;
    if (name_len == 0 || j >= c->len)
        return i + 1;
    if (c->in[j] == ' ' || c->in[j] == '\t') {
        /* attributes ("<td colspan=\"2\">"): up to '>' on the same line */
        size_t limit = c->len - j > 300 ? j + 300 : c->len;
        while (j < limit && c->in[j] != '>' && c->in[j] != '<' && c->in[j] != '\n')
            j++;
        if (j > name + name_len && c->in[j - 1] == '/')
            j--;
    }
    if (j < c->len && c->in[j] == '/' && !closing)
        j++; /* <br/> */
    if (j >= c->len || c->in[j] != '>')
        return i + 1;
    j++; /* past '>' */
    for (size_t k = 0; k < sizeof blocks / sizeof blocks[0]; k++)
        if (strlen(blocks[k]) == name_len && starts_with(c, name, blocks[k], true)) {
            *st = add_simple(c, EDIT_BREAK, i, j);
            return j;
        }
    size_t k = 0;
    for (; k < sizeof names / sizeof names[0]; k++)
        if (strlen(names[k]) == name_len && starts_with(c, name, names[k], true))
            break;
    if (k == sizeof names / sizeof names[0])
        return i + 1;
    bool is_footnote = k <= 1, is_break = k == sizeof names / sizeof names[0] - 1;
    bool space = false;
    if (is_break)
        space = class_before(c, i) != CLS_SPACE && class_at(c, j) != CLS_SPACE;
    else if (is_footnote && !closing)
        space = class_before(c, i) != CLS_SPACE;
    else if (is_footnote)
        space = class_at(c, j) == CLS_WORD;
    *st = add_simple(c, space ? EDIT_SPACE : EDIT_DROP, i, j);
    return j;
}

/* A character reference left by an HTML converter ("Ngh&#7883; &#273;&#7883;nh",
 * "NN&amp;PTNT") is the character it names: numeric ones, and the five
 * named ones text carries ("&nbsp;" as a space).  Anything else, "NN&PTNT"
 * among them, stays as written. */
static size_t scan_reference(cleaner *c, size_t i, vn_status *st)
{
    static const struct { const char *name; int32_t cp; } named[] = {
        {"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'}, {"apos;", '\''},
        {"nbsp;", ' '},
    };
    size_t j = i + 1;
    int32_t cp = -1;
    if (j < c->len && c->in[j] == '#') {
        bool hex = j + 1 < c->len && (c->in[j + 1] | 0x20) == 'x';
        size_t k = j + 1 + hex, digits = k;
        int32_t v = 0;
        for (; k < c->len && k - digits < 7; k++) {
            int d = c->in[k] >= '0' && c->in[k] <= '9'                ? c->in[k] - '0'
                    : hex && (c->in[k] | 0x20) >= 'a' && (c->in[k] | 0x20) <= 'f'
                        ? (c->in[k] | 0x20) - 'a' + 10
                        : -1;
            if (d < 0)
                break;
            v = v * (hex ? 16 : 10) + d;
        }
        if (k > digits && k < c->len && c->in[k] == ';' && v >= 0x20 && v != 0x7F &&
            utf8proc_codepoint_valid(v)) {
            cp = v;
            j = k + 1;
        }
    } else {
        for (size_t n = 0; n < sizeof named / sizeof named[0] && cp < 0; n++) {
            size_t nl = strlen(named[n].name);
            if (c->len - j >= nl && memcmp(c->in + j, named[n].name, nl) == 0) {
                cp = named[n].cp;
                j += nl;
            }
        }
    }
    if (cp < 0)
        return i + 1;
    *st = add_edit(c, (edit){.start = i, .end = j, .kind = EDIT_CHAR, .cp = cp});
    return j;
}

/* A markdown link at i, "[text](target)" on one line, as converters write
 * a Word hyperlink ("[Quyết định số 12/QĐ-UBND](https://…) ngày …"): where
 * its "](" is, and the end of its ")"; false if there is none.  The text
 * holds no bracket and the target no blank. */
static bool markdown_link(const cleaner *c, size_t i, size_t *close, size_t *end)
{
    size_t j = i + 1, limit = i + 1024 < c->len ? i + 1024 : c->len;
    while (j < limit && c->in[j] != ']' && c->in[j] != '[' && c->in[j] != '\n')
        j++;
    if (j == i + 1 || j + 1 >= limit || c->in[j] != ']' || c->in[j + 1] != '(')
        return false;
    size_t k = j + 2;
    while (k < limit && c->in[k] != ')' && c->in[k] != ' ' && c->in[k] != '\n' && c->in[k] != '(')
        k++;
    if (k == j + 2 || k >= limit || c->in[k] != ')')
        return false;
    *close = j;
    *end = k + 1;
    return true;
}

/* [bookmark: NAME] goes; [footnoteRef:N] and [endnoteRef:N] become a space
 * (the footnote body keeps its own text further down); a markdown link
 * keeps its text only (markup inside that text stays as it is), and one
 * whose text is a footnote's number ("[1](#_ftn1)") becomes a space. */
static size_t scan_bracket(cleaner *c, size_t i, vn_status *st)
{
    size_t close, end;
    if (markdown_link(c, i, &close, &end)) {
        size_t d = i + 1 + (c->in[i + 1] == '^');
        while (d < close && c->in[d] >= '0' && c->in[d] <= '9')
            d++;
        if (d == close && close - i <= 5) {
            /* "[1](#_ftn1)": a footnote's number linked, a space as [footnoteRef:1] */
            *st = add_simple(c, EDIT_SPACE, i, end);
            return end;
        }
        *st = add_simple(c, EDIT_DROP, i, i + 1);
        if (*st == VN_OK)
            *st = add_simple(c, EDIT_DROP, close, end);
        return end;
    }
    static const struct {
        const char *prefix;
        bool digits;  /* the rest must be digits */
        unsigned char kind;
    } forms[] = {
        {"[bookmark:", false, EDIT_DROP},
        {"[footnoteRef:", true, EDIT_SPACE},
        {"[endnoteRef:", true, EDIT_SPACE},
    };
    for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++) {
        if (!starts_with(c, i, forms[f].prefix, false))
            continue;
        size_t j = i + strlen(forms[f].prefix), limit = j + 256;
        while (j < c->len && j < limit && c->in[j] != ']' && c->in[j] != '\n' &&
               (!forms[f].digits || (c->in[j] >= '0' && c->in[j] <= '9') || c->in[j] == ' '))
            j++;
        if (j < c->len && c->in[j] == ']') {
            *st = add_simple(c, forms[f].kind, i, j + 1);
            return j + 1;
        }
        break;
    }
    return i + 1;
}

/* True if in[from..to) holds only spaces, tabs and CRs. */
static bool blank(const char *in, size_t from, size_t to)
{
    while (to > from && (in[to - 1] == ' ' || in[to - 1] == '\t' || in[to - 1] == '\r'))
        to--;
    return to == from;
}

/* A markdown table's delimiter row ("|---|:---:|"): pipes, dashes, colons
 * and blanks, at least one dash. */
static bool delimiter_row(const char *in, size_t from, size_t to)
{
    bool dash = false;
    for (size_t k = from; k < to; k++) {
        char ch = in[k];
        if (ch == '-')
            dash = true;
        else if (ch != '|' && ch != ':' && ch != ' ' && ch != '\t' && ch != '\r')
            return false;
    }
    return dash;
}

/* A "|" that starts a line (after blanks) makes the line a markdown table
 * row, as converters write a Word table (the two-column header of a plan:
 * "| ỦY BAN NHÂN DÂN | CỘNG HÒA … |", "| Số: 45/KH-UBND | X, ngày … |").
 * Every cell border of the row becomes a line break, so each cell reads as
 * the line it was in Word; the delimiter row goes.  A "|" inside a line of
 * text stays. */
static size_t scan_pipe(cleaner *c, size_t i, size_t line, vn_status *st)
{
    if (c->row_line != line) {
        if (!blank(c->in, line, i))
            return i + 1;
        const char *nl = memchr(c->in + i, '\n', c->len - i);
        size_t eol = nl ? (size_t)(nl - c->in) : c->len;
        if (delimiter_row(c->in, i, eol)) {
            *st = add_simple(c, EDIT_DROP, i, eol);
            return eol;
        }
        c->row_line = line;
    }
    *st = add_simple(c, EDIT_BREAK, i, i + 1);
    return i + 1;
}

/* ---- the pass --------------------------------------------------------------- */

/* Bytes the scanner must look at; everything else is skipped (next_special
 * compares with the same nine bytes: change both together). */
static const bool special[256] = {
    ['*'] = true, ['_'] = true, ['\\'] = true, ['<'] = true,
    ['['] = true, ['#'] = true, ['\n'] = true, ['|'] = true, ['&'] = true,
};

/* The first byte at or after i that the cleaner acts on (len if none).
 * Sixteen bytes at a time where SSE2 is there (every x86-64): one table
 * lookup per byte was all of the cleaner's time on ordinary text. */
static size_t next_special(const char *in, size_t len, size_t i)
{
#ifdef __SSE2__
    const __m128i star = _mm_set1_epi8('*'), under = _mm_set1_epi8('_');
    const __m128i slash = _mm_set1_epi8('\\'), lt = _mm_set1_epi8('<');
    const __m128i bracket = _mm_set1_epi8('['), hash = _mm_set1_epi8('#');
    const __m128i nl = _mm_set1_epi8('\n'), pipe = _mm_set1_epi8('|');
    const __m128i amp = _mm_set1_epi8('&');
    for (; i + 16 <= len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(in + i));
        __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, star), _mm_cmpeq_epi8(v, under));
        hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(v, slash), _mm_cmpeq_epi8(v, lt)));
        hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(v, bracket), _mm_cmpeq_epi8(v, hash)));
        hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, pipe)));
        hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, amp));
        unsigned mask = (unsigned)_mm_movemask_epi8(hit);
        if (mask)
            return i + (size_t)__builtin_ctz(mask);
    }
#endif
    while (i < len && !special[(unsigned char)in[i]])
        i++;
    return i;
}


vn_status vn_clean_markup(const char *in, size_t len, vn_buf *out, vn_offmap *map)
{
    cleaner c = {.in = in, .len = len, .out = out, .base = out->len, .map = map,
                 .row_line = SIZE_MAX};
    vn_status st = vn_buf_reserve(out, len);
    size_t i = 0, line = 0; /* line: start of the current line */
    while (st == VN_OK && i < len) {
        unsigned char b = (unsigned char)in[i];
        if (!special[b]) {
            i = next_special(in, len, i + 1);
            continue;
        }
        switch (b) {
        case '\n':
            /* A blank line ends a paragraph: emphasis never spans one. */
            if (blank(in, line, i) && c.n_edits)
                st = flush(&c, i);
            line = ++i;
            break;
        case '#':
            i = i == line ? scan_heading(&c, i, &st) : i + 1;
            break;
        case '\\':
            i = scan_backslash(&c, i, &st);
            break;
        case '*':
        case '_':
            i = scan_delimiter(&c, i, &st);
            break;
        case '<':
            i = scan_tag(&c, i, &st);
            break;
        case '[':
            i = scan_bracket(&c, i, &st);
            break;
        case '&':
            i = scan_reference(&c, i, &st);
            break;
        case '|':
            i = scan_pipe(&c, i, line, &st);
            break;
        }
    }
    if (st == VN_OK)
        st = flush(&c, len);
    free(c.edits);
    free(c.openers);
    if (st == VN_OK && map)
        vn_offmap_finish(map, out->len - c.base, len);
    return st;
}
