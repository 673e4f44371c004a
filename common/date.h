/*
 * date.h — calendar dates and date ranges as Vietnamese documents write them.
 *
 * A document date can be partial ("ngày   tháng 3 năm 2024" is some day in
 * March 2024, "ngày tháng năm 2023" some day in 2023).  A vn_date_range
 * keeps what is known as an inclusive [first, last] range and never
 * invents a day.
 */
#ifndef VN_DATE_H
#define VN_DATE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct vn_date {
    int year, month, day;   /* all 0 = unknown */
} vn_date;

typedef enum vn_date_precision {
    VN_DATE_NONE = 0,
    VN_DATE_YEAR,
    VN_DATE_MONTH,
    VN_DATE_DAY
} vn_date_precision;

typedef struct vn_date_range {
    vn_date first, last;            /* inclusive; equal when precision is DAY */
    vn_date_precision precision;
} vn_date_range;

/* True for a real calendar day (leap years honoured), years 1900..2199. */
bool vn_date_valid(vn_date d);

/* <0, 0, >0 like strcmp. */
int vn_date_cmp(vn_date a, vn_date b);

/* "2023-08-14"; buf needs 11 bytes. Returns buf. */
char *vn_date_iso(vn_date d, char buf[11]);

/* Parses "YYYY-MM-DD" (the whole string). Also accepts "YYYY-MM" and
 * "YYYY", giving a range. Returns false if malformed. */
bool vn_date_parse_iso(const char *s, vn_date_range *out);

/* Parses dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy (whole string) as
 * found in CSV registries and on the command line. */
bool vn_date_parse_dmy(const char *s, vn_date_range *out);

/*
 * Parses a date as a person types it into a CSV cell or on the command line:
 * anything vn_date_parse_dmy or vn_date_parse_iso accepts, a month
 * "mm/yyyy" (also m/yyyy, mm-yyyy, mm.yyyy), and a Vietnamese written date
 * that vn_date_scan consumes whole ("14 tháng 8 năm 2023" needs its
 * "ngày").  Leading and trailing ASCII white space is ignored.  A bare
 * year "2023" is accepted here: in a date cell it cannot be prose.
 */
bool vn_date_parse_any(const char *s, vn_date_range *out);

/* Days in the month (leap years honoured); 0 for a month outside 1..12. */
int vn_date_days_in_month(int year, int month);

/*
 * Builds a range from possibly unknown parts: month 0 and day 0 give the
 * whole year, day 0 the whole month.  Returns false (out untouched) for an
 * impossible date or a year outside 1900..2199.
 */
bool vn_date_range_set(int year, int month, int day, vn_date_range *out);

/*
 * Parses a date written in running Vietnamese text starting at text[0]:
 *   "ngày 14/8/2023", "ngày 14 tháng 8 năm 2023", "14-8-2023", "14.8.2023",
 *   "ngày 14/8/ 2023", partial "ngày   tháng 3 năm 2024", "ngày tháng năm 2023",
 *   "ngày    /   /2023", "tháng 3 năm 2024" (a month); a bare "năm 2023" is
 *   NOT a date here (it is too common in prose; callers that want a bare
 *   year ask for it).  Drafts' placeholders ". _ …" count as blanks after
 *   "ngày"; the bare numeric form takes one separator and no blanks.
 * The word "ngày" may be capitalised, glued to what precedes it, and spaces
 * and line breaks between parts are free.  Input is NFC UTF-8.
 * On success returns the number of bytes consumed (> 0, ending with the
 * year's last digit; a fifth digit makes it no date) and fills out;
 * returns 0 when text does not start with a date.  Day/month values that
 * are impossible (31/02) are rejected.  Reads at most len bytes.
 */
size_t vn_date_scan(const char *text, size_t len, vn_date_range *out);

/* Range helpers for validity questions: is the whole range before d? */
bool vn_date_range_before(const vn_date_range *r, vn_date d);
bool vn_date_range_contains(const vn_date_range *r, vn_date d);
/* The same precision and the same first and last day. */
bool vn_date_range_same(const vn_date_range *a, const vn_date_range *b);
/* The one year a known range lies in ("2020", "2020-03", a day of 2020),
 * or 0 (NONE, or a range over years). */
int vn_date_range_year(const vn_date_range *r);
/* Do two ranges, both known (precision not NONE), share a day? */
bool vn_date_range_overlap(const vn_date_range *a, const vn_date_range *b);

/* Range as text: "2024-03-25", "2024-03", "2024", or "" when NONE.
 * buf needs 11 bytes. */
char *vn_date_range_str(const vn_date_range *r, char buf[11]);

#endif
