/* record.c — one member of a stored record (see record.h). */
#include "record.h"

#include <string.h>

/* jansson refuses deeper nesting too (JSON_PARSER_MAX_DEPTH). */
#define RECORD_MAX_DEPTH 2048

static size_t skip_ws(const char *s, size_t i, size_t n)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return i;
}

#define BAD ((size_t)-1)

/* s[i] is '"': returns the index after the closing quote, or BAD; *escaped
 * says whether the string holds a backslash. */
static size_t skip_string(const char *s, size_t i, size_t n, bool *escaped)
{
    *escaped = false;
    /* strings are most of a record: jump between quotes and backslashes */
    for (i++; i <= n;) {
        const char *q = memchr(s + i, '"', n - i);
        if (!q)
            return BAD;
        const char *b = memchr(s + i, '\\', (size_t)(q - (s + i)));
        if (!b)
            return (size_t)(q - s) + 1;
        *escaped = true;
        i = (size_t)(b - s) + 2;    /* past the escaped character */
    }
    return BAD;
}

/* Returns the index after the value that starts at s[i], or BAD when it
 * does not end inside the text.  Brackets must pair up; scalars are taken as
 * they are (jansson checks them when the value is parsed). */
static size_t skip_value(const char *s, size_t i, size_t n)
{
    char open[RECORD_MAX_DEPTH];
    size_t depth = 0;
    bool esc;
    while (i < n) {
        char c = s[i];
        if (c == '"') {
            if ((i = skip_string(s, i, n, &esc)) == BAD)
                return BAD;
        } else if (c == '{' || c == '[') {
            if (depth == RECORD_MAX_DEPTH)
                return BAD;
            open[depth++] = c;
            i++;
        } else if (c == '}' || c == ']') {
            if (depth == 0 || open[depth - 1] != (c == '}' ? '{' : '['))
                return BAD;
            depth--;
            i++;
        } else if (depth == 0) {
            /* a scalar at the top: up to the next delimiter */
            while (i < n && !strchr(",}] \t\n\r", s[i]))
                i++;
            return i;
        } else {
            i++;
        }
        if (depth == 0)
            return i;
    }
    return BAD;
}

bool vn_record_member_span(const char *data, size_t len, const char *key, size_t *start,
                           size_t *end)
{
    size_t klen = strlen(key), i = skip_ws(data, 0, len);
    bool found = false, esc;
    if (i >= len || data[i] != '{')
        return false;
    i = skip_ws(data, i + 1, len);
    if (i < len && data[i] == '}')
        return false;   /* empty object: no member */
    for (;;) {
        if (i >= len || data[i] != '"')
            return false;
        size_t ks = i + 1, ke = skip_string(data, i, len, &esc);
        if (ke == BAD || esc)
            return false;
        i = skip_ws(data, ke, len);
        if (i >= len || data[i] != ':')
            return false;
        i = skip_ws(data, i + 1, len);
        if (i >= len)
            return false;
        size_t vs = i, ve = skip_value(data, i, len);
        if (ve == BAD || ve == vs)
            return false;
        if (ke - 1 - ks == klen && memcmp(data + ks, key, klen) == 0) {
            *start = vs;
            *end = ve;
            found = true;
        }
        i = skip_ws(data, ve, len);
        if (i < len && data[i] == ',') {
            i = skip_ws(data, i + 1, len);
            continue;
        }
        if (i < len && data[i] == '}')
            break;
        return false;
    }
    return found && skip_ws(data, i + 1, len) == len;
}

json_t *vn_record_member(const char *data, size_t len, const char *key, json_error_t *je)
{
    size_t s, e;
    if (vn_record_member_span(data, len, key, &s, &e))
        return json_loadb(data + s, e - s, JSON_DECODE_ANY, je);
    json_t *root = json_loadb(data, len, 0, je);
    if (!root)
        return NULL;
    json_t *v = json_incref(json_object_get(root, key));
    json_decref(root);
    if (!v)
        je->text[0] = '\0';
    return v;
}
