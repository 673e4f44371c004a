/* report.c — the one path by which errors and warnings reach stderr. */
#include "cli.h"

#include <jansson.h>

#include "common/registry.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <stdlib.h>

void vn_report_error(const vn_error *err)
{
    fprintf(stderr, "vncite: %s\n", err->msg[0] ? err->msg : vn_status_name(err->code));
}

void vn_report_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "vncite%s%s: ", command ? " " : "", command ? command : "");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nTry 'vncite %s%s--help'.\n", command ? command : "", command ? " " : "");
    va_end(ap);
}

static void print_warning(void *ctx, const char *message)
{
    (void)ctx;
    fprintf(stderr, "vncite: warning: %s\n", message);
}

void vn_report_install_warnings(void)
{
    vn_set_warning_sink(print_warning, NULL);
}

bool vn_is_help(const char *arg)
{
    return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

const char *vn_registry_dir(const char *option)
{
    if (option)
        return option;
    const char *env = getenv("VNCITE_REGISTRY");
    if (env && *env)
        return env;
    struct stat st;
    if (stat("corpus/registry", &st) == 0 && S_ISDIR(st.st_mode))
        return "corpus/registry";
    return VNCITE_SOURCE_CORPUS "/registry";
}

int vn_print_json_line(json_t *o)
{
    if (!o)
        return -1;
    char *s = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    if (!s)
        return -1;
    puts(s);
    free(s);
    return 0;
}

static void warn_registry_problem(void *ctx, const vn_registry_problem *p)
{
    vn_warn("%s/%s:%d: %s", (const char *)ctx, p->file, p->line, p->message);
}

bool vn_cli_load_registry(const char *option, bool none, vn_registry **out)
{
    *out = NULL;
    if (none)
        return true;
    const char *dir = vn_registry_dir(option);
    vn_error err;
    if (vn_registry_load(dir, out, warn_registry_problem, (void *)dir, &err) != VN_OK) {
        vn_report_error(&err);
        return false;
    }
    return true;
}
