/*
 * resolve.h — gives every citation the identity of the instrument it
 * cites (SPEC §3.3), using the registry and every other document given.
 *
 * - A symbol with a year is its own identity ("59/2023/NĐ-CP").
 * - A yearless symbol is reused across terms and bodies: identity is
 *   symbol@issue-date ("120-KL/TW@2016-01-07").  An undated citation takes
 *   the one instrument known with that symbol (registry, or dated citations
 *   in any document given); with several it is ambiguous, with none
 *   unresolved — never silently merged.
 * - A Party "Quy định" written with the code variant QĐ where the official
 *   symbol is QĐi (or the other way round) is united with the official form
 *   when the registry says so, or when the corpus cites the same Quy định
 *   of the same date both ways; `corrected` says so.  Numbers never change.
 * - List and short forms ("Quyết định số 217, 218 của Bộ Chính trị") are
 *   resolved by number, type word and issuer: first within the document,
 *   then in the registry and the corpus.
 * - Name-only references resolve through the registry's aliases at the
 *   citing document's date ("Bộ luật Lao động" before/after 01/01/2021).
 */
#ifndef VN_RESOLVE_H
#define VN_RESOLVE_H

#include <stddef.h>
#include "../common/registry.h"
#include "citation.h"
#include "metadata.h"

typedef struct vn_resolve_doc {
    const vn_docmeta *meta;
    vn_citation_list *citations;   /* resolved in place */
} vn_resolve_doc;

/* Resolves the citations of all docs together. registry may be NULL. */
vn_status vn_resolve(vn_resolve_doc *docs, size_t count, const vn_registry *registry,
                     vn_error *err);

#endif
