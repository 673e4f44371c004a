/* citation.c — the citation list container (see citation.h). */
#include "citation.h"

#include <stdlib.h>
#include <string.h>

/* Symbols, names and issuers live in chunks owned by the list: one allocation per
 * few hundred citations, not one per string. */
struct vn_text_chunk {
    vn_text_chunk *next;
    size_t size, used;
    char data[];
};

enum { TEXT_CHUNK = 8192 };

/* A copy of s in l's chunks; "" (static) for an empty or NULL s. */
static const char *keep_text(vn_citation_list *l, const char *s)
{
    if (!s || !*s)
        return "";
    size_t n = strlen(s) + 1;
    vn_text_chunk *c = l->texts;
    if (!c || c->size - c->used < n) {
        size_t size = n > TEXT_CHUNK ? n : TEXT_CHUNK;
        vn_text_chunk *fresh = malloc(sizeof *fresh + size);
        if (!fresh)
            return NULL;
        fresh->next = c;
        fresh->size = size;
        fresh->used = 0;
        l->texts = c = fresh;
    }
    char *p = c->data + c->used;
    memcpy(p, s, n);
    c->used += n;
    return p;
}

vn_status vn_citation_list_push(vn_citation_list *l, const vn_citation *c)
{
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 32;
        vn_citation *p = realloc(l->items, cap * sizeof *p);
        if (!p)
            return VN_ERR_NOMEM;
        l->items = p;
        l->cap = cap;
    }
    const char *symbol = keep_text(l, c->symbol);
    const char *name = symbol ? keep_text(l, c->name) : NULL;
    const char *issuer = name ? keep_text(l, c->issuer) : NULL;
    if (!issuer)
        return VN_ERR_NOMEM;
    vn_citation *to = &l->items[l->count++];
    *to = *c;
    to->symbol = symbol;
    to->name = name;
    to->issuer = issuer;
    return VN_OK;
}

const char *vn_citation_list_keep(vn_citation_list *l, const char *s)
{
    return keep_text(l, s);
}

void vn_citation_texts_free(vn_text_chunk *texts)
{
    while (texts) {
        vn_text_chunk *next = texts->next;
        free(texts);
        texts = next;
    }
}

void vn_citation_list_free(vn_citation_list *l)
{
    for (size_t i = 0; i < l->count; i++) {
        free(l->items[i].instrument);
        free(l->items[i].corrected);
        free(l->items[i].candidates);
    }
    free(l->items);
    vn_citation_texts_free(l->texts);
    l->items = NULL;
    l->texts = NULL;
    l->count = l->cap = 0;
}

const char *vn_citation_kind_name(vn_citation_kind k)
{
    switch (k) {
    case VN_CITE_NUMBERED: return "numbered";
    case VN_CITE_NAME: return "name";
    case VN_CITE_LIST: return "list";
    case VN_CITE_SHORT: return "short";
    }
    return "numbered";
}
