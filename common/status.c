/* status.c — vn_error helpers and the warning sink (see status.h). */
#include "status.h"

#include <stdio.h>
#include <string.h>

static vn_warning_sink g_sink;
static void *g_sink_ctx;

vn_status vn_error_set(vn_error *err, vn_status code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        err->code = code;
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return code;
}

void vn_error_clear(vn_error *err)
{
    if (err) {
        err->code = VN_OK;
        err->msg[0] = '\0';
    }
}

const char *vn_status_name(vn_status code)
{
    switch (code) {
    case VN_OK: return "success";
    case VN_ERR_NOMEM: return "out of memory";
    case VN_ERR_IO: return "I/O error";
    case VN_ERR_BINARY: return "not a text file";
    case VN_ERR_ENCODING: return "undecodable text";
    case VN_ERR_PARSE: return "malformed input";
    case VN_ERR_USAGE: return "usage error";
    case VN_ERR_INDEX: return "index error";
    case VN_ERR_LOCKED: return "database locked";
    case VN_ERR_NOTFOUND: return "not found";
    }
    return "unknown error";
}

void vn_set_warning_sink(vn_warning_sink sink, void *ctx)
{
    g_sink = sink;
    g_sink_ctx = ctx;
}

void vn_warn(const char *fmt, ...)
{
    if (!g_sink)
        return;
    char msg[VN_ERROR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    g_sink(g_sink_ctx, msg);
}
