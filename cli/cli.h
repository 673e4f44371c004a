/*
 * cli.h — what every command file (cli/cmd_*.c) shares: the dispatch
 * signature, the one error-reporting path, and option helpers.
 *
 * Exit status convention for all commands: 0 success, 1 "found something"
 * where a command documents it (outdated, lint, registry check), 2 errors.
 */
#ifndef VN_CLI_H
#define VN_CLI_H

#include <stdbool.h>
#include "common/status.h"

#define VN_EXIT_OK 0
#define VN_EXIT_FOUND 1
#define VN_EXIT_ERROR 2

typedef int (*vn_command_fn)(int argc, char **argv);

typedef struct vn_command {
    const char *name;
    vn_command_fn run;
    const char *summary;
    const char *usage;      /* full help text for `vncite CMD --help` */
} vn_command;

/* The one place messages reach the user's terminal. */
void vn_report_error(const vn_error *err);
void vn_report_usage_error(const char *command, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Installs the stderr warning sink ("vncite: warning: …"). */
void vn_report_install_warnings(void);

/* Prints the command's usage to stdout. */
void vn_print_usage(const vn_command *cmd);
const vn_command *vn_find_command(const char *name);

/* Prints one JSON value as one compact line on stdout and releases it.
 * Returns 0, or -1 when o is NULL or cannot be written (no memory). */
struct json_t;
int vn_print_json_line(struct json_t *o);

/* Loads the registry for a command: none when `none` is set, else from
 * vn_registry_dir(option); problems in its rows are warnings.  Returns
 * false after reporting the error when it cannot be loaded at all. */
struct vn_registry;
bool vn_cli_load_registry(const char *option, bool none, struct vn_registry **out);

/* True if arg is "-h" or "--help". */
bool vn_is_help(const char *arg);

/* The registry folder: --registry DIR, else $VNCITE_REGISTRY, else
 * ./corpus/registry when it exists, else the source tree's corpus/registry. */
const char *vn_registry_dir(const char *option);

int vn_cmd_extract(int argc, char **argv);
int vn_cmd_registry(int argc, char **argv);
int vn_cmd_index(int argc, char **argv);
int vn_cmd_search(int argc, char **argv);
int vn_cmd_lint(int argc, char **argv);
int vn_cmd_show(int argc, char **argv);
int vn_cmd_graph(int argc, char **argv);
int vn_cmd_cites(int argc, char **argv);
int vn_cmd_citations(int argc, char **argv);
int vn_cmd_instruments(int argc, char **argv);
int vn_cmd_outdated(int argc, char **argv);

#endif
