/* fuzz_match.c — what a user types to name an instrument (`vncite cites`,
 * `graph --focus`, through vn_corpus_match): a symbol in any spelling,
 * "nd 59/2023", symbol@date, a name through the registry's aliases and
 * titles or an unresolved name.  Any text gives some instruments or none,
 * never a crash; every index written is an instrument of the table, in
 * order and once, and the count returned is at least the count written. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/registry.h"
#include "query/corpus.h"

static const char instruments_csv[] =
    "symbol,issued,type,issuer,title,in_force,source,confidence,note\n"
    "10/2022/QH15,10/11/2022,Luật,Quốc hội,Thực hiện dân chủ ở cơ sở,01/07/2023,s,high,\n"
    "11-QĐi/TW,18/02/2019,Quy định,Bộ Chính trị,Trách nhiệm nêu gương,,s,high,\n"
    "120-KL/TW,07/01/2016,Kết luận,Bộ Chính trị,Tiếp tục đẩy mạnh thực hiện Quy chế dân chủ "
    "ở cơ sở,,s,high,\n";
static const char aliases_csv[] =
    "name,instrument,cited_from,cited_until,source,note\n"
    "Luật Thực hiện dân chủ ở cơ sở,10/2022/QH15,,,s,\n"
    "Luật dân chủ cơ sở,10/2022/QH15,,,s,\n";

/* A table as the tally makes it: sorted by id, resolved, ambiguous and
 * unresolved entries, yearless symbols with dates, a name. */
typedef struct row {
    const char *id, *symbol, *label, *type_word, *issued;
    vn_instrument_state state;
} row;

static const row rows[] = {
    {"04/2015/NĐ-CP", "04/2015/NĐ-CP", "04/2015/NĐ-CP", "Nghị định", "2015-01-09", VN_INST_RESOLVED},
    {"10/2022/QH15", "10/2022/QH15", "10/2022/QH15", "Luật", "2022-11-10", VN_INST_RESOLVED},
    {"11-QĐi/TW@2019-02-18", "11-QĐi/TW", "11-QĐi/TW", "Quy định", "2019-02-18", VN_INST_RESOLVED},
    {"120-KL/TW", "120-KL/TW", "120-KL/TW", "Kết luận", NULL, VN_INST_AMBIGUOUS},
    {"120-KL/TW@2016-01-07", "120-KL/TW", "120-KL/TW", "Kết luận", "2016-01-07", VN_INST_RESOLVED},
    {"120-KL/TW@2024-12-01", "120-KL/TW", "120-KL/TW", "Kết luận", "2024-12-01", VN_INST_RESOLVED},
    {"59/2023/NĐ-CP", "59/2023/NĐ-CP", "59/2023/NĐ-CP", "Nghị định", "2023-08-14", VN_INST_RESOLVED},
    {"99-KH/TU", "99-KH/TU", "99-KH/TU", "Kế hoạch", NULL, VN_INST_UNRESOLVED},
    {"~luat-tiep-cong-dan@2013-11-25", "", "Luật Tiếp công dân", "Luật", "2013-11-25",
     VN_INST_UNRESOLVED},
};
enum { ROWS = sizeof rows / sizeof rows[0], MAX = 4 };

static vn_corpus *table(void)
{
    static vn_corpus c;
    static vn_corpus_instrument in[ROWS];
    static vn_registry *reg;
    if (reg)
        return &c;
    if (vn_registry_load_from_strings(instruments_csv, strlen(instruments_csv), NULL, 0,
                                      aliases_csv, strlen(aliases_csv), &reg, NULL, NULL,
                                      NULL) != VN_OK)
        abort();
    for (size_t i = 0; i < ROWS; i++) {
        in[i] = (vn_corpus_instrument){rows[i].id, rows[i].symbol, rows[i].label,
                                       rows[i].type_word, "", NULL, {0}, -1, rows[i].state,
                                       1, 1};
        if (rows[i].issued && !vn_date_parse_iso(rows[i].issued, &in[i].issued))
            abort();
        if (i && strcmp(rows[i - 1].id, rows[i].id) >= 0)
            abort();   /* the table must be sorted by id, as the tally sorts it */
    }
    c.instruments = in;
    c.instrument_count = ROWS;
    c.registry = reg;
    return &c;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const vn_corpus *c = table();
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    size_t found[MAX];
    size_t n = vn_corpus_match(c, text, found, MAX);
    size_t written = n < MAX ? n : MAX;
    if (n > ROWS)
        abort();
    for (size_t i = 0; i < written; i++)
        if (found[i] >= ROWS || (i && found[i] <= found[i - 1]))
            abort();
    free(text);
    return 0;
}
