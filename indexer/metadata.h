/*
 * metadata.h — what a document says about itself (SPEC §3.4): own number,
 * type, title (trích yếu), issuer, place, date (possibly partial), signer,
 * recipients (Nơi nhận), draft flag, province.
 *
 * Vietnamese administrative documents follow one layout (Nghị định
 * 30/2020/NĐ-CP, Phụ lục I; Hướng dẫn 36-HD/VPTW for Party documents):
 * issuing body in capitals top left, "Số …" under it, "Place, ngày … tháng
 * … năm …" top right, the type in capitals ("KẾ HOẠCH") with the title
 * under it, the body, then "Nơi nhận:" and the signature block.  Word
 * conversion flattens the two columns into interleaved lines, so each
 * field is found by its own cue rather than by line position.
 */
#ifndef VN_METADATA_H
#define VN_METADATA_H

#include <stdbool.h>
#include <stddef.h>
#include "../common/date.h"
#include "../common/status.h"
#include "extract.h"

#define VN_META_FIELD 256
#define VN_META_MAX_RECIPIENTS 32

typedef struct vn_docmeta {
    char own_number[VN_SYMBOL_MAX]; /* "" when absent; "/KH-SCT" for a blank number */
    char type_word[48];             /* "Kế hoạch" */
    char title[VN_META_FIELD];
    char issuer[VN_META_FIELD];
    char place[64];
    vn_date_range date;             /* precision NONE when not written */
    vn_date after;                  /* latest date the document cites (0 if none):
                                       it cannot be older, used when `date` is absent */
    char signer[96];
    char signer_title[96];
    bool draft;
    char province[48];
} vn_docmeta;

/* The "Nơi nhận" list.  Kept apart from vn_docmeta: the query side holds a
 * vn_docmeta for every document of a corpus and never reads recipients back,
 * and they are four fifths of its size. */
typedef struct vn_recipients {
    char items[VN_META_MAX_RECIPIENTS][128];
    int count;
} vn_recipients;

/* Reads the metadata of NFC text; `ex` (from vn_extract) supplies the own
 * number and the cited dates.  recipients may be NULL.  Never fails:
 * unknown fields stay empty. */
void vn_metadata_read(const char *text, size_t len, const vn_extract_result *ex,
                      vn_docmeta *meta, vn_recipients *recipients);

/* The date used to judge the document's citations: its own date range, or
 * when absent [after, after] with precision NONE kept by the caller's
 * choice; returns false if nothing is known. */
bool vn_docmeta_effective_date(const vn_docmeta *meta, vn_date_range *out);

/* The province (vn_docmeta.province, as metadata names it) as one bit of 63,
 * for sets of provinces: 0 when empty or unknown. */
unsigned long long vn_province_bit(const char *province);

/* Does an own number (vn_docmeta.own_number) carry its number?  False when
 * there is none, and for a draft's blank one ("/KH-SCT", "-KH/BCĐ"). */
bool vn_own_number_numbered(const char *own_number);

#endif
