/* citation.c — the citation list container (see citation.h). */
#include "citation.h"

#include <stdlib.h>

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
    l->items[l->count++] = *c;
    return VN_OK;
}

void vn_citation_list_free(vn_citation_list *l)
{
    for (size_t i = 0; i < l->count; i++) {
        free(l->items[i].instrument);
        free(l->items[i].corrected);
        free(l->items[i].candidates);
    }
    free(l->items);
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
