/*
 * same_instruments.h — asserts two instrument tables are the same, field by
 * field, for the tests that build one twice (streamed and loaded, written
 * to a cache and read back).  Header-only: each test is one program, and
 * cmocka.h comes first.
 */
#ifndef VN_TEST_SAME_INSTRUMENTS_H
#define VN_TEST_SAME_INSTRUMENTS_H

#include "query/corpus.h"

static inline const char *instrument_or_empty(const char *s)
{
    return s ? s : "";
}

static inline void assert_same_instruments(const vn_corpus *a, const vn_corpus *b)
{
    assert_int_equal(a->instrument_count, b->instrument_count);
    for (size_t i = 0; i < a->instrument_count; i++) {
        const vn_corpus_instrument *x = &a->instruments[i], *y = &b->instruments[i];
        assert_string_equal(x->id, y->id);
        assert_string_equal(x->symbol, y->symbol);
        assert_string_equal(x->label, y->label);
        assert_string_equal(x->type_word, y->type_word);
        assert_string_equal(x->issuer, y->issuer);
        assert_true((x->candidates == NULL) == (y->candidates == NULL));
        assert_string_equal(instrument_or_empty(x->candidates),
                            instrument_or_empty(y->candidates));
        assert_int_equal(x->issued.precision, y->issued.precision);
        assert_int_equal(vn_date_cmp(x->issued.first, y->issued.first), 0);
        assert_int_equal(vn_date_cmp(x->issued.last, y->issued.last), 0);
        assert_int_equal(x->registry, y->registry);
        assert_int_equal(x->state, y->state);
        assert_int_equal(x->citing_docs, y->citing_docs);
        assert_int_equal(x->mentions, y->mentions);
    }
}

#endif
