/* citation.c — the citation list container (see citation.h). */
#include "citation.h"

#include <stdlib.h>

#include "../common/grow.h"

/* A copy of s in l's arena; "" (static) for an empty or NULL s. */
static const char *keep_text(vn_citation_list *l, const char *s)
{
    return s && *s ? vn_arena_strdup(&l->texts, s) : "";
}

vn_status vn_citation_list_push(vn_citation_list *l, const vn_citation *c)
{
    if (!vn_grow((void **)&l->items, &l->cap, l->count, sizeof *l->items, 32))
        return VN_ERR_NOMEM;
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

void vn_citation_list_free(vn_citation_list *l)
{
    for (size_t i = 0; i < l->count; i++) {
        free(l->items[i].instrument);
        free(l->items[i].corrected);
        free(l->items[i].candidates);
    }
    free(l->items);
    vn_arena_free(&l->texts);
    l->items = NULL;
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
