/* docx.c — the text of a Word .docx or OpenDocument .odt document (see docx.h). */
#include "docx.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <zip.h>

#include "xml_init.h"

/* WordprocessingML's namespace as Word writes it ("transitional"), and as
 * "Strict Open XML Document" writes it */
static const char W_NS[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
static const char W_STRICT_NS[] = "http://purl.oclc.org/ooxml/wordprocessingml/main";
/* OpenDocument's text and office namespaces */
static const char TEXT_NS[] = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
static const char OFFICE_NS[] = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
static const char ODT_MIMETYPE[] = "application/vnd.oasis.opendocument.text";
static const char MC_NS[] = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/*
 * libzip is loaded on the first .docx, not when vncite starts: it brings
 * libcrypto, liblzma and libbz2, which cost every vncite command about a
 * millisecond of start-up (docs/BENCHMARKS.md).  VN_LIBZIP_SONAME is the
 * library the build compiled against (CMakeLists.txt).
 */
#ifndef VN_LIBZIP_SONAME
#define VN_LIBZIP_SONAME "libzip.so.4"
#endif

static struct {
    __typeof__(zip_source_buffer_create) *source_buffer_create;
    __typeof__(zip_open_from_source) *open_from_source;
    __typeof__(zip_source_free) *source_free;
    __typeof__(zip_error_init) *error_init;
    __typeof__(zip_error_fini) *error_fini;
    __typeof__(zip_error_strerror) *error_strerror;
    __typeof__(zip_name_locate) *name_locate;
    __typeof__(zip_fopen_index) *fopen_index;
    __typeof__(zip_strerror) *archive_strerror;
    __typeof__(zip_fread) *read;
    __typeof__(zip_file_strerror) *file_strerror;
    __typeof__(zip_fclose) *close;
    __typeof__(zip_discard) *discard;
} zip;
static char zip_missing[256];   /* why libzip could not be loaded; "" when it was */

/* One function of lib into *slot (a function pointer of `size` bytes). */
static bool load_function(void *lib, const char *symbol, void *slot, size_t size)
{
    void *address = dlsym(lib, symbol);
    if (!address) {
        snprintf(zip_missing, sizeof zip_missing, "%s has no %s", VN_LIBZIP_SONAME, symbol);
        return false;
    }
    memcpy(slot, &address, size);   /* POSIX: a symbol's address is the function's */
    return true;
}

static void load_libzip(void)
{
    /* VNCITE_LIBZIP: another libzip file (and how the tests make it missing) */
    const char *file = getenv("VNCITE_LIBZIP");
    void *lib = dlopen(file && *file ? file : VN_LIBZIP_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        snprintf(zip_missing, sizeof zip_missing, "%s", dlerror());
        return;
    }
#define LOAD(field, symbol) (ok = ok && load_function(lib, symbol, &zip.field, sizeof zip.field))
    bool ok = true;
    LOAD(source_buffer_create, "zip_source_buffer_create");
    LOAD(open_from_source, "zip_open_from_source");
    LOAD(source_free, "zip_source_free");
    LOAD(error_init, "zip_error_init");
    LOAD(error_fini, "zip_error_fini");
    LOAD(error_strerror, "zip_error_strerror");
    LOAD(name_locate, "zip_name_locate");
    LOAD(fopen_index, "zip_fopen_index");
    LOAD(archive_strerror, "zip_strerror");
    LOAD(read, "zip_fread");
    LOAD(file_strerror, "zip_file_strerror");
    LOAD(close, "zip_fclose");
    LOAD(discard, "zip_discard");
#undef LOAD
}

bool vn_docx_magic(const unsigned char *bytes, size_t n)
{
    return n >= 4 && memcmp(bytes, "PK\3\4", 4) == 0;
}

static vn_status damaged(const char *name, const char *part, const char *why, vn_error *err)
{
    return vn_error_set(err, VN_ERR_BINARY,
                        "%s: a damaged Word .docx document (%s: %s); open and save it again "
                        "in Word, or convert it to text",
                        name, part, why);
}

/* Reads one part of the archive into xml; *found is false if it has none. */
static vn_status read_part(zip_t *z, const char *name, const char *part, vn_buf *xml,
                           bool *found, vn_error *err)
{
    *found = false;
    zip_int64_t index = zip.name_locate(z, part, 0);
    if (index < 0)
        return VN_OK;
    zip_file_t *f = zip.fopen_index(z, (zip_uint64_t)index, 0);
    if (!f)
        return damaged(name, part, zip.archive_strerror(z), err);
    char chunk[1 << 16];
    vn_status st = VN_OK;
    for (;;) {
        zip_int64_t got = zip.read(f, chunk, sizeof chunk);
        if (got < 0) {
            st = damaged(name, part, zip.file_strerror(f), err);
            break;
        }
        if (got == 0)
            break;
        if (xml->len + (size_t)got > VN_DOCX_PART_MAX) {
            st = vn_error_set(err, VN_ERR_BINARY,
                              "%s: %s unpacks to more than %zu MB; a plan is far smaller, so "
                              "this is not read (convert it to text if it is one)",
                              name, part, VN_DOCX_PART_MAX >> 20);
            break;
        }
        if (vn_buf_append(xml, chunk, (size_t)got) != VN_OK) {
            st = vn_error_set(err, VN_ERR_NOMEM, "%s: out of memory reading %s", name, part);
            break;
        }
    }
    zip.close(f);
    *found = st == VN_OK;
    return st;
}

/* What the walk over one part has seen. */
typedef struct part_walk {
    xmlTextReaderPtr reader;
    vn_buf *out;
    bool odt;               /* OpenDocument's content.xml, not WordprocessingML */
    /* Word */
    bool in_text;           /* inside a w:t */
    int in_run;             /* inside a w:r: a w:tab elsewhere is a tab stop's definition */
    char note_id[16];       /* inside a footnote or endnote: its id */
    /* OpenDocument: notes sit inline in the text; their bodies go to `notes`,
     * which follows the body, as Word's footnotes do */
    int paragraphs;         /* text:p / text:h open */
    bool space;             /* the text just written ends in a space: collapse the next */
    bool in_citation;       /* inside a text:note-citation (the note's mark) */
    bool in_note_body;
    char note_mark[16];
    vn_buf *notes;
    char first_error[160];  /* libxml2's first complaint */
} part_walk;

static void on_xml_error(void *ctx, xmlErrorPtr e)
{
    part_walk *w = ctx;
    if (!w->first_error[0] && e && e->message) {
        snprintf(w->first_error, sizeof w->first_error, "line %d: %s", e->line, e->message);
        size_t n = strlen(w->first_error);
        while (n > 0 && w->first_error[n - 1] == '\n')
            w->first_error[--n] = '\0';
    }
}

static bool word_ns(const xmlChar *ns)
{
    return ns && (strcmp((const char *)ns, W_NS) == 0 || strcmp((const char *)ns, W_STRICT_NS) == 0);
}

/* An attribute of the current element in its own (Word's) namespace. */
static xmlChar *word_attribute(xmlTextReaderPtr r, const char *name)
{
    return xmlTextReaderGetAttributeNs(r, (const xmlChar *)name,
                                       xmlTextReaderConstNamespaceUri(r));
}

static bool named(const xmlChar *local, const char *name)
{
    return local && strcmp((const char *)local, name) == 0;
}

/* The w:id attribute, as written (at most 15 bytes of digits and '-'). */
static void note_id(xmlTextReaderPtr r, char *id, size_t size)
{
    xmlChar *v = word_attribute(r, "id");
    size_t n = 0;
    for (const xmlChar *p = v; p && *p && n + 1 < size; p++)
        if ((*p >= '0' && *p <= '9') || *p == '-')
            id[n++] = (char)*p;
    id[n] = '\0';
    xmlFree(v);
}

static vn_status mark(vn_buf *out, const char *id)
{
    vn_status st = vn_buf_append(out, "<sup>", 5);
    if (st == VN_OK)
        st = vn_buf_append(out, id, strlen(id));
    if (st == VN_OK)
        st = vn_buf_append(out, "</sup>", 6);
    return st;
}

/* A footnote or endnote that holds a note, not Word's separator lines
 * (type="separator" …, ids 0 and -1). */
static bool real_note(xmlTextReaderPtr r, const char *id)
{
    xmlChar *type = word_attribute(r, "type");
    bool normal = !type || strcmp((const char *)type, "normalText") == 0;
    xmlFree(type);
    return normal && id[0] && id[0] != '-' && strcmp(id, "0") != 0;
}

/* The start tag the reader is on. */
typedef struct start_tag {
    const xmlChar *local, *ns;
    bool empty;     /* <x/>: no end tag follows */
    int depth;
} start_tag;

static start_tag current_tag(xmlTextReaderPtr r)
{
    return (start_tag){xmlTextReaderConstLocalName(r), xmlTextReaderConstNamespaceUri(r),
                       xmlTextReaderIsEmptyElement(r) == 1, xmlTextReaderDepth(r)};
}

static bool in_ns(const xmlChar *ns, const char *uri)
{
    return ns && strcmp((const char *)ns, uri) == 0;
}

/* One start tag.  Returns the depth whose subtree is left out, or -1. */
static int on_element(part_walk *w, vn_status *st)
{
    xmlTextReaderPtr r = w->reader;
    start_tag tag = current_tag(r);
    const xmlChar *local = tag.local, *ns = tag.ns;
    bool empty = tag.empty;
    int depth = tag.depth;
    if (in_ns(ns, MC_NS))
        return named(local, "Fallback") && !empty ? depth : -1;
    if (!word_ns(ns))
        return -1;
    if (named(local, "t")) {
        w->in_text = !empty;
    } else if (named(local, "r")) {
        w->in_run += !empty;
    } else if (w->in_run && named(local, "tab")) {
        *st = vn_buf_append_char(w->out, '\t');
    } else if (w->in_run && (named(local, "br") || named(local, "cr"))) {
        *st = vn_buf_append_char(w->out, '\n');
    } else if (w->in_run && named(local, "noBreakHyphen")) {
        *st = vn_buf_append_char(w->out, '-');
    } else if (named(local, "p") && empty) {
        *st = vn_buf_append_char(w->out, '\n');
    } else if (named(local, "footnoteReference") || named(local, "endnoteReference")) {
        char id[16];
        note_id(r, id, sizeof id);
        if (id[0])
            *st = mark(w->out, id);
    } else if (named(local, "footnoteRef") || named(local, "endnoteRef")) {
        if (w->note_id[0])
            *st = mark(w->out, w->note_id);
    } else if (named(local, "footnote") || named(local, "endnote")) {
        note_id(r, w->note_id, sizeof w->note_id);
        if (!real_note(r, w->note_id)) {
            w->note_id[0] = '\0';
            return empty ? -1 : depth;
        }
    } else if (named(local, "moveFrom") && !empty) {
        return depth;   /* moved text: it is also at its w:moveTo */
    }
    return -1;
}

static vn_status on_end(part_walk *w)
{
    const xmlChar *local = xmlTextReaderConstLocalName(w->reader);
    const xmlChar *ns = xmlTextReaderConstNamespaceUri(w->reader);
    if (!word_ns(ns))
        return VN_OK;
    if (named(local, "t"))
        w->in_text = false;
    else if (named(local, "r") && w->in_run > 0)
        w->in_run--;
    else if (named(local, "p"))
        return vn_buf_append_char(w->out, '\n');
    else if (named(local, "footnote") || named(local, "endnote"))
        w->note_id[0] = '\0';
    return VN_OK;
}

/* ---- OpenDocument (.odt) ----------------------------------------------------- */

static vn_buf *odt_target(part_walk *w)
{
    return w->in_note_body ? w->notes : w->out;
}

/* Text of a paragraph: runs of blanks are one space, none at the start
 * (OpenDocument writes the spaces it keeps as text:s). */
static vn_status odt_text(part_walk *w, const xmlChar *v)
{
    vn_buf *to = odt_target(w);
    for (; *v; v++) {
        bool blank = *v == ' ' || *v == '\t' || *v == '\n' || *v == '\r';
        if (blank && w->space)
            continue;
        if (vn_buf_append_char(to, blank ? ' ' : (char)*v) != VN_OK)
            return VN_ERR_NOMEM;
        w->space = blank;
    }
    return VN_OK;
}

/* One start tag of content.xml, as on_element for Word. */
static int odt_element(part_walk *w, vn_status *st)
{
    xmlTextReaderPtr r = w->reader;
    start_tag tag = current_tag(r);
    const xmlChar *local = tag.local;
    bool empty = tag.empty;
    int depth = tag.depth;
    if (in_ns(tag.ns, OFFICE_NS))
        return named(local, "annotation") && !empty ? depth : -1;   /* comments */
    if (!in_ns(tag.ns, TEXT_NS))
        return -1;
    vn_buf *to = odt_target(w);
    if (named(local, "tracked-changes")) {
        return empty ? -1 : depth;      /* deleted text is kept there */
    } else if (named(local, "p") || named(local, "h")) {
        if (empty)
            *st = vn_buf_append_char(to, '\n');
        else
            w->paragraphs++;
        w->space = true;
    } else if (w->paragraphs && named(local, "s")) {
        xmlChar *c = xmlTextReaderGetAttributeNs(r, (const xmlChar *)"c", (const xmlChar *)TEXT_NS);
        long count = c ? strtol((const char *)c, NULL, 10) : 1;
        xmlFree(c);
        for (long k = 0; k < (count < 1 ? 1 : count > 64 ? 64 : count) && *st == VN_OK; k++)
            *st = vn_buf_append_char(to, ' ');
        w->space = true;
    } else if (w->paragraphs && named(local, "tab")) {
        *st = vn_buf_append_char(to, '\t');
        w->space = true;
    } else if (w->paragraphs && named(local, "line-break")) {
        *st = vn_buf_append_char(to, '\n');
        w->space = true;
    } else if (named(local, "note")) {
        w->note_mark[0] = '\0';
    } else if (named(local, "note-citation") && !empty) {
        w->in_citation = true;
    } else if (named(local, "note-body") && !empty) {
        w->in_note_body = true;
        *st = mark(w->notes, w->note_mark[0] ? w->note_mark : "*");
        if (*st == VN_OK)
            *st = vn_buf_append_char(w->notes, ' ');
    }
    return -1;
}

static vn_status odt_end(part_walk *w)
{
    const xmlChar *local = xmlTextReaderConstLocalName(w->reader);
    if (!in_ns(xmlTextReaderConstNamespaceUri(w->reader), TEXT_NS))
        return VN_OK;
    if ((named(local, "p") || named(local, "h")) && w->paragraphs > 0) {
        w->paragraphs--;
        w->space = true;
        return vn_buf_append_char(odt_target(w), '\n');
    }
    if (named(local, "note-citation") && w->in_citation) {
        w->in_citation = false;
        return mark(w->out, w->note_mark[0] ? w->note_mark : "*");
    }
    if (named(local, "note-body"))
        w->in_note_body = false;
    return VN_OK;
}

/* A text node: the note's mark, or a paragraph's text. */
static vn_status odt_node_text(part_walk *w, const xmlChar *v)
{
    if (w->in_citation) {
        size_t n = strlen(w->note_mark);
        for (; *v && n + 1 < sizeof w->note_mark; v++)
            if (*v != ' ' && *v != '\n' && *v != '\t' && *v != '<' && *v != '>')
                w->note_mark[n++] = (char)*v;
        w->note_mark[n] = '\0';
        return VN_OK;
    }
    return w->paragraphs > 0 ? odt_text(w, v) : VN_OK;
}

static pthread_once_t libs_once = PTHREAD_ONCE_INIT;

/* Once, before any thread reads a .docx: libzip, and libxml2's globals. */
static void init_libs(void)
{
    load_libzip();
    vn_xml_init();
}

/* Appends the text of one XML part (Word's document, footnotes or endnotes;
 * OpenDocument's content.xml, whose notes go to `notes`). */
static vn_status walk_part(const char *name, const char *part, const vn_buf *xml, vn_buf *out,
                           vn_buf *notes, vn_error *err)
{
    if (xml->len > (size_t)__INT_MAX__)
        return damaged(name, part, "too large", err);
    part_walk w = {.out = out, .odt = notes != NULL, .notes = notes};
    w.reader = xmlReaderForMemory(xml->data, (int)xml->len, part, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!w.reader)
        return vn_error_set(err, VN_ERR_NOMEM, "%s: out of memory reading %s", name, part);
    xmlTextReaderSetStructuredErrorHandler(w.reader, on_xml_error, &w);
    vn_status st = VN_OK;
    int skip_depth = -1, rc;
    size_t before = out->len;
    while (st == VN_OK && (rc = xmlTextReaderRead(w.reader)) == 1) {
        int type = xmlTextReaderNodeType(w.reader);
        if (skip_depth >= 0) {
            if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(w.reader) == skip_depth)
                skip_depth = -1;
            continue;
        }
        switch (type) {
        case XML_READER_TYPE_ELEMENT:
            skip_depth = w.odt ? odt_element(&w, &st) : on_element(&w, &st);
            break;
        case XML_READER_TYPE_END_ELEMENT:
            st = w.odt ? odt_end(&w) : on_end(&w);
            break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: {
            const xmlChar *v = xmlTextReaderConstValue(w.reader);
            if (v && w.odt)
                st = odt_node_text(&w, v);
            else if (v && w.in_text)
                st = vn_buf_append(out, v, strlen((const char *)v));
            break;
        }
        default:
            break;
        }
        if (out->len - before + (notes ? notes->len : 0) > VN_DOCX_PART_MAX)
            st = vn_error_set(err, VN_ERR_BINARY,
                              "%s: the text of %s is larger than %zu MB; this is not read "
                              "(convert it to text if it is a plan)",
                              name, part, VN_DOCX_PART_MAX >> 20);
    }
    if (st == VN_OK && rc < 0)
        st = damaged(name, part, w.first_error[0] ? w.first_error : "not well-formed XML", err);
    else if (st == VN_ERR_NOMEM)
        vn_error_set(err, st, "%s: out of memory reading %s", name, part);
    xmlFreeTextReader(w.reader);
    return st;
}

vn_status vn_docx_text(const char *name, const unsigned char *bytes, size_t n, vn_buf *out,
                       vn_office_format *format, vn_error *err)
{
    pthread_once(&libs_once, init_libs);
    if (zip_missing[0])
        return vn_error_set(err, VN_ERR_IO,
                            "%s: reading a Word .docx needs libzip, which could not be loaded "
                            "(%s); install it (scripts/install-deps.sh), or convert the file "
                            "to text", name, zip_missing);
    zip_error_t zerr;
    zip.error_init(&zerr);
    zip_source_t *src = zip.source_buffer_create(bytes, n, 0, &zerr);
    zip_t *z = src ? zip.open_from_source(src, ZIP_RDONLY, &zerr) : NULL;
    if (!z) {
        vn_status st = src ? damaged(name, "the ZIP archive", zip.error_strerror(&zerr), err)
                           : vn_error_set(err, VN_ERR_NOMEM, "%s: out of memory", name);
        zip.source_free(src);
        zip.error_fini(&zerr);
        return st;
    }
    zip.error_fini(&zerr);
    vn_status st = VN_OK;
    vn_buf xml = VN_BUF_INIT;
    bool found = false;
    st = read_part(z, name, "word/document.xml", &xml, &found, err);
    if (st == VN_OK && found) {
        static const char *const notes[] = {"word/footnotes.xml", "word/endnotes.xml"};
        if (format)
            *format = VN_OFFICE_DOCX;
        st = walk_part(name, "word/document.xml", &xml, out, NULL, err);
        for (size_t p = 0; st == VN_OK && p < sizeof notes / sizeof notes[0]; p++) {
            xml.len = 0;
            st = read_part(z, name, notes[p], &xml, &found, err);
            if (st == VN_OK && found)
                st = walk_part(name, notes[p], &xml, out, NULL, err);
        }
    } else if (st == VN_OK) {
        /* OpenDocument text: its "mimetype" part says so */
        xml.len = 0;
        st = read_part(z, name, "mimetype", &xml, &found, err);
        bool odt = st == VN_OK && found && xml.len == strlen(ODT_MIMETYPE) &&
                   memcmp(xml.data, ODT_MIMETYPE, xml.len) == 0;
        xml.len = 0;
        if (odt)
            st = read_part(z, name, "content.xml", &xml, &found, err);
        if (st == VN_OK && (!odt || !found))
            st = vn_error_set(err, VN_ERR_BINARY,
                              "%s: looks like a ZIP archive but neither a Word .docx nor an "
                              "OpenDocument .odt text (a spreadsheet or a presentation?); "
                              "convert it to text first",
                              name);
        vn_buf notes = VN_BUF_INIT;
        if (st == VN_OK) {
            if (format)
                *format = VN_OFFICE_ODT;
            st = walk_part(name, "content.xml", &xml, out, &notes, err);
        }
        if (st == VN_OK && notes.len && vn_buf_append(out, notes.data, notes.len) != VN_OK)
            st = vn_error_set(err, VN_ERR_NOMEM, "%s: out of memory", name);
        vn_buf_free(&notes);
    }
    vn_buf_free(&xml);
    zip.discard(z);   /* also frees src */
    if (st == VN_OK && out->data == NULL && vn_buf_append(out, "", 0) != VN_OK)
        st = vn_error_set(err, VN_ERR_NOMEM, "%s: out of memory", name);
    return st;
}
