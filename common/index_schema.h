/*
 * index_schema.h — what a vncite document looks like inside Xapian: term
 * prefixes (with the query field name beside each), value slots and the
 * document data layout, declared once in the tables of index_schema.c.
 * docs/INDEX.md shows the same tables (tests/unit/test_xapian.c checks
 * that they agree).
 *
 * Prefixes follow Xapian's omega conventions where one fits (Q unique id,
 * S title, Y year; X… for our own).  Free text has no prefix; how words
 * become terms is in terms.h.
 *
 * The indexer fills documents with the vn_schema_add_*()/set_*() helpers
 * and the query tool parses with vn_schema_parser_new(), so the rules that
 * turn a value into a term ("Sóc Trăng" -> XPROVsoc-trang, "nd 59/2023" ->
 * XCITE59/2023/NĐ-CP) exist once.
 */
#ifndef VN_INDEX_SCHEMA_H
#define VN_INDEX_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "buf.h"
#include "date.h"
#include "status.h"
#include "terms.h"
#include "xapian.h"

/* Bumped whenever terms or values change meaning: an index built with
 * another version must be rebuilt. Stored as metadata "vncite.schema". */
#define VN_SCHEMA_VERSION "3"
#define VN_SCHEMA_METADATA_KEY "vncite.schema"

/* Metadata "vncite.positions": "accented" in an index made with
 * `vncite index --small` (VN_POSITIONS_ACCENTED, terms.h); absent in the
 * default index, which keeps positions on both word forms. */
#define VN_POSITIONS_METADATA_KEY "vncite.positions"
#define VN_POSITIONS_ACCENTED_VALUE "accented"

/* Value slots. */
enum {
    VN_SLOT_DATE = 0,      /* "YYYYMMDD": first day of the document's date range */
    VN_SLOT_YEAR = 1,      /* "YYYY" */
    VN_SLOT_TYPE = 2,      /* document type as written: "Kế hoạch" */
    VN_SLOT_ISSUER = 3,    /* issuing body as written */
    VN_SLOT_PROVINCE = 4,  /* province as written */
    VN_SLOT_STAMP = 5      /* file stamp for incremental indexing */
};

typedef enum vn_field_id {
    VN_FIELD_TEXT,      /* body text (no prefix, no field name) */
    VN_FIELD_TITLE,
    VN_FIELD_PATH,      /* the unique id */
    VN_FIELD_CITES,
    VN_FIELD_SYMBOL,    /* the document's own number */
    VN_FIELD_TYPE,
    VN_FIELD_ISSUER,
    VN_FIELD_PROVINCE,
    VN_FIELD_YEAR,
    VN_FIELD_DATE,      /* a value range on VN_SLOT_DATE, no terms */
    VN_FIELD_COUNT
} vn_field_id;

typedef enum vn_field_kind {
    VN_FIELD_FREE_TEXT,  /* positional word terms, searched word by word */
    VN_FIELD_FILTER      /* boolean terms or value ranges: filter, no weight */
} vn_field_kind;

typedef struct vn_schema_field {
    vn_field_id id;
    const char *name;      /* query field name; "" for the body text */
    const char *prefix;    /* term prefix; "" for the body; NULL when the field has no terms */
    vn_field_kind kind;
    int slot;              /* value slot with the value as written, or -1 */
    vn_xfield_fn parse;    /* filters: query value -> query (ctx unused) */
    const char *example;   /* a query using the field */
    const char *meaning;
} vn_schema_field;

/* Indexed by vn_field_id. */
extern const vn_schema_field vn_schema_fields[VN_FIELD_COUNT];

/* The field called `name` in queries, or NULL. */
const vn_schema_field *vn_schema_field_by_name(const char *name);

typedef struct vn_schema_slot {
    unsigned slot;
    const char *name;
    const char *format;
} vn_schema_slot;

extern const vn_schema_slot vn_schema_slots[];
extern const size_t vn_schema_slot_count;

/* The parts of the document data, in order (common/stored.h: built by the
 * indexer, read by `search`, `show` and the corpus model).  The records in
 * them are those of docs/JSON.md, defined once in indexer/docjson.c. */
typedef struct vn_schema_data_part {
    const char *name;
    const char *stored_as;
    const char *meaning;
} vn_schema_data_part;

extern const vn_schema_data_part vn_schema_data_parts[];
extern const size_t vn_schema_data_part_count;

/* ---- turning values into terms ------------------------------------------ */

/*
 * Filter key of a value as written: case-folded, unaccented, every run of
 * other characters than letters and digits one '-'.
 * "UBND tỉnh Sóc Trăng" -> "ubnd-tinh-soc-trang".  Type, issuer and
 * province terms use it, so `province:"Sóc Trăng"`, `province:soc-trang`
 * and `province:"soc trang"` are the same filter.
 */
vn_status vn_schema_key(const char *value, size_t len, vn_buf *out, vn_error *err);

/*
 * The term of `value` in field `f` (appended to out): prefix, a ':' when
 * the prefix has several letters and the value starts with a capital
 * (omega's rule), then the value — keyed (vn_schema_key) for type, issuer
 * and province, as given for the others.  A term that would exceed
 * Xapian's limit keeps its start and ends in '#' + a 64-bit hash of the
 * whole value, so long paths stay unique.  VN_ERR_USAGE for fields without
 * terms (text, date).
 */
vn_status vn_schema_term(vn_field_id f, const char *value, size_t len, vn_buf *out,
                         vn_error *err);

/* The unique-id term of a document (Q + path). */
vn_status vn_schema_unique_term(const char *path, vn_buf *out, vn_error *err);

/*
 * Identity of a cited instrument, the value of its XCITE term (SPEC §3.3):
 * the canonical symbol, or "~" + the filter key of the name for a
 * name-only citation nothing resolved; then "@YYYY-MM-DD" when
 * `date_iso` is given.  Pass the date exactly when identity needs it: for
 * symbols without a year and for names.
 * "59/2023/NĐ-CP", "120-KL/TW@2024-12-01", "~luat-tiep-cong-dan@2013-11-25".
 */
vn_status vn_schema_cite_identity(const char *symbol, const char *name,
                                  const char *date_iso, vn_buf *out, vn_error *err);

/* ---- filling a document ---------------------------------------------------- */

/*
 * Adds the filter term of `value` for field `f` and, when the field has a
 * value slot, stores `value` as written there (for facets and display).
 * For the fields with terms but no free text: PATH, CITES (pass an
 * identity), SYMBOL, TYPE, ISSUER, PROVINCE and YEAR ("2024").
 */
vn_status vn_schema_add_filter(vn_xdoc *doc, vn_field_id f, const char *value,
                               vn_error *err);

/* The unique term and nothing else; use with vn_xdb_replace(). */
vn_status vn_schema_add_path(vn_xdoc *doc, const char *path, vn_error *err);

/*
 * The document date: VN_SLOT_DATE (first day of the range, "YYYYMMDD"),
 * VN_SLOT_YEAR and the Y term of its year.  Nothing for an unknown date;
 * a range over several years gets no year.
 */
vn_status vn_schema_set_date(vn_xdoc *doc, const vn_date_range *date, vn_error *err);

/* What incremental indexing compares to decide a file is unchanged. */
typedef struct vn_file_stamp {
    int64_t mtime_sec;
    long mtime_nsec;
    uint64_t size;
    uint64_t hash;      /* content hash; 0 = not computed */
} vn_file_stamp;

vn_status vn_schema_set_stamp(vn_xdoc *doc, const vn_file_stamp *s, vn_error *err);

/* Reads the stamp of a document read back from the index; false if it has
 * none (or an unreadable one: treat the file as changed). */
bool vn_schema_get_stamp(const vn_xdoc *doc, vn_file_stamp *out);

bool vn_file_stamp_equal(const vn_file_stamp *a, const vn_file_stamp *b);

/* ---- opening and querying -------------------------------------------------- */

/*
 * vn_xdb_open_writable() / vn_xdb_open() plus the schema check: an index
 * built with another VN_SCHEMA_VERSION gives VN_ERR_INDEX ("rebuild it").
 * A new writable index is stamped with this version.
 */
vn_status vn_schema_open_writable(const char *path, vn_xdb **out, vn_error *err);
vn_status vn_schema_open(const char *path, vn_xdb **out, vn_error *err);

/* Which word forms the index keeps positions for (VN_POSITIONS_METADATA_KEY);
 * an unknown value is VN_ERR_INDEX. */
vn_status vn_schema_get_positions(vn_xdb *db, vn_positions *out, vn_error *err);

/* Records `positions` in a new, empty shard opened writable. */
vn_status vn_schema_set_positions(vn_xdb *db, vn_positions positions, vn_error *err);

/* Replaces the parser of one filter field (e.g. `cites:` resolved through
 * the registry's aliases). */
typedef struct vn_schema_hook {
    const char *field;
    vn_xfield_fn parse;
    void *ctx;
} vn_schema_hook;

/*
 * A query parser configured from the field table: free-text fields as
 * prefixes, filters with their parse functions (or the hook given for the
 * field), and the word -> term rule of terms.h.
 */
vn_status vn_schema_parser_new(const vn_schema_hook *hooks, size_t hook_count,
                               vn_xparser **out, vn_error *err);

/*
 * Makes the parser's phrases match an index with these positions: for
 * VN_POSITIONS_ACCENTED a plain word inside a phrase or NEAR is matched
 * through the OR of its spellings (vn_terms_phrase_spellings).
 */
vn_status vn_schema_parser_set_positions(vn_xparser *p, vn_positions positions,
                                         vn_error *err);

/* vn_schema_parser_new() for the index `db`, its positions read from it. */
vn_status vn_schema_parser_for(vn_xdb *db, const vn_schema_hook *hooks, size_t hook_count,
                               vn_xparser **out, vn_error *err);

/* The three tables as Markdown (fields, value slots, data keys), as they
 * appear in docs/INDEX.md. */
vn_status vn_schema_describe(vn_buf *out);

#endif
