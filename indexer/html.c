/*
 * html.c — an HTML page's text as a browser shows it (see html.h).
 */
#include "html.h"

#include <limits.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "../common/ascii.h"
#include "xml_init.h"

/* Elements whose content is not the page's text: the head (title, meta,
 * styles), scripts, and the XML islands Word's "web page" writes. */
static const char *const hidden[] = {
    "head", "script", "style", "noscript", "template", "title", "xml", "object", "svg",
    "math", "iframe", "select", NULL
};

/* Elements that stand on lines of their own. */
static const char *const blocks[] = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "tr", "td", "th",
    "table", "thead", "tbody", "tfoot", "caption", "ul", "ol", "dl", "blockquote", "pre",
    "hr", "section", "article", "header", "footer", "nav", "aside", "main", "center",
    "address", "figure", "figcaption", "form", "fieldset", "legend", "body", "html", NULL
};

static bool named(const xmlNode *n, const char *const *names)
{
    for (int i = 0; names[i]; i++)
        if (strcasecmp((const char *)n->name, names[i]) == 0)
            return true;
    return false;
}

typedef struct page_text {
    vn_buf *out;
    size_t base;          /* out->len before this page */
    bool space_pending;   /* blanks seen since the last character written */
    bool space_if_word;   /* after a <sup>: a word that follows is apart from it */
    int pre;              /* inside how many <pre> */
    vn_status st;
} page_text;

static char last_char(const page_text *p)
{
    return p->out->len > p->base ? p->out->data[p->out->len - 1] : '\n';
}

static void put(page_text *p, const char *s, size_t n)
{
    if (p->st == VN_OK)
        p->st = vn_buf_append(p->out, s, n);
}

/* Ends the current line, once: blocks in blocks make no blank lines. */
static void end_line(page_text *p)
{
    p->space_pending = p->space_if_word = false;
    if (last_char(p) != '\n')
        put(p, "\n", 1);
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Word's "downlevel-revealed" conditionals, "<![if !supportLists]>" and
 * "<![endif]>", which libxml2's parser leaves in the text: their length at
 * s (what they hold between them is what browsers show, and stays). */
static size_t conditional_mark(const char *s)
{
    if (strncmp(s, "<![", 3) != 0)
        return 0;
    for (size_t k = 3; k < 64 && s[k] && s[k] != '<'; k++)
        if (s[k] == ']' && s[k + 1] == '>')
            return k + 2;
    return 0;
}

/* A text node: blanks collapse to one space, none at a line's start. */
static void put_text(page_text *p, const char *s)
{
    if (p->pre) {
        for (; *s; s++)
            put(p, *s == '\r' ? "\n" : s, 1);
        return;
    }
    while (*s) {
        size_t mark = conditional_mark(s);
        if (mark) {
            s += mark;
            continue;
        }
        if (is_blank(*s)) {
            p->space_pending = true;
            s++;
            continue;
        }
        bool word = (unsigned char)*s >= 0x80 || vn_ascii_alnum(*s);
        if ((p->space_pending || (p->space_if_word && word)) && last_char(p) != '\n' &&
            last_char(p) != ' ')
            put(p, " ", 1);
        p->space_pending = p->space_if_word = false;
        size_t run = 1;
        while (s[run] && !is_blank(s[run]) && !conditional_mark(s + run))
            run++;
        put(p, s, run);
        s += run;
    }
}

static bool is_sup_or_sub(const xmlNode *n)
{
    return strcasecmp((const char *)n->name, "sup") == 0 ||
           strcasecmp((const char *)n->name, "sub") == 0;
}

static void enter(page_text *p, const xmlNode *n)
{
    if (named(n, blocks))
        end_line(p);
    if (strcasecmp((const char *)n->name, "pre") == 0)
        p->pre++;
    /* "sở<sup>1</sup>": the footnote number is not part of the word */
    if (is_sup_or_sub(n))
        p->space_pending = true;
}

static void leave(page_text *p, const xmlNode *n)
{
    if (strcasecmp((const char *)n->name, "br") == 0) {
        p->space_pending = p->space_if_word = false;
        put(p, "\n", 1);
    }
    if (strcasecmp((const char *)n->name, "pre") == 0 && p->pre)
        p->pre--;
    if (named(n, blocks))
        end_line(p);
    if (is_sup_or_sub(n))
        p->space_if_word = true;
}

/* Depth-first over the tree without recursion: libxml2 bounds the depth,
 * but a loop needs no stack at all. */
static void walk(page_text *p, xmlNode *root)
{
    xmlNode *n = root;
    while (n && p->st == VN_OK) {
        bool descend = false;
        if (n->type == XML_ELEMENT_NODE && !named(n, hidden)) {
            enter(p, n);
            descend = n->children != NULL;
            if (!descend)
                leave(p, n);
        } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
            put_text(p, (const char *)n->content);
        }
        if (descend) {
            n = n->children;
            continue;
        }
        while (n && n != root && !n->next) {
            n = n->parent;
            if (n && n->type == XML_ELEMENT_NODE)
                leave(p, n);
        }
        if (!n || n == root)
            break;
        n = n->next;
    }
}

/* Skips blanks and "<?xml …?>" or "<!-- … -->" at s[i]; returns where the
 * first other thing starts. */
static size_t skip_prolog(const char *s, size_t n, size_t i)
{
    for (;;) {
        while (i < n && is_blank(s[i]))
            i++;
        const char *close = NULL;
        if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0)
            close = "-->";
        else if (n - i >= 2 && memcmp(s + i, "<?", 2) == 0)
            close = "?>";
        if (!close)
            return i;
        const char *e = memmem(s + i, n - i, close, strlen(close));
        if (!e)
            return n;
        i = (size_t)(e - s) + strlen(close);
    }
}

static bool starts_ci(const char *s, size_t n, size_t i, const char *w)
{
    size_t k = strlen(w);
    return n - i >= k && strncasecmp(s + i, w, k) == 0;
}

bool vn_html_magic(const char *utf8, size_t n)
{
    size_t i = 0;
    if (n >= 3 && memcmp(utf8, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    i = skip_prolog(utf8, n, i);
    if (starts_ci(utf8, n, i, "<!doctype html"))
        return true;
    if (!starts_ci(utf8, n, i, "<html"))
        return false;
    char after = i + 5 < n ? utf8[i + 5] : '\0';
    return after == '>' || is_blank(after);
}

bool vn_html_name(const char *name)
{
    const char *dot = name ? strrchr(name, '.') : NULL;
    return dot && (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0);
}

vn_status vn_html_text(const char *name, const char *utf8, size_t n, vn_buf *out,
                       vn_error *err)
{
    if (n > INT_MAX)
        return vn_error_set(err, VN_ERR_PARSE, "%s: an HTML page of %zu bytes is too large",
                            name, n);
    vn_xml_init();
    htmlDocPtr doc = htmlReadMemory(utf8, (int)n, NULL, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                        HTML_PARSE_IGNORE_ENC);
    if (!doc)
        return vn_error_set(err, VN_ERR_PARSE,
                            "%s: libxml2 could not read this HTML page; save it as text "
                            "(UTF-8) or .docx",
                            name);
    page_text p = {.out = out, .base = out->len, .st = VN_OK};
    xmlNode *root = xmlDocGetRootElement(doc);
    if (root)
        walk(&p, root);
    if (p.st == VN_OK && out->len > p.base)
        end_line(&p);
    xmlFreeDoc(doc);
    if (p.st != VN_OK)
        return vn_error_set(err, p.st, "%s: out of memory reading the HTML page", name);
    return VN_OK;
}
