/*
 * validity.h — the validity of an instrument on a date, derived from the
 * registry's dated events (SPEC §4), and whether a citation was outdated on
 * the citing document's date.
 *
 * Principles:
 *   - Status on day D comes from the events up to D.  Relations are stored
 *     one way in events.csv ("X replaced_by Y", on X); the reverse ("Y
 *     replaces X") is computed here, never entered.
 *   - No evidence of repeal is not evidence of force: an instrument about
 *     which nothing says it entered into force is UNKNOWN, not IN_FORCE.
 *   - A partial date (month "11/2025", year "2023") is a range; the true day
 *     is somewhere in it.  Nothing is decided by inventing a day: where the
 *     answer depends on where in the range an event falls, the result says
 *     so (vn_validity.undecided, VN_OUTDATED_POSSIBLY …).
 *
 * Every function only reads the registry, and nothing it returns needs
 * freeing except the JSON builders' values; pointers in results point into
 * the registry and live as long as it does.  Each call scans the registry's events once (O(events)):
 * registries are hand-edited lists of hundreds to a few thousand events.
 */
#ifndef VN_VALIDITY_H
#define VN_VALIDITY_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "common/date.h"
#include "common/registry.h"

/* ---- the effect of one event on one day ------------------------------------ */

typedef enum vn_effect {
    VN_EFFECT_NO,     /* certainly not yet in effect on that day */
    VN_EFFECT_MAYBE,  /* its date is partial or unrecorded and the day lies in its range */
    VN_EFFECT_YES     /* certainly in effect (took effect on or before that day) */
} vn_effect;

/*
 * Whether event `event` of r has taken effect on day d.  An event's date is
 * the first day of the new state, so an event dated d is in effect on d.  A
 * month or year date is MAYBE inside its range.  An event without a date
 * (an amendment "date not verified") is MAYBE from the day it can first
 * have happened — the later of the issue of its instrument and of the
 * amending instrument (an issue date or, failing that, the year in the
 * symbol) — and NO before; when neither is known it is MAYBE on every day.
 */
vn_effect vn_event_effect_on(const vn_registry *r, size_t event, vn_date d);

/*
 * The range an instrument was issued in: the issued column, else the
 * earliest `issued` event, else the year in its symbol (59/2023/NĐ-CP was
 * issued in 2023).  Returns false, out precision NONE, when none is known.
 */
bool vn_instrument_issue_range(const vn_registry *r, size_t instrument, vn_date_range *out);

/* ---- status on a day ---------------------------------------------------------- */

typedef enum vn_validity_status {
    VN_VALID_UNKNOWN,          /* nothing says it entered into force, nothing ends it */
    VN_VALID_NOT_YET_ISSUED,   /* D before its issue date */
    VN_VALID_NOT_YET_IN_FORCE, /* issued, its in-force date is after D */
    VN_VALID_IN_FORCE,         /* in force (known start, or inferred: see `inferred`) */
    VN_VALID_AMENDED,          /* in force, amended/supplemented by D */
    VN_VALID_PARTLY_REPEALED,  /* in force, partly repealed by D (maybe amended too) */
    VN_VALID_SUSPENDED,        /* not in force from a suspension until a later in_force */
    VN_VALID_CEASED            /* replaced_by, repealed, superseded_by or expired by D */
} vn_validity_status;

/* Longest lists kept in a vn_validity; the counts say how many exist. */
#define VN_VALIDITY_LIST_MAX 16

typedef struct vn_validity {
    vn_date day;
    /*
     * The status counting only events certainly in effect on `day` (those
     * whose partial date range may still lie after it are taken as not yet
     * in effect).  `event` is the event it rests on (for CEASED the ceasing
     * event, for AMENDED/PARTLY_REPEALED the latest such event, for
     * SUSPENDED the suspension, for IN_FORCE/NOT_YET_IN_FORCE an in_force
     * event), or -1 when it rests on the instruments.csv row (issued,
     * in_force columns), on an inference, or on nothing (UNKNOWN).
     */
    vn_validity_status status;
    long event;
    vn_date_range since;    /* when this status began, if known (precision NONE if not) */
    /*
     * The next status change known after `day`: the event (or -1 when it is
     * the row's in_force/issued date, or none) and its date.  For IN_FORCE
     * this says until when: "replaced by … from 2023-07-01".
     */
    long next;
    vn_date_range until;
    /*
     * IN_FORCE without a recorded in-force date, inferred because a later
     * event presupposes force (it is amended, replaced, repealed … after
     * `day`) and it was certainly issued by `day`.  `next` is that event.
     */
    bool inferred;
    /*
     * True when the status on `day` depends on where in a partial date range
     * an event (or the issue/in-force date) falls.  `status_if_pending` is
     * the status if every such event has already taken effect; `pending` the
     * first such event, or -1 when it is the row's own partial date.
     */
    bool undecided;
    long pending;
    vn_validity_status status_if_pending;
    /* amended_by / partly_repealed events certainly in effect on `day`,
     * oldest first (indices into r->events) … */
    size_t amendment_count;
    size_t amendments[VN_VALIDITY_LIST_MAX];
    /* … and those that may be (partial or unrecorded date), oldest first,
     * undated ones last. */
    size_t possible_amendment_count;
    size_t possible_amendments[VN_VALIDITY_LIST_MAX];
} vn_validity;

/* Status of instrument `instrument` (an index into r->instruments) on day d
 * (a full date; a partial d is read as its first day). */
vn_validity vn_validity_on(const vn_registry *r, size_t instrument, vn_date d);

/* ---- outdated citations --------------------------------------------------------- */

typedef enum vn_outdated_status {
    VN_OUTDATED_UNKNOWN,        /* the registry says nothing about its force */
    VN_OUTDATED_NOT,            /* in force (or not yet in force) on the citing date */
    VN_OUTDATED_PARTLY,         /* amended or partly repealed by then: reported, not outdated */
    VN_OUTDATED_SUSPENDED,      /* suspended on the citing date */
    VN_OUTDATED_POSSIBLY,       /* the citing range straddles the end of validity */
    VN_OUTDATED_YES,            /* ceased on or before every day of the citing range */
    VN_OUTDATED_NOT_YET_ISSUED  /* the citing range is wholly before its issue: a data error */
} vn_outdated_status;

typedef struct vn_outdated {
    vn_outdated_status status;
    /*
     * The event the verdict rests on: the ceasing event (YES, POSSIBLY),
     * the amendment (PARTLY: the latest certain one, else the first
     * possible one), the suspension; -1 for UNKNOWN, NOT, and for
     * NOT_YET_ISSUED when the issue date comes from the row or the symbol.
     */
    long event;
    /*
     * PARTLY/SUSPENDED only for part of the citing range, or depending on
     * where a partial event date falls ("possibly amended").  YES/POSSIBLY
     * carry that distinction in the status itself.
     */
    bool possibly;
    /* Convenience copies of the deciding event (pointers into r; NULL/NONE
     * when there is no event). */
    const char *other_id;      /* what replaced/amended it: identity, or as written when
                                  not in instruments.csv; NULL if none */
    long other;                /* its index, -1 */
    vn_date_range from;        /* the event's date: ceased/amended from when */
    const char *provision;     /* "" when not known */
    const char *source;
    vn_confidence confidence;
    vn_date_range issued;      /* NOT_YET_ISSUED: the issue date it is compared with */
} vn_outdated;

/*
 * Was a citation of `instrument` outdated for a document dated `citing`
 * (a range: "năm 2023" is 2023-01-01..2023-12-31; NULL or precision NONE:
 * date unknown, read as any day)?  Precedence, first match wins:
 *   NOT_YET_ISSUED  citing.last before the first possible issue day;
 *   YES             some ceasing event took effect on or before citing.first
 *                   (all of its date range ≤ citing.first): "replaced from
 *                   01/07/2023" is outdated for a document of 01/07/2023;
 *   POSSIBLY        some ceasing event may have taken effect by citing.last;
 *   SUSPENDED       suspended on some day of the range (possibly: not all);
 *   PARTLY          amended/partly repealed by then (possibly: not surely);
 *   NOT             in force, or not yet in force, on the citing date;
 *   UNKNOWN         no event and no in-force date say anything.
 * When several ceasing events qualify the earliest wins, then the higher
 * confidence, then file order.  Replacement chains are not followed here
 * (see vn_validity_successors), so cycles cannot loop.
 */
vn_outdated vn_outdated_check(const vn_registry *r, size_t instrument,
                              const vn_date_range *citing);

/* ---- relations -------------------------------------------------------------------- */

/*
 * Reverse relations: the events (indices into r->events) whose `other` is
 * `instrument` and whose kind is in `kinds` (a bit mask of 1u << kind), in
 * file order.  Writes up to max into out; returns how many exist.
 * E.g. for 10/2022/QH15 and replaced_by: the events "34/2007/PL-UBTVQH11
 * replaced_by 10/2022/QH15" and "55/1998/NQ-UBTVQH10 replaced_by …".
 */
size_t vn_registry_reverse(const vn_registry *r, size_t instrument, unsigned kinds,
                           size_t *out, size_t max);

#define VN_KINDS_REPLACING ((1u << VN_EVENT_REPLACED_BY) | (1u << VN_EVENT_SUPERSEDED_BY))
#define VN_KINDS_ALL 0x1ffu

/* The instruments `instrument` replaced (replaced_by and superseded_by
 * events naming it as `other`): event indices, as vn_registry_reverse. */
size_t vn_registry_replaced_by_reverse(const vn_registry *r, size_t instrument,
                                       size_t *out, size_t max);

/*
 * What replaces `instrument` on day d, followed through the chain: the
 * ceasing events in effect on d that name a replacing instrument
 * (replaced_by/superseded_by, the earliest per step), A → B → C.  Writes
 * the events into out (up to max) and returns the number written; stops
 * at an instrument not ceased on d, at an unresolved `other`, or when an
 * instrument comes round again (a replacement cycle in a hand-made
 * registry) — so it always terminates.
 */
size_t vn_validity_successors(const vn_registry *r, size_t instrument, vn_date d,
                              size_t *out, size_t max);

/*
 * Instruments a person means by `text` as typed on a command line: an
 * identity ("120-KL/TW@2016-01-07", also "@07/01/2016" or a partial
 * "@2016"), or a symbol in any loose spelling ("34/2007/pl-ubtvqh11",
 * "59/2023/ND-CP").  An exact identity gives one; a bare yearless symbol
 * gives every instrument with it (the caller says they are several), and
 * "symbol@date" every one whose issue date falls in that date.  Writes up
 * to max indices into out; returns how many exist (0: none).
 */
size_t vn_registry_find(const vn_registry *r, const char *text, size_t *out, size_t max);

/* ---- names and sentences ----------------------------------------------------------- */

/* "in_force", "ceased", "unknown" … for JSON and CSV. */
const char *vn_validity_status_name(vn_validity_status s);
/* "outdated", "possibly_outdated", "not_outdated", "partly", "suspended",
 * "not_yet_issued", "unknown". */
const char *vn_outdated_status_name(vn_outdated_status s);
/* The computed reverse of an event kind: replaced_by -> "replaces",
 * amended_by -> "amends", superseded_by -> "supersedes" … */
const char *vn_event_reverse_name(vn_event_kind k);

/*
 * English sentences for people, written into buf (always terminated,
 * truncated at a character boundary); return buf.
 *   vn_event_describe:    "replaced by 10/2022/QH15 from 2023-07-01 (Điều 91
 *                          khoản 2 Luật 10/2022/QH15; confidence high)"
 *   vn_validity_describe: "ceased: replaced by …" / "in force since
 *                          2023-08-15; no later event recorded" / "unknown:
 *                          no event recorded (no evidence of repeal is not
 *                          evidence of force)"
 *   vn_outdated_describe: "possibly outdated: replaced by … from 2023-07-01,
 *                          and the document is dated 2023"
 * The source is shown when there is no provision or it differs from it.
 */
char *vn_event_describe(const vn_registry *r, size_t event, char *buf, size_t size);
char *vn_validity_describe(const vn_registry *r, size_t instrument, const vn_validity *v,
                           char *buf, size_t size);
char *vn_outdated_describe(const vn_registry *r, size_t instrument, const vn_outdated *o,
                           const vn_date_range *citing, char *buf, size_t size);

/* ---- JSON (one schema for every command that shows validity) ----------------------- */

/* {"instrument","date","event","other","provision","source","confidence","note",
 *  "line"}; other is the identity, or as written when unresolved, or null.
 * NULL on no memory. */
json_t *vn_event_json(const vn_registry *r, size_t event);
/* {"date","status","since","until","inferred","undecided","status_if_pending",
 *  "event","next","pending","amendments","possible_amendments","text"}. */
json_t *vn_validity_json(const vn_registry *r, size_t instrument, const vn_validity *v);
/* {"status","possibly","event","other","from","provision","source",
 *  "confidence","text"}. */
json_t *vn_outdated_json(const vn_registry *r, size_t instrument, const vn_outdated *o,
                         const vn_date_range *citing);

#endif
