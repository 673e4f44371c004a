/*
 * vncite.c — the `vncite` entry point: a git-style dispatch table.  Each
 * command lives in its own cli/cmd_*.c file.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const vn_command commands[] = {
    {"extract", vn_cmd_extract, "list the citations and metadata of documents",
     "usage: vncite extract [--json] [--registry DIR | --no-registry] PATH...\n"
     "\n"
     "Reads each file (folders recursively: *.txt, *.md), extracts every citation\n"
     "of another instrument and the document's own metadata, and resolves the\n"
     "citations across all files given and the instrument registry.\n"
     "\n"
     "  --json          JSON Lines: one {\"record\":\"document\"} per file, then one\n"
     "                  {\"record\":\"citation\"} per occurrence (docs/JSON.md)\n"
     "  --registry DIR  instrument registry folder (default: $VNCITE_REGISTRY,\n"
     "                  else ./corpus/registry)\n"
     "  --no-registry   resolve against the files given only\n"
     "\n"
     "Human output, one line per citation:\n"
     "  FILE:LINE:COL  INSTRUMENT  TYPE  DATE  ISSUER  \"as written\"\n"
     "Exit status: 0 success, 2 if any file could not be read (the others are\n"
     "still printed).\n"},
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
