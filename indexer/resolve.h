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

/*
 * The same in two passes, for a corpus too big to hold at once
 * (query/corpus.h, vn_corpus_stream): what one document's citations need of
 * the others is the table of dated symbols, and the table needs only the
 * (symbol, date, type word) of each dated yearless citation, and of each
 * document's own yearless number with its date, with a count.
 * So: add every document's citations to a table (pass 1, each document
 * once, then let it go); finish the table; then resolve the documents, in
 * any order and any number at a time (pass 2).  vn_resolve() is these
 * three steps over documents it holds, so both give the same identities.
 */
typedef struct vn_resolve_table vn_resolve_table;

vn_status vn_resolve_table_create(vn_resolve_table **out, vn_error *err);
/* Pass 1: counts the dated yearless symbols of l, as written (copied), and
 * the document's own number with its date (meta may be NULL). */
vn_status vn_resolve_table_add(vn_resolve_table *t, const vn_docmeta *meta,
                               const vn_citation_list *l, vn_error *err);
/* After pass 1: unites QĐ/QĐi variants and indexes the table. */
vn_status vn_resolve_table_finish(vn_resolve_table *t, const vn_registry *registry,
                                  vn_error *err);
/* Pass 2: resolves docs against the finished table (the registry it was
 * finished with). */
vn_status vn_resolve_with(vn_resolve_doc *docs, size_t count, const vn_resolve_table *t,
                          const vn_registry *registry, vn_error *err);
void vn_resolve_table_free(vn_resolve_table *t);

/*
 * A finished table as rows, to keep between runs (query/stream_cache.h):
 * the dated symbols as united (symbol, date; type_word NULL, count 0) and
 * the counts written_count() can be asked for (symbol, type word, date,
 * count).  Strings belong to the table.
 */
typedef struct vn_resolve_row {
    const char *symbol, *type_word;
    vn_date date;
    size_t count;
    unsigned long long provinces;   /* vn_province_bit of the plans that cite or are it */
} vn_resolve_row;

size_t vn_resolve_table_united_count(const vn_resolve_table *t);
vn_resolve_row vn_resolve_table_united_at(const vn_resolve_table *t, size_t i);
size_t vn_resolve_table_written_count(const vn_resolve_table *t);
vn_resolve_row vn_resolve_table_written_at(const vn_resolve_table *t, size_t i);

/* The finished table those rows came from (strings copied): it resolves as
 * that one did.  VN_ERR_PARSE when a symbol or type word is longer than a
 * citation can hold (VN_SYMBOL_MAX, vn_citation.type_word), or a count is
 * written twice; VN_ERR_NOMEM. */
vn_status vn_resolve_table_restore(const vn_resolve_row *united, size_t united_count,
                                   const vn_resolve_row *written, size_t written_count,
                                   vn_resolve_table **out, vn_error *err);

#endif
