/*
 * instrument_tally.h — the instrument table of a corpus (vn_corpus.instruments)
 * built one resolved document at a time (internal to query/).
 *
 * vn_corpus_load() feeds it every document in file order; the streamed
 * graph (graph_build.c) feeds it documents as the index gives them, each
 * with its place in file order (`rank`).  Either way each instrument ends
 * with what a pass over the sorted corpus would give it: the label and
 * symbol of its first citation in file order, the first type word and
 * issuer written, mentions, citing documents, and the issue date its
 * citations agree on most.  Memory is per distinct instrument (and per
 * distinct date an undated identity is cited with), not per citation.
 */
#ifndef VN_INSTRUMENT_TALLY_H
#define VN_INSTRUMENT_TALLY_H

#include <stddef.h>
#include "../common/registry.h"
#include "../common/status.h"
#include "corpus.h"

typedef struct vn_instrument_tally vn_instrument_tally;

/* `registry` may be NULL; it is borrowed until the tally is freed. */
vn_status vn_instrument_tally_create(const vn_registry *registry, vn_instrument_tally **out,
                                     vn_error *err);

/*
 * Counts a resolved document's citations.  `rank` is the document's place
 * in file order; documents may come in any order, each once.  keys[k] gets
 * citation k's key number (room for doc->cite_count): numbers are dense,
 * from 0, in the order keys are first seen.
 */
vn_status vn_instrument_tally_doc(vn_instrument_tally *t, const vn_corpus_doc *doc, size_t rank,
                                  size_t *keys, vn_error *err);

/* Distinct keys so far, and key number k's key (the instrument's id, or
 * what was written when unresolved): valid until the tally is freed. */
size_t vn_instrument_tally_key_count(const vn_instrument_tally *t);
const char *vn_instrument_tally_key(const vn_instrument_tally *t, size_t key);

/*
 * The instruments, sorted by id, with the registry instruments that
 * replace cited ones (followed along the chain), into c->instruments,
 * c->instrument_count and c->instrument_strings (vn_corpus_free frees
 * them; c's documents are not touched).  Unless `place` is NULL, place[key]
 * gets the index of the key's instrument, for every key counted (room for
 * vn_instrument_tally_key_count() before this call).  Call once.
 */
vn_status vn_instrument_tally_finish(vn_instrument_tally *t, vn_corpus *c, size_t *place,
                                     vn_error *err);

void vn_instrument_tally_free(vn_instrument_tally *t);

/* Gets each streamed document once it is counted, with its place in file
 * order and its citations' key numbers (their keys:
 * vn_instrument_tally_key(t, keys[k])). */
typedef vn_status (*vn_tallied_doc_fn)(void *arg, const vn_corpus_doc *doc, size_t rank,
                                      const size_t *keys, const vn_instrument_tally *t,
                                      vn_error *err);

/*
 * The index at db_path streamed (vn_corpus_stream) into a tally, each
 * document handed to fn as well (fn may be NULL), and the table finished
 * into out (its instruments and their strings; out->registry set).  out
 * must be empty; on an error it stays empty.  Unless place is NULL,
 * *place gets a malloc'd array of *key_count entries: each key number's
 * instrument in out (see vn_instrument_tally_finish).
 */
vn_status vn_instrument_tally_stream(const char *db_path, const vn_registry *registry,
                                     vn_tallied_doc_fn fn, void *arg, vn_corpus *out,
                                     size_t **place, size_t *key_count, vn_error *err);

#endif
