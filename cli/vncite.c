/*
 * vncite.c — the `vncite` entry point: a git-style dispatch table.  Each
 * command lives in its own cli/cmd_*.c file.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const vn_command commands[] = {
    {"extract", vn_cmd_extract, "list the citations and metadata of documents",
     "usage: vncite extract [--json | --csv] [--registry DIR | --no-registry] PATH...\n"
     "\n"
     "Reads each file (folders recursively: *.txt, *.md, *.docx, *.odt, *.html), extracts\n"
     "every citation of another instrument and the document's own metadata, and\n"
     "resolves the citations across all files given and the instrument registry.\n"
     "\n"
     "  --json          JSON Lines: one {\"record\":\"document\"} per file, then one\n"
     "                  {\"record\":\"citation\"} per occurrence (docs/JSON.md)\n"
     "  --csv           CSV: a header, then one row per citation with the JSON\n"
     "                  record's fields (pinpoint as article, clause, point)\n"
     "  --registry DIR  instrument registry folder (default: $VNCITE_REGISTRY,\n"
     "                  else ./corpus/registry)\n"
     "  --no-registry   resolve against the files given only\n"
     "  -               read a document from standard input (named '-'), e.g.\n"
     "                  pdftotext plan.pdf - | vncite extract -\n"
     "\n"
     "Human output, one line per citation:\n"
     "  FILE:LINE:COL  INSTRUMENT  TYPE  DATE  ISSUER  \"as written\"\n"
     "Exit status: 0 success, 2 if any file could not be read (the others are\n"
     "still printed).\n"},
    {"registry", vn_cmd_registry, "check the instrument registry, show an instrument",
     "usage: vncite registry check [--json] [--registry DIR | DIR]\n"
     "       vncite registry show [--json] [--as-of DATE] [--registry DIR] SYMBOL-OR-ID...\n"
     "\n"
     "The registry is a folder with instruments.csv, events.csv and aliases.csv\n"
     "(docs/REGISTRY.md), read at query time.\n"
     "\n"
     "check  loads the registry and lists every problem as FILE:LINE: message\n"
     "       (duplicate instruments, bad dates, events naming unknown instruments,\n"
     "       replacement cycles, alias clashes ...), then a summary line.\n"
     "       Exit status: 0 no problems, 1 problems found, 2 the registry could\n"
     "       not be read.\n"
     "show   prints an instrument: its row, its validity events (date, event,\n"
     "       other instrument, provision, source, confidence), the reverse\n"
     "       relations computed from other instruments' events (\"replaces\"), and\n"
     "       its status today and on --as-of DATE.  SYMBOL-OR-ID is a symbol in\n"
     "       any spelling (59/2023/ND-CP) or an identity (120-KL/TW@2016-01-07); a\n"
     "       yearless symbol used more than once shows each instrument.\n"
     "       Exit status: 0, or 2 if an instrument is not in the registry.\n"
     "\n"
     "  --json          check: JSON Lines, one {\"file\",\"line\",\"message\"} per\n"
     "                  problem, no summary; show: one JSON object per instrument\n"
     "  --registry DIR  registry folder (default: $VNCITE_REGISTRY, else\n"
     "                  ./corpus/registry)\n"
     "  --as-of DATE    show: the status on DATE (dd/mm/yyyy, yyyy-mm-dd, mm/yyyy\n"
     "                  or yyyy; a month or year shows its first and last day) and\n"
     "                  whether a document of that date citing it is outdated\n"},
    {"index", vn_cmd_index, "index documents for search (incremental)",
     "usage: vncite index [--db DIR] [--jobs N] [--registry DIR | --no-registry]\n"
     "                    [--compact] [--small] PATH...\n"
     "\n"
     "Indexes files and folders (recursively: *.txt, *.md, *.docx, *.odt, *.html) into\n"
     "the index folder DIR (default: $VNCITE_DB, else ./vncite.db).  Only new, changed\n"
     "and deleted files are touched: a second run over an unchanged corpus changes\n"
     "nothing.\n"
     "A file that disappeared is removed when it was under a folder given, or was\n"
     "named itself.\n"
     "\n"
     "  --db DIR        the index folder (made, with missing parents, if new)\n"
     "  --jobs N        worker threads (default: the number of cores); a new index\n"
     "                  gets one shard per worker\n"
     "  --registry DIR  instrument registry used to resolve citations\n"
     "  --batch N       commit every N documents per shard (default 2000, or sooner\n"
     "                  when memory fills); smaller loses less work when killed\n"
     "  --compact       rewrite every shard compactly at the end: about 0.7x the\n"
     "                  size, for an index that will mostly be searched (a later\n"
     "                  incremental run grows it again)\n"
     "  --small         a new index keeps word positions on the accented form only:\n"
     "                  about a quarter smaller, same results, but phrases with\n"
     "                  words typed without accents search 2-5x slower\n"
     "\n"
     "A progress bar goes to stderr when it is a terminal; a summary line always.\n"
     "Killed at any moment, the index keeps its last commit and a rerun completes it.\n"
     "A second indexer on the same folder is refused.\n"
     "Exit status: 0 success, 2 if a file could not be indexed (the rest is) or the\n"
     "run could not start.\n"},
    {"search", vn_cmd_search, "full-text search, accent-aware, with filters",
     "usage: vncite search [--db DIR] [--json] [--limit N] [--offset N]\n"
     "                     [--sort relevance|date] [--facets] QUERY...\n"
     "\n"
     "Words typed without diacritics match every spelling (dan chu finds dân chủ);\n"
     "words typed with diacritics match only that spelling (bàn does not find bán,\n"
     "bạn, bản).  Case does not matter; đ folds to d only in unaccented words.\n"
     "\n"
     "  \"dân chủ ở cơ sở\"   phrase        dân AND chủ, OR, NOT, -word, (…)\n"
     "  thực*              prefix        title:WORDS  search titles only\n"
     "  *                  every document (with filters, --facets, --sort date)\n"
     "  year:2024  year:2020..2023  date:2024-03  date:1/1/2024..30/6/2024\n"
     "  type:\"kế hoạch\"  issuer:\"Sở Công Thương\"  province:\"Sóc Trăng\"\n"
     "  cites:59/2023/NĐ-CP  cites:\"nd 59/2023\"  cites:120-KL/TW  symbol:150-KH/ĐU\n"
     "\n"
     "  --limit N, --offset N   page of hits (default 10 from 0)\n"
     "  --sort date             newest first (default: relevance)\n"
     "  --facets                counts by year, type, issuer and province\n"
     "  --json                  JSON Lines: {\"record\":\"hit\"} per hit, snippet words in\n"
     "                          <mark></mark>, then facets and a summary (docs/SEARCH.md)\n"
     "Exit status: 0 (also when nothing matches), 2 on a malformed query or no index.\n"},
    {"lint", vn_cmd_lint, "likely errors in citations: wrong symbols, dates, stale years",
     "usage: vncite lint [--db DIR] [--json | --csv] [--registry DIR | --no-registry]\n"
     "                   [--skip RULE[,RULE...]] [--no-cache] [DOC]\n"
     "\n"
     "Flags likely errors in the indexed documents' citations (docs/LINT.md):\n"
     "  matches-other-instrument  the cited date or subject is another instrument's\n"
     "                            (30/CT-TTg cited with the date of 33/CT-TTg)\n"
     "  conflicting-dates         one symbol cited with dates that cannot all be right\n"
     "  corrected-symbol          the symbol was united with its official variant\n"
     "                            (11-QĐ/TW written for 11-QĐi/TW)\n"
     "  forward-citation          a cited date after the citing document's date\n"
     "  not-yet-issued            the registry dates the instrument after the document\n"
     "  stale-year                a deadline in a year before the document's year\n"
     "                            (needs the document file)\n"
     "  incomplete-symbol         a number with its year but not its codes\n"
     "                            (\"Nghị định số 15/2020\": write 15/2020/NĐ-CP)\n"
     "  misspelled-symbol         a symbol written otherwise than its official form\n"
     "                            (04/2015/NĐ/CP, 1242/qđ-ubnd, 1238/QĐUBND)\n"
     "With DOC (its path as indexed) only its findings are shown; the rules that\n"
     "compare documents still read the whole index.\n"
     "\n"
     "  --json          JSON Lines: one {\"rule\",\"severity\",\"file\",\"line\",\"column\",\n"
     "                  \"text\",\"message\",\"suggestion\"} per finding\n"
     "  --csv           the same fields as CSV with a header row\n"
     "  --skip RULES    do not run these rules (comma-separated, repeatable)\n"
     "  --registry DIR, --no-registry   as for 'vncite extract'\n"
     "  --no-cache      neither read nor write DB/stream.cache (see 'vncite graph')\n"
     "Human output: FILE:LINE:COL: SEVERITY: MESSAGE [RULE], the text as written\n"
     "and a suggestion, then a summary line.\n"
     "Exit status: 0 no findings, 1 findings, 2 on an error (no index, unknown DOC,\n"
     "bad option).\n"},
    {"show", vn_cmd_show, "one indexed document: metadata, citations, text",
     "usage: vncite show [--db DIR] [--json] [--no-text] DOC\n"
     "\n"
     "Shows the metadata of DOC (its path as indexed, as 'vncite search' prints it),\n"
     "every citation with its line:column and the text around it, and the text.\n"
     "  --json      one JSON object: {\"document\", \"citations\" (each with \"context\"),\n"
     "              \"text\"} (docs/JSON.md)\n"
     "  --no-text   leave the document text out\n"
     "Exit status: 0, or 2 when DOC is not in the index.\n"},
    {"graph", vn_cmd_graph, "export the citation graph (DOT, GraphML, GEXF, JSON, CSV)",
     "usage: vncite graph [--db DIR] [--registry DIR | --no-registry]\n"
     "                    [--format dot|graphml|gexf|json|csv] [-o FILE]\n"
     "                    [--focus DOC|INSTRUMENT]... [--depth N] [--as-of DATE]\n"
     "                    [--no-cache]\n"
     "\n"
     "Writes the citation graph of the index: documents and the instruments they\n"
     "cite (edge weight = mentions; unresolved and ambiguous citations stay as\n"
     "marked nodes), an 'is' edge from a document to the instrument it is when\n"
     "another document cites it, plus the registry's relations between\n"
     "instruments (replaced_by, superseded_by, amended_by, partly_repealed).\n"
     "docs/GRAPH.md lists every node and edge attribute.\n"
     "\n"
     "  --format F      dot (Graphviz, the default), graphml, gexf (1.3, with\n"
     "                  validity intervals for Gephi's timeline), json (networkx\n"
     "                  node-link: nodes/links) or csv (Gephi's nodes + edges\n"
     "                  tables); without --format, -o's extension decides\n"
     "  -o FILE         write FILE (complete or not at all) instead of standard\n"
     "                  output; csv needs -o PREFIX and writes PREFIX-nodes.csv\n"
     "                  and PREFIX-edges.csv (a trailing .csv is dropped)\n"
     "  --focus X       keep only what is near X: a document (path as indexed) or\n"
     "                  an instrument (symbol, identity or name); repeatable\n"
     "  --depth N       hops from the focus, edges followed either way (default 1)\n"
     "  --as-of DATE    instrument status on DATE and citations judged on DATE\n"
     "                  (default: status today, each citation judged on its\n"
     "                  document's date)\n"
     "  --registry DIR, --no-registry   as for 'vncite extract'\n"
     "  --no-cache      read the whole index twice, neither reading nor writing\n"
     "                  DB/stream.cache (what the first read learns, kept for the next\n"
     "                  command over the same index, registry and program)\n"
     "Example: vncite graph | dot -Tsvg -o graph.svg\n"
     "Exit status: 0, or 2 on a bad option, an unknown --focus, no index, or a\n"
     "file that cannot be written.\n"},
    {"cites", vn_cmd_cites, "the documents citing an instrument",
     "usage: vncite cites [--db DIR] [--registry DIR | --no-registry] [--json | --csv]\n"
     "                    [--no-cache] INSTRUMENT\n"
     "\n"
     "Every citation of INSTRUMENT in the index: file:line:column and the text as\n"
     "written.  INSTRUMENT in any loose form: 59/2023/ND-CP, 03/nq-hdnd, \"nd 59/2023\",\n"
     "\"Nghị định 59/2023\", 120-KL/TW (every dated 120-KL/TW, and its undated\n"
     "citations left ambiguous), 120-KL/TW@2016-01-07, or a name (\"Luật Thực hiện dân\n"
     "chủ ở cơ sở\").\n"
     "The index is read through a temporary file in $TMPDIR (else /tmp).\n"
     "  --db DIR          the index (default ./vncite.db or $VNCITE_DB)\n"
     "  --registry DIR    the registry folder (default corpus/registry); read now, so\n"
     "                    edits need no re-index\n"
     "  --json            JSON Lines: {\"record\":\"citation\"} per occurrence (docs/QUERIES.md)\n"
     "  --csv             CSV with a header row\n"
     "  --no-cache        neither read nor write DB/stream.cache (see 'vncite graph')\n"
     "Exit status: 0 (also when no document cites it), 2 on errors or when INSTRUMENT\n"
     "is not understood.\n"},
    {"citations", vn_cmd_citations, "the instruments a document cites, with their status",
     "usage: vncite citations [--db DIR] [--registry DIR | --no-registry] [--as-of DATE]\n"
     "                        [--json | --csv] [--no-cache] [DOC]\n"
     "\n"
     "For DOC (its path as indexed), or every document: each instrument cited, how\n"
     "often and first where, its status today and on the document's date, and whether\n"
     "the citation was outdated then.\n"
     "  --db DIR          the index (default ./vncite.db or $VNCITE_DB)\n"
     "  --registry DIR    the registry folder (default corpus/registry); read now, so\n"
     "                    edits need no re-index\n"
     "  --as-of DATE      'today' means DATE (2024-03-25, 25/03/2024, 03/2024, 2024)\n"
     "  --json            JSON Lines (docs/QUERIES.md)\n"
     "  --csv             CSV with a header row\n"
     "  --no-cache        neither read nor write DB/stream.cache (see 'vncite graph')\n"
     "Exit status: 0, 2 on errors or when DOC is not in the index.\n"},
    {"instruments", vn_cmd_instruments, "every instrument cited in the index, with its status",
     "usage: vncite instruments [--db DIR] [--registry DIR | --no-registry] [--as-of DATE]\n"
     "                          [--status S] [--json | --csv] [--no-cache]\n"
     "\n"
     "Every instrument the index cites, and the registry instruments that replace\n"
     "them: identity, type, issuer, issue date, status (today or on --as-of), number\n"
     "of citing documents and of mentions.\n"
     "Citations that resolve to nothing known are listed as unresolved or ambiguous.\n"
     "  --db DIR          the index (default ./vncite.db or $VNCITE_DB)\n"
     "  --registry DIR    the registry folder (default corpus/registry); read now, so\n"
     "                    edits need no re-index\n"
     "  --as-of DATE      status on DATE instead of today\n"
     "  --status S        only status S: in_force, amended, partly_repealed, ceased,\n"
     "                    suspended, not_yet_in_force, unknown, not_in_registry,\n"
     "                    unresolved, ambiguous\n"
     "  --json            JSON Lines (docs/QUERIES.md)\n"
     "  --csv             CSV with a header row\n"
     "  --no-cache        read the index, neither reading nor writing\n"
     "                    DB/instruments.cache and DB/stream.cache (kept so that a\n"
     "                    second run over the same index, registry and program is fast)\n"
     "Exit status: 0, 2 on errors.\n"},
    {"outdated", vn_cmd_outdated, "citations of instruments no longer in force",
     "usage: vncite outdated [--db DIR] [--registry DIR] [--as-of DATE] [--all]\n"
     "                       [--json | --csv] [--no-cache] [DOC]\n"
     "\n"
     "Every citation of an instrument that had ceased to be in force on the citing\n"
     "document's date: where, as written, the instrument, the verdict, what replaced it\n"
     "and from when, with the source and confidence of that registry event.  A\n"
     "document dated only by month or year is 'possibly outdated' when the end of\n"
     "validity falls inside that range.  Amended or partly repealed instruments are\n"
     "not outdated; --all lists them too.\n"
     "  --db DIR          the index (default ./vncite.db or $VNCITE_DB)\n"
     "  --registry DIR    the registry folder (default corpus/registry); read now, so\n"
     "                    edits need no re-index\n"
     "  --as-of DATE      judge every citation on DATE instead of its document's date\n"
     "  --all             also list citations of amended / partly repealed instruments\n"
     "  --json            JSON Lines: {\"record\":\"outdated\"} per citation, then a\n"
     "                    {\"record\":\"summary\"} (docs/QUERIES.md)\n"
     "  --csv             CSV with a header row\n"
     "  --no-cache        read the index, neither reading nor writing\n"
     "                    DB/outdated.cache and DB/stream.cache (kept so that a\n"
     "                    second run over the same index, registry and program is fast)\n"
     "Exit status: 0 when nothing is outdated, 1 when something is (or possibly is, or\n"
     "was suspended), 2 on errors.\n"},
};

#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

const vn_command *vn_find_command(const char *name)
{
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

void vn_print_usage(const vn_command *cmd)
{
    fputs(cmd->usage, stdout);
}

static void print_main_help(void)
{
    printf("usage: vncite [--version] [--help] COMMAND [ARGS]\n\n"
           "Full-text search and citation analysis of Vietnamese administrative documents.\n\n"
           "Commands:\n");
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        printf("  %-12s %s\n", commands[i].name, commands[i].summary);
    printf("\nSee 'vncite COMMAND --help' for one command, and man vncite.\n");
}

int main(int argc, char **argv)
{
    vn_report_install_warnings();
    if (argc < 2) {
        print_main_help();
        return VN_EXIT_ERROR;
    }
    const char *name = argv[1];
    if (vn_is_help(name) || strcmp(name, "help") == 0) {
        const vn_command *c = argc > 2 ? vn_find_command(argv[2]) : NULL;
        if (c)
            vn_print_usage(c);
        else
            print_main_help();
        return VN_EXIT_OK;
    }
    if (strcmp(name, "--version") == 0) {
        printf("vncite %s\n", VNCITE_VERSION);
        return VN_EXIT_OK;
    }
    const vn_command *c = vn_find_command(name);
    if (!c) {
        vn_report_usage_error(NULL, "'%s' is not a vncite command", name);
        return VN_EXIT_ERROR;
    }
    return c->run(argc - 1, argv + 1);
}
