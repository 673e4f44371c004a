/*
 * xapian.cc — the one C++ file of vncite: the C API of xapian.h over
 * libxapian 1.4.
 *
 * Every extern "C" function below wraps its body in try { } catch (...) and
 * turns the exception into a vn_status with fail(): no C++ exception ever
 * leaves this file, and every message is COPIED into the caller's vn_error
 * (a pointer into a Xapian::Error that is about to be destroyed is the
 * classic bug of naive wrappers).  Callbacks into C (word mapping, filter
 * fields) run inside Xapian::QueryParser.  They never throw through it (its
 * parser leaks when a FieldProcessor throws): a failure is recorded in the
 * parser handle, the callback returns something harmless, and
 * vn_xparser_parse() reports the callback's own status and message once
 * Xapian is done.
 */
#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <map>
#include <memory>
#include <new>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

extern "C" {
#include "xapian.h"
}

/* ------------------------------------------------------------------------
 * Handles
 * ------------------------------------------------------------------------ */

struct vn_xdb {
    std::string path;
    std::unique_ptr<Xapian::Database> db;   // the handle; a WritableDatabase when writable
    // A read-only index of several local shards: each shard's own handle,
    // sharing its database with `db` (which is made of them), so both see
    // one revision.  Empty otherwise.  See search_shard_by_shard().
    std::vector<Xapian::Database> shards;
    std::vector<std::string> shard_paths;
    // Handles of their own for the threads of search_in_parallel(): helper
    // h's shards and the database made of them, opened on first use.
    struct helper {
        std::vector<Xapian::Database> shards;
        Xapian::Database combined;
    };
    std::vector<helper> helpers;
    Xapian::WritableDatabase *wdb = nullptr;
    unsigned batch_docs = VN_XDB_COMMIT_DOCS;
    size_t batch_postings = VN_XDB_COMMIT_POSTINGS;
    unsigned pending_docs = 0;
    size_t pending_postings = 0;
    unsigned long commits = 0;
};

struct vn_xdoc {
    Xapian::Document doc;
    unsigned docid = 0;
    unsigned termpos = 1;
    size_t postings = 0;
    // Copies of the data and values, what the getters hand out: filled when
    // a document is read back (so later getters cannot fail) and kept up to
    // date by the setters.
    std::string data;
    std::map<unsigned, std::string> values;
};

struct vn_xquery {
    Xapian::Query q;
    // A parsed query's terms as written: q without the phrase spellings
    // (vn_xparser_set_spell_fn), for vn_xquery_terms(); empty otherwise.
    Xapian::Query written;
};

/* Materialised list of (string, count): one NUL-separated arena. */
struct vn_xterms {
    std::string arena;
    std::vector<size_t> offsets;
    std::vector<unsigned long> counts;
    size_t pos = 0;

    void push(const std::string &s, unsigned long count)
    {
        offsets.push_back(arena.size());
        arena.append(s);
        arena.push_back('\0');
        counts.push_back(count);
    }
};

struct vn_xparser {
    Xapian::QueryParser qp;
    std::set<std::string> fields;
    std::vector<std::string> free_text_prefixes;   // of add_prefix()
    vn_xspell_fn spell_fn = nullptr;
    void *spell_ctx = nullptr;
    vn_error cb_error;   // the first callback failure of the current parse
};

struct vn_xmset_hit_row {
    Xapian::docid docid;
    double weight;
    int percent;
};

struct vn_xmset {
    explicit vn_xmset(const Xapian::Database &d) : db(d), enquire(d) {}

    Xapian::Database db;
    // Declared before the Enquire that points at them, so they outlive it.
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
    std::vector<unsigned> spy_slots;
    Xapian::Enquire enquire;
    size_t offset = 0;
    std::vector<vn_xmset_hit_row> hits;     // the page, best first
    unsigned long estimated = 0, lower = 0, upper = 0;
    std::vector<std::string> data;
    std::vector<std::map<unsigned, std::string>> values;
};

/* ------------------------------------------------------------------------
 * Errors
 * ------------------------------------------------------------------------ */

static std::string xapian_message(const Xapian::Error &e)
{
    std::string msg = e.get_msg();
    if (msg.empty())
        msg = e.get_description();
    const char *ctx = e.get_error_string();
    if (ctx && *ctx) {
        msg += " (";
        msg += ctx;
        msg += ")";
    }
    return msg;
}

/*
 * Called inside a catch (...) block: rethrows the current exception to
 * classify it and fills err.  `what` names the object (a database path,
 * "query") and starts the message.
 */
static vn_status fail(vn_error *err, const char *what) noexcept
{
    try {
        throw;
    } catch (const Xapian::DatabaseLockError &) {
        return vn_error_set(err, VN_ERR_LOCKED,
                            "%s: database is being indexed by another process", what);
    } catch (const Xapian::DatabaseNotFoundError &e) {
        return vn_error_set(err, VN_ERR_NOTFOUND, "%s: no index here (%s)", what,
                            xapian_message(e).c_str());
    } catch (const Xapian::DatabaseVersionError &e) {
        return vn_error_set(err, VN_ERR_INDEX,
                            "%s: index written in a format this Xapian cannot read (%s)",
                            what, xapian_message(e).c_str());
    } catch (const Xapian::DatabaseCreateError &e) {
        return vn_error_set(err, VN_ERR_IO, "%s: cannot create the index (%s)", what,
                            xapian_message(e).c_str());
    } catch (const Xapian::DatabaseOpeningError &e) {
        // after its subclasses above: a path that is there but is no index
        // (a text file given as --db reads as a stub with a "Bad line")
        return vn_error_set(err, VN_ERR_INDEX,
                            "%s: not a vncite index (%s); give --db the folder 'vncite index' "
                            "made", what, xapian_message(e).c_str());
    } catch (const Xapian::DocNotFoundError &e) {
        return vn_error_set(err, VN_ERR_NOTFOUND, "%s: %s", what,
                            xapian_message(e).c_str());
    } catch (const Xapian::QueryParserError &e) {
        return vn_error_set(err, VN_ERR_PARSE, "%s: %s", what, xapian_message(e).c_str());
    } catch (const Xapian::UnimplementedError &e) {
        // Only queries reach this: e.g. a SYNONYM inside a PHRASE.
        return vn_error_set(err, VN_ERR_PARSE, "%s: %s", what, xapian_message(e).c_str());
    } catch (const Xapian::WildcardError &e) {
        return vn_error_set(err, VN_ERR_PARSE, "%s: %s", what, xapian_message(e).c_str());
    } catch (const Xapian::Error &e) {
        return vn_error_set(err, VN_ERR_INDEX, "%s: %s: %s", what, e.get_type(),
                            xapian_message(e).c_str());
    } catch (const std::bad_alloc &) {
        return vn_error_set(err, VN_ERR_NOMEM, "%s: out of memory", what);
    } catch (const std::exception &e) {
        return vn_error_set(err, VN_ERR_INDEX, "%s: %s", what, e.what());
    } catch (...) {
        return vn_error_set(err, VN_ERR_INDEX, "%s: unexpected C++ exception", what);
    }
}

static const char *db_name(const vn_xdb *db)
{
    return db->path.c_str();
}

/*
 * Runs `body` on a read path; when a writer has meanwhile recycled the
 * revision being read (DatabaseModifiedError), reopens and tries again.
 */
template <typename F>
static void with_reopen(Xapian::Database &db, F body)
{
    for (int attempt = 0;; ++attempt) {
        try {
            body();
            return;
        } catch (const Xapian::DatabaseModifiedError &) {
            if (attempt == 3)
                throw;
            db.reopen();
        }
    }
}

/* Cuts a term to VN_XTERM_MAX bytes without splitting a UTF-8 character. */
static std::string clip_term(const char *term, size_t len)
{
    if (len > VN_XTERM_MAX) {
        len = VN_XTERM_MAX;
        while (len > 0 && (static_cast<unsigned char>(term[len]) & 0xC0) == 0x80)
            --len;
    }
    return std::string(term, len);
}

static vn_status need_writable(vn_xdb *db, vn_error *err)
{
    if (!db->wdb)
        return vn_error_set(err, VN_ERR_USAGE, "%s: opened read-only", db_name(db));
    return VN_OK;
}

static void commit_now(vn_xdb *db)
{
    db->wdb->commit();
    db->pending_docs = 0;
    db->pending_postings = 0;
    ++db->commits;
}

static void maybe_commit(vn_xdb *db)
{
    if (db->pending_docs >= db->batch_docs || db->pending_postings >= db->batch_postings)
        commit_now(db);
}

/* ------------------------------------------------------------------------
 * Databases
 * ------------------------------------------------------------------------ */

template <class F>
static bool each_local_shard(const std::string &path, int depth, F &&leaf);

extern "C" vn_status vn_xdb_open_writable(const char *path, vn_xdb **out, vn_error *err)
{
    *out = nullptr;
    try {
        std::unique_ptr<vn_xdb> db(new vn_xdb);
        db->path = path;
        auto *w = new Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
        db->db.reset(w);
        db->wdb = w;
        *out = db.release();
        return VN_OK;
    } catch (...) {
        return fail(err, path);
    }
}

extern "C" vn_status vn_xdb_open(const char *path, vn_xdb **out, vn_error *err)
{
    *out = nullptr;
    try {
        std::unique_ptr<vn_xdb> db(new vn_xdb);
        db->path = path;
        std::vector<std::string> local;
        if (each_local_shard(path, 0, [&](const std::string &shard) { local.push_back(shard); }) &&
            local.size() > 1) {
            /* the same database Xapian makes of the stub, from handles kept */
            db->db.reset(new Xapian::Database());
            for (const std::string &shard : local) {
                db->shards.emplace_back(shard);
                db->db->add_database(db->shards.back());
            }
            db->shard_paths = local;
        } else {
            db->db.reset(new Xapian::Database(path));
        }
        *out = db.release();
        return VN_OK;
    } catch (...) {
        return fail(err, path);
    }
}

extern "C" vn_status vn_xdb_add_shard(vn_xdb *db, const char *path, vn_error *err)
{
    if (db->wdb)
        return vn_error_set(err, VN_ERR_USAGE,
                            "%s: cannot add shard %s to a database opened for writing",
                            db_name(db), path);
    try {
        db->db->add_database(Xapian::Database(path));
        db->shards.clear();   /* the shard handles no longer make up db */
        db->shard_paths.clear();
        db->helpers.clear();
        db->path += "+";
        db->path += path;
        return VN_OK;
    } catch (...) {
        return fail(err, path);
    }
}

extern "C" vn_status vn_xdb_close(vn_xdb *db, vn_error *err)
{
    if (!db)
        return VN_OK;
    vn_status st = VN_OK;
    try {
        if (db->wdb)
            commit_now(db);
        db->db->close();
    } catch (...) {
        st = fail(err, db_name(db));
    }
    delete db;
    return st;
}

extern "C" bool vn_xdb_is_writable(const vn_xdb *db)
{
    return db->wdb != nullptr;
}

extern "C" const char *vn_xdb_path(const vn_xdb *db)
{
    return db->path.c_str();
}

extern "C" vn_status vn_xdb_reopen(vn_xdb *db, vn_error *err)
{
    try {
        db->db->reopen();
        return VN_OK;
    } catch (...) {
        return fail(err, db_name(db));
    }
}

extern "C" vn_status vn_xdb_commit(vn_xdb *db, vn_error *err)
{
    vn_status st = need_writable(db, err);
    if (st != VN_OK)
        return st;
    try {
        commit_now(db);
        return VN_OK;
    } catch (...) {
        return fail(err, db_name(db));
    }
}

extern "C" void vn_xdb_set_batch(vn_xdb *db, unsigned docs, size_t postings)
{
    if (docs)
        db->batch_docs = docs;
    if (postings)
        db->batch_postings = postings;
}

extern "C" unsigned long vn_xdb_commit_count(const vn_xdb *db)
{
    return db->commits;
}

extern "C" vn_status vn_xdb_replace(vn_xdb *db, const char *unique_term, vn_xdoc *doc,
                                    unsigned *docid, vn_error *err)
{
    vn_status st = need_writable(db, err);
    if (st != VN_OK)
        return st;
    try {
        Xapian::docid id = db->wdb->replace_document(clip_term(unique_term, strlen(unique_term)),
                                                     doc->doc);
        if (docid)
            *docid = id;
        db->pending_docs++;
        db->pending_postings += doc->postings;
        maybe_commit(db);
        return VN_OK;
    } catch (...) {
        return fail(err, db_name(db));
    }
}

extern "C" vn_status vn_xdb_delete(vn_xdb *db, const char *term, vn_error *err)
{
    vn_status st = need_writable(db, err);
    if (st != VN_OK)
        return st;
    try {
        db->wdb->delete_document(clip_term(term, strlen(term)));
        db->pending_docs++;
        maybe_commit(db);
        return VN_OK;
    } catch (...) {
        return fail(err, db_name(db));
    }
}

extern "C" vn_status vn_xdb_doc_count(vn_xdb *db, unsigned long *out, vn_error *err)
{
    *out = 0;
    try {
        with_reopen(*db->db, [&] { *out = db->db->get_doccount(); });
        return VN_OK;
    } catch (...) {
        return fail(err, db_name(db));
    }
}

extern "C" vn_status vn_xdb_termfreq(vn_xdb *db, const char *term, unsigned long *out,
                                     vn_error *err)
{
    *out = 0;
    try {
        std::string t = clip_term(term, strlen(term));
        with_reopen(*db->db, [&] { *out = db->db->get_termfreq(t); });
        return VN_OK;
    } catch (...) {
        return fail(err, db_name(db));
    }
}

/* Fetches data and all values of document `id` into a new read-back handle. */
static vn_xdoc *load_document(Xapian::Database &db, Xapian::docid id)
{
    std::unique_ptr<vn_xdoc> d(new vn_xdoc);
    d->doc = db.get_document(id);
    d->docid = id;
    d->data = d->doc.get_data();
    for (auto v = d->doc.values_begin(); v != d->doc.values_end(); ++v)
        d->values[v.get_valueno()] = *v;
    return d.release();
}

extern "C" vn_status vn_xdb_find(vn_xdb *db, const char *unique_term, vn_xdoc **out,
                                 vn_error *err)
{
    *out = nullptr;
    try {
        std::string t = clip_term(unique_term, strlen(unique_term));
        std::unique_ptr<vn_xdoc> found;
        with_reopen(*db->db, [&] {
            found.reset();
            Xapian::PostingIterator p = db->db->postlist_begin(t);
            if (p != db->db->postlist_end(t))
                found.reset(load_document(*db->db, *p));
        });
        if (!found)
            return vn_error_set(err, VN_ERR_NOTFOUND, "%s: no document indexed by %s",
                                db_name(db), unique_term);
        *out = found.release();
        return VN_OK;
    } catch (...) {
        return fail(err, db_name(db));
    }
}

extern "C" vn_status vn_xdb_get(vn_xdb *db, unsigned docid, vn_xdoc **out, vn_error *err)
{
    *out = nullptr;
    if (docid == 0)
        return vn_error_set(err, VN_ERR_NOTFOUND, "%s: no document 0", db_name(db));
    try {
        std::unique_ptr<vn_xdoc> found;
        with_reopen(*db->db, [&] { found.reset(load_document(*db->db, docid)); });
        *out = found.release();
        return VN_OK;
    } catch (const Xapian::DocNotFoundError &) {
        return vn_error_set(err, VN_ERR_NOTFOUND, "%s: no document %u", db_name(db), docid);
    } catch (...) {
        return fail(err, db_name(db));
    }
}

extern "C" vn_status vn_xdb_terms(vn_xdb *db, const char *prefix, vn_xterms **out,
                                  vn_error *err)
{
    *out = nullptr;
    try {
        std::unique_ptr<vn_xterms> it(new vn_xterms);
        std::string pfx(prefix);
        with_reopen(*db->db, [&] {
            *it = vn_xterms();
            for (auto t = db->db->allterms_begin(pfx); t != db->db->allterms_end(pfx); ++t)
                it->push((*t).substr(pfx.size()), t.get_termfreq());
        });
        *out = it.release();
        return VN_OK;
    } catch (...) {
        return fail(err, db_name(db));
    }
}

extern "C" vn_status vn_xdb_get_metadata(vn_xdb *db, const char *key, char **out,
                                         vn_error *err)
{
    *out = nullptr;
    try {
        std::string v;
        with_reopen(*db->db, [&] { v = db->db->get_metadata(key); });
        char *copy = static_cast<char *>(malloc(v.size() + 1));
        if (!copy)
            return vn_error_set(err, VN_ERR_NOMEM, "%s: out of memory", db_name(db));
        memcpy(copy, v.data(), v.size());
        copy[v.size()] = '\0';
        *out = copy;
        return VN_OK;
    } catch (...) {
        return fail(err, db_name(db));
    }
}

extern "C" vn_status vn_xdb_set_metadata(vn_xdb *db, const char *key, const char *value,
                                         vn_error *err)
{
    vn_status st = need_writable(db, err);
    if (st != VN_OK)
        return st;
    try {
        db->wdb->set_metadata(key, value);
        return VN_OK;
    } catch (...) {
        return fail(err, db_name(db));
    }
}

extern "C" vn_status vn_xdb_compact(const char *const *sources, size_t n, const char *dest,
                                    vn_error *err)
{
    if (n == 0)
        return vn_error_set(err, VN_ERR_USAGE, "%s: nothing to compact", dest);
    try {
        Xapian::Database all;
        for (size_t i = 0; i < n; ++i)
            all.add_database(Xapian::Database(sources[i]));
        all.compact(dest, Xapian::DBCOMPACT_MULTIPASS);
        return VN_OK;
    } catch (...) {
        return fail(err, dest);
    }
}

/* True if a stub line already names its backend ("auto DIR", "remote …"). */
static bool has_backend_word(const char *line)
{
    static const char *const words[] = {"auto ", "glass ", "chert ", "remote ",
                                        "inmemory"};
    for (const char *w : words)
        if (strncmp(line, w, strlen(w)) == 0)
            return true;
    return false;
}

/* The directory a stub's relative shard paths are relative to. */
static std::string dir_of(const std::string &file)
{
    size_t slash = file.rfind('/');
    return slash == std::string::npos ? std::string(".") : file.substr(0, slash);
}

/*
 * Calls leaf(path) for every local database the index at path is made of,
 * in Xapian's order; false when one is not local (remote, inmemory …), when
 * a stub cannot be read or names nothing.  Stubs may name stubs, a few deep.
 */
template <class F>
static bool each_local_shard(const std::string &path, int depth, F &&leaf)
{
    struct stat sb;
    if (depth > 8 || stat(path.c_str(), &sb) != 0)
        return false;
    std::string stub = path;
    if (S_ISDIR(sb.st_mode)) {
        stub = path + "/XAPIANDB";
        if (stat(stub.c_str(), &sb) != 0) {   /* one glass or chert database */
            leaf(path);
            return true;
        }
    }
    FILE *f = fopen(stub.c_str(), "r");
    if (!f)
        return false;
    bool ok = true, any = false;
    char line[4096];
    try {
        while (ok && fgets(line, sizeof line, f)) {
            std::string l(line);
            while (!l.empty() && (l.back() == '\n' || l.back() == '\r' || l.back() == ' '))
                l.pop_back();
            if (l.empty() || l[0] == '#')
                continue;
            size_t space = l.find(' ');
            std::string word = l.substr(0, space);
            if (space == std::string::npos || (word != "auto" && word != "glass" && word != "chert")) {
                ok = false;   /* remote, inmemory, or nothing Xapian would read */
                break;
            }
            std::string shard = l.substr(space + 1);
            if (shard.empty() || shard[0] != '/')
                shard = dir_of(stub) + "/" + shard;
            ok = each_local_shard(shard, depth + 1, leaf);
            any = true;
        }
    } catch (...) {
        fclose(f);
        throw;
    }
    fclose(f);
    return ok && any;
}

/* Appends the state of the database at path (see vn_xdb_state); false when
 * a shard's state cannot be known. */
static bool append_state(const std::string &path, std::string &out)
{
    return each_local_shard(path, 0, [&](const std::string &shard) {
        Xapian::Database db(shard);
        out += db.get_uuid() + ":" + std::to_string(db.get_revision()) + "\n";
    });
}

extern "C" vn_status vn_xdb_state(const char *path, char **out, vn_error *err)
{
    *out = nullptr;
    try {
        std::string state;
        if (!append_state(path, state))
            return vn_error_set(err, VN_ERR_NOTFOUND,
                                "%s: not every shard is a local database", path);
        *out = strdup(state.c_str());
        return *out ? VN_OK : vn_error_set(err, VN_ERR_NOMEM, "out of memory");
    } catch (...) {
        return fail(err, path);
    }
}

extern "C" vn_status vn_xdb_write_stub(const char *stub_path, const char *const *shards,
                                       size_t n, vn_error *err)
{
    try {
        std::string text;
        for (size_t i = 0; i < n; ++i) {
            if (strchr(shards[i], '\n'))
                return vn_error_set(err, VN_ERR_USAGE, "%s: shard name contains a newline",
                                    stub_path);
            if (!has_backend_word(shards[i]))
                text += "auto ";
            text += shards[i];
            text += '\n';
        }
        std::string tmp = std::string(stub_path) + ".tmp";
        FILE *f = fopen(tmp.c_str(), "w");
        if (!f)
            return vn_error_set(err, VN_ERR_IO, "%s: %s", tmp.c_str(), strerror(errno));
        bool ok = fwrite(text.data(), 1, text.size(), f) == text.size() && fflush(f) == 0 &&
                  fsync(fileno(f)) == 0;
        int saved = errno;
        if (fclose(f) != 0 && ok) {
            ok = false;
            saved = errno;
        }
        if (ok && rename(tmp.c_str(), stub_path) != 0) {
            ok = false;
            saved = errno;
        }
        if (!ok) {
            unlink(tmp.c_str());
            return vn_error_set(err, VN_ERR_IO, "%s: %s", stub_path, strerror(saved));
        }
        return VN_OK;
    } catch (...) {
        return fail(err, stub_path);
    }
}

/* ------------------------------------------------------------------------
 * Documents
 * ------------------------------------------------------------------------ */

extern "C" vn_status vn_xdoc_new(vn_xdoc **out, vn_error *err)
{
    *out = nullptr;
    try {
        *out = new vn_xdoc;
        return VN_OK;
    } catch (...) {
        return fail(err, "document");
    }
}

extern "C" void vn_xdoc_destroy(vn_xdoc *doc)
{
    delete doc;
}

extern "C" vn_status vn_xdoc_add_posting(vn_xdoc *doc, const char *term, size_t len,
                                         unsigned pos, vn_error *err)
{
    try {
        doc->doc.add_posting(clip_term(term, len), pos);
        doc->postings++;
        return VN_OK;
    } catch (...) {
        return fail(err, "document");
    }
}

extern "C" vn_status vn_xdoc_add_term(vn_xdoc *doc, const char *term, size_t len,
                                      vn_error *err)
{
    try {
        doc->doc.add_term(clip_term(term, len));
        doc->postings++;
        return VN_OK;
    } catch (...) {
        return fail(err, "document");
    }
}

extern "C" vn_status vn_xdoc_add_boolean(vn_xdoc *doc, const char *term, size_t len,
                                         vn_error *err)
{
    try {
        doc->doc.add_boolean_term(clip_term(term, len));
        doc->postings++;
        return VN_OK;
    } catch (...) {
        return fail(err, "document");
    }
}

extern "C" vn_status vn_xdoc_set_value(vn_xdoc *doc, unsigned slot, const char *value,
                                       size_t len, vn_error *err)
{
    try {
        std::string v(value, len);
        doc->doc.add_value(slot, v);
        doc->values[slot] = std::move(v);
        return VN_OK;
    } catch (...) {
        return fail(err, "document");
    }
}

extern "C" vn_status vn_xdoc_set_data(vn_xdoc *doc, const char *data, size_t len,
                                      vn_error *err)
{
    try {
        doc->data.assign(data, len);
        doc->doc.set_data(doc->data);
        return VN_OK;
    } catch (...) {
        return fail(err, "document");
    }
}

extern "C" unsigned vn_xdoc_termpos(const vn_xdoc *doc)
{
    return doc->termpos;
}

extern "C" void vn_xdoc_set_termpos(vn_xdoc *doc, unsigned pos)
{
    doc->termpos = pos;
}

extern "C" size_t vn_xdoc_posting_count(const vn_xdoc *doc)
{
    return doc->postings;
}

extern "C" unsigned vn_xdoc_docid(const vn_xdoc *doc)
{
    return doc->docid;
}

extern "C" const char *vn_xdoc_value(const vn_xdoc *doc, unsigned slot, size_t *len)
{
    auto v = doc->values.find(slot);
    if (v == doc->values.end()) {
        if (len)
            *len = 0;
        return "";
    }
    if (len)
        *len = v->second.size();
    return v->second.c_str();
}

extern "C" const char *vn_xdoc_data(const vn_xdoc *doc, size_t *len)
{
    if (len)
        *len = doc->data.size();
    return doc->data.c_str();
}

extern "C" vn_status vn_xdoc_terms(vn_xdoc *doc, const char *prefix, vn_xterms **out,
                                   vn_error *err)
{
    *out = nullptr;
    try {
        std::unique_ptr<vn_xterms> it(new vn_xterms);
        std::string pfx(prefix);
        Xapian::TermIterator t = doc->doc.termlist_begin();
        t.skip_to(pfx);
        for (; t != doc->doc.termlist_end(); ++t) {
            std::string term = *t;
            if (term.compare(0, pfx.size(), pfx) != 0)
                break;
            it->push(term.substr(pfx.size()), t.get_wdf());
        }
        *out = it.release();
        return VN_OK;
    } catch (...) {
        return fail(err, "document");
    }
}

/* ------------------------------------------------------------------------
 * Queries
 * ------------------------------------------------------------------------ */

static vn_status new_query(Xapian::Query q, vn_xquery **out)
{
    *out = new vn_xquery{std::move(q), Xapian::Query()};
    return VN_OK;
}

extern "C" vn_status vn_xquery_term(const char *term, size_t len, unsigned pos,
                                    vn_xquery **out, vn_error *err)
{
    *out = nullptr;
    try {
        return new_query(Xapian::Query(clip_term(term, len), 1, pos), out);
    } catch (...) {
        return fail(err, "query");
    }
}

static bool xapian_op(vn_xop op, Xapian::Query::op *x)
{
    switch (op) {
    case VN_XOP_AND: *x = Xapian::Query::OP_AND; return true;
    case VN_XOP_OR: *x = Xapian::Query::OP_OR; return true;
    case VN_XOP_AND_NOT: *x = Xapian::Query::OP_AND_NOT; return true;
    case VN_XOP_XOR: *x = Xapian::Query::OP_XOR; return true;
    case VN_XOP_AND_MAYBE: *x = Xapian::Query::OP_AND_MAYBE; return true;
    case VN_XOP_FILTER: *x = Xapian::Query::OP_FILTER; return true;
    case VN_XOP_SYNONYM: *x = Xapian::Query::OP_SYNONYM; return true;
    case VN_XOP_PHRASE: *x = Xapian::Query::OP_PHRASE; return true;
    case VN_XOP_NEAR: *x = Xapian::Query::OP_NEAR; return true;
    }
    return false;
}

extern "C" vn_status vn_xquery_combine(vn_xop op, vn_xquery *const *subs, size_t n,
                                       unsigned window, vn_xquery **out, vn_error *err)
{
    *out = nullptr;
    Xapian::Query::op xop;
    if (!xapian_op(op, &xop))
        return vn_error_set(err, VN_ERR_USAGE, "query: unknown operator %d", (int)op);
    try {
        std::vector<Xapian::Query> v;
        v.reserve(n);
        for (size_t i = 0; i < n; ++i)
            v.push_back(subs[i]->q);
        return new_query(Xapian::Query(xop, v.begin(), v.end(), window), out);
    } catch (...) {
        return fail(err, "query");
    }
}

extern "C" vn_status vn_xquery_wildcard(const char *prefix, vn_xquery **out, vn_error *err)
{
    *out = nullptr;
    try {
        return new_query(Xapian::Query(Xapian::Query::OP_WILDCARD, prefix,
                                       VN_XQUERY_WILDCARD_MAX,
                                       Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT),
                         out);
    } catch (...) {
        return fail(err, "query");
    }
}

extern "C" vn_status vn_xquery_value_range(unsigned slot, const char *lo, const char *hi,
                                           vn_xquery **out, vn_error *err)
{
    *out = nullptr;
    try {
        if (lo && hi)
            return new_query(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lo, hi), out);
        if (lo)
            return new_query(Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, lo), out);
        if (hi)
            return new_query(Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, hi), out);
        return new_query(Xapian::Query::MatchAll, out);
    } catch (...) {
        return fail(err, "query");
    }
}

extern "C" vn_status vn_xquery_all(vn_xquery **out, vn_error *err)
{
    *out = nullptr;
    try {
        return new_query(Xapian::Query::MatchAll, out);
    } catch (...) {
        return fail(err, "query");
    }
}

extern "C" vn_status vn_xquery_none(vn_xquery **out, vn_error *err)
{
    *out = nullptr;
    try {
        return new_query(Xapian::Query::MatchNothing, out);
    } catch (...) {
        return fail(err, "query");
    }
}

extern "C" vn_status vn_xquery_scale(const vn_xquery *q, double factor, vn_xquery **out,
                                     vn_error *err)
{
    *out = nullptr;
    try {
        return new_query(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q->q, factor), out);
    } catch (...) {
        return fail(err, "query");
    }
}

extern "C" bool vn_xquery_is_empty(const vn_xquery *q)
{
    return q->q.empty();
}

extern "C" vn_status vn_xquery_terms(const vn_xquery *q, vn_xterms **out, vn_error *err)
{
    *out = nullptr;
    try {
        std::unique_ptr<vn_xterms> it(new vn_xterms);
        std::set<std::string> seen;
        const Xapian::Query &terms = q->written.empty() ? q->q : q->written;
        for (auto t = terms.get_terms_begin(); t != terms.get_terms_end(); ++t)
            if (seen.insert(*t).second)
                it->push(*t, 0);
        *out = it.release();
        return VN_OK;
    } catch (...) {
        return fail(err, "query");
    }
}

extern "C" char *vn_xquery_describe(const vn_xquery *q)
{
    try {
        std::string d = q->q.get_description();
        char *s = static_cast<char *>(malloc(d.size() + 1));
        if (s)
            memcpy(s, d.c_str(), d.size() + 1);
        return s;
    } catch (...) {
        return nullptr;
    }
}

extern "C" void vn_xquery_destroy(vn_xquery *q)
{
    delete q;
}

/* ------------------------------------------------------------------------
 * Query parser
 * ------------------------------------------------------------------------ */

/* Records the first callback failure of a parse in the parser. */
static void callback_failed(vn_xparser *p, vn_status st, const vn_error *e, const char *what)
{
    if (p->cb_error.code != VN_OK)
        return;
    if (e->code == st && e->msg[0])
        p->cb_error = *e;
    else
        vn_error_set(&p->cb_error, st, "%s: %s", what, vn_status_name(st));
}

/* The word -> term hook, plugged in as a "stemmer" applied to every word
 * (STEM_ALL), phrase words included. */
class WordMapper : public Xapian::StemImplementation {
  public:
    WordMapper(vn_xparser *p, vn_xword_fn fn, void *ctx) : p_(p), fn_(fn), ctx_(ctx) {}

    std::string operator()(const std::string &word) override
    {
        vn_buf b = VN_BUF_INIT;
        vn_error e;
        vn_error_clear(&e);
        vn_status st = fn_(ctx_, word.data(), word.size(), &b, &e);
        if (st != VN_OK)
            callback_failed(p_, st, &e, word.c_str());
        std::string term = st == VN_OK && b.len ? std::string(b.data, b.len) : word;
        vn_buf_free(&b);
        return term;
    }

    std::string get_description() const override { return "vncite word mapper"; }

  private:
    vn_xparser *p_;
    vn_xword_fn fn_;
    void *ctx_;
};

class FilterField : public Xapian::FieldProcessor {
  public:
    FilterField(vn_xparser *p, std::string field, vn_xfield_fn fn, void *ctx)
        : p_(p), field_(std::move(field)), fn_(fn), ctx_(ctx) {}

    Xapian::Query operator()(const std::string &value) override
    {
        vn_xquery *q = nullptr;
        vn_error e;
        vn_error_clear(&e);
        vn_status st = fn_(ctx_, value.data(), value.size(), &q, &e);
        if (st != VN_OK) {
            vn_xquery_destroy(q);
            callback_failed(p_, st, &e, field_.c_str());
            return Xapian::Query::MatchNothing;
        }
        if (!q)
            return Xapian::Query::MatchNothing;
        Xapian::Query result = q->q;
        vn_xquery_destroy(q);
        return result;
    }

  private:
    vn_xparser *p_;
    std::string field_;
    vn_xfield_fn fn_;
    void *ctx_;
};

/* ---- phrase spellings (vn_xparser_set_spell_fn) ------------------------------ */

/* The window Xapian gave a PHRASE or NEAR.  Query has no accessor for it,
 * but its description writes it after the first subquery, "Query((a@1
 * PHRASE 3 b@2 PHRASE 3 c@3))"; a description of any other shape is an
 * error rather than a guess (tests/unit/test_xapian.c checks the shape). */
static Xapian::termcount window_of(const Xapian::Query &q)
{
    const char *name = q.get_type() == Xapian::Query::OP_PHRASE ? " PHRASE " : " NEAR ";
    const std::string d = q.get_description();
    const std::string first = q.get_subquery(0).get_description();
    const std::string head = "Query((" + first.substr(6, first.size() - 7) + name;
    if (first.compare(0, 6, "Query(") != 0 || d.compare(0, head.size(), head) != 0)
        throw Xapian::InvalidOperationError("phrase spellings: cannot read the window of " + d);
    Xapian::termcount window = 0;
    size_t at = head.size();
    for (; at < d.size() && d[at] >= '0' && d[at] <= '9'; ++at)
        window = window * 10 + static_cast<Xapian::termcount>(d[at] - '0');
    if (at == head.size() || at >= d.size() || (d[at] != ' ' && d[at] != ')'))
        throw Xapian::InvalidOperationError("phrase spellings: cannot read the window of " + d);
    return window;
}

/* One term of a phrase: the OR of its spellings, or itself. */
static Xapian::Query spell_word(vn_xparser *p, const Xapian::Query &word, bool *changed)
{
    if (word.get_type() != Xapian::Query::LEAF_TERM)
        return word;
    const std::string term = *word.get_terms_begin();
    std::string prefix;
    for (const std::string &f : p->free_text_prefixes)
        if (f.size() > prefix.size() && term.compare(0, f.size(), f) == 0)
            prefix = f;
    vn_buf out = VN_BUF_INIT;
    size_t count = 0;
    vn_error e;
    vn_error_clear(&e);
    vn_status st = p->spell_fn(p->spell_ctx, term.data() + prefix.size(),
                               term.size() - prefix.size(), &out, &count, &e);
    if (st != VN_OK) {
        vn_buf_free(&out);
        callback_failed(p, st, &e, term.c_str());
        return word;
    }
    std::vector<Xapian::Query> spellings;
    spellings.reserve(count);
    for (size_t at = 0, i = 0; i < count; ++i) {
        const char *s = out.data + at;
        size_t n = strlen(s);
        // wqf 0: the spellings only test positions, the word's own term weighs
        spellings.emplace_back(prefix + std::string(s, n), 0);
        at += n + 1;
    }
    vn_buf_free(&out);
    if (spellings.empty())
        return word;
    *changed = true;
    return Xapian::Query(Xapian::Query::OP_OR, spellings.begin(), spellings.end());
}

/* q with every PHRASE/NEAR whose words have spellings rewritten (see
 * vn_xparser_set_spell_fn); *changed tells whether anything was. */
static Xapian::Query spell_phrases(vn_xparser *p, const Xapian::Query &q, bool *changed)
{
    *changed = false;
    const Xapian::Query::op op = q.get_type();
    const size_t n = q.get_num_subqueries();
    if (n == 0)
        return q;
    std::vector<Xapian::Query> subs;
    subs.reserve(n);
    if (op == Xapian::Query::OP_PHRASE || op == Xapian::Query::OP_NEAR) {
        std::vector<Xapian::Query> words;
        words.reserve(n);
        for (size_t i = 0; i < n; ++i) {
            words.push_back(q.get_subquery(i));
            subs.push_back(spell_word(p, words.back(), changed));
        }
        if (!*changed)
            return q;
        return Xapian::Query(Xapian::Query::OP_FILTER,
                             Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()),
                             Xapian::Query(op, subs.begin(), subs.end(), window_of(q)));
    }
    for (size_t i = 0; i < n; ++i) {
        bool sub_changed;
        subs.push_back(spell_phrases(p, q.get_subquery(i), &sub_changed));
        *changed = *changed || sub_changed;
    }
    if (!*changed)
        return q;
    switch (op) {
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
        return Xapian::Query(op, subs.begin(), subs.end());
    default:
        // an operator with a parameter we cannot read back; the parser
        // puts no phrase under one
        throw Xapian::InvalidOperationError("phrase spellings: cannot rebuild " +
                                            q.get_description());
    }
}

extern "C" vn_status vn_xparser_new(vn_xparser **out, vn_error *err)
{
    *out = nullptr;
    try {
        std::unique_ptr<vn_xparser> p(new vn_xparser);
        vn_error_clear(&p->cb_error);
        p->qp.set_default_op(Xapian::Query::OP_AND);
        p->qp.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
        p->qp.set_max_expansion(VN_XQUERY_WILDCARD_MAX,
                                Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                                Xapian::QueryParser::FLAG_WILDCARD);
        *out = p.release();
        return VN_OK;
    } catch (...) {
        return fail(err, "query parser");
    }
}

extern "C" void vn_xparser_destroy(vn_xparser *p)
{
    delete p;
}

extern "C" vn_status vn_xparser_set_word_fn(vn_xparser *p, vn_xword_fn fn, void *ctx,
                                            vn_error *err)
{
    try {
        if (fn) {
            p->qp.set_stemmer(Xapian::Stem(new WordMapper(p, fn, ctx)));
            p->qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
        } else {
            p->qp.set_stemmer(Xapian::Stem());
            p->qp.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
        }
        return VN_OK;
    } catch (...) {
        return fail(err, "query parser");
    }
}

extern "C" vn_status vn_xparser_set_spell_fn(vn_xparser *p, vn_xspell_fn fn, void *ctx,
                                            vn_error *err)
{
    (void)err;
    p->spell_fn = fn;
    p->spell_ctx = ctx;
    return VN_OK;
}

extern "C" vn_status vn_xparser_add_prefix(vn_xparser *p, const char *field,
                                           const char *prefix, vn_error *err)
{
    try {
        if (!p->fields.insert(field).second)
            return vn_error_set(err, VN_ERR_USAGE, "query parser: field %s registered twice",
                                field);
        p->qp.add_prefix(field, prefix);
        p->free_text_prefixes.push_back(prefix);
        return VN_OK;
    } catch (...) {
        return fail(err, "query parser");
    }
}

extern "C" vn_status vn_xparser_add_filter(vn_xparser *p, const char *field,
                                           vn_xfield_fn fn, void *ctx, vn_error *err)
{
    if (!fn)
        return vn_error_set(err, VN_ERR_USAGE, "query parser: field %s has no parse function",
                            field);
    try {
        if (!p->fields.insert(field).second)
            return vn_error_set(err, VN_ERR_USAGE, "query parser: field %s registered twice",
                                field);
        p->qp.add_boolean_prefix(field, (new FilterField(p, field, fn, ctx))->release());
        return VN_OK;
    } catch (...) {
        return fail(err, "query parser");
    }
}

extern "C" vn_status vn_xparser_parse(vn_xparser *p, const char *query, vn_xquery **out,
                                      vn_error *err)
{
    *out = nullptr;
    vn_error_clear(&p->cb_error);
    try {
        const unsigned flags = Xapian::QueryParser::FLAG_PHRASE |
                               Xapian::QueryParser::FLAG_BOOLEAN |
                               Xapian::QueryParser::FLAG_LOVEHATE |
                               Xapian::QueryParser::FLAG_WILDCARD |
                               Xapian::QueryParser::FLAG_PURE_NOT;
        Xapian::Query q = p->qp.parse_query(query, flags);
        Xapian::Query written;
        if (p->spell_fn && p->cb_error.code == VN_OK) {
            bool changed;
            Xapian::Query spelled = spell_phrases(p, q, &changed);
            if (changed) {
                written = q;
                q = spelled;
            }
        }
        if (p->cb_error.code != VN_OK) {
            if (err)
                *err = p->cb_error;
            return p->cb_error.code;
        }
        *out = new vn_xquery{std::move(q), std::move(written)};
        return VN_OK;
    } catch (const Xapian::QueryParserError &e) {
        return vn_error_set(err, VN_ERR_PARSE, "query '%s': %s", query,
                            xapian_message(e).c_str());
    } catch (...) {
        return fail(err, "query");
    }
}

/* ------------------------------------------------------------------------
 * Searching
 * ------------------------------------------------------------------------ */

/* Every match weighs 0, so the page is the matches with the lowest docids:
 * a query of filters only ("0 * …", what the QueryParser makes of
 * `cites:` and the other fields alone), or docid order. */
static bool weightless(const Xapian::Query &q, const vn_xsearch_opts *o)
{
    if (o->sort == VN_XSORT_DOCID)
        return true;
    return o->sort == VN_XSORT_RELEVANCE && q.get_type() == Xapian::Query::OP_SCALE_WEIGHT &&
           q.get_description().compare(0, 10, "Query(0 * ") == 0;
}

/* How far a search of one part of the index goes for the page: its first
 * offset + limit matches, examining check_at_least of them (0: as many). */
static Xapian::doccount matches_wanted(const vn_xsearch_opts *o)
{
    return static_cast<Xapian::doccount>(o->offset + o->limit);
}

static Xapian::doccount matches_checked(const vn_xsearch_opts *o)
{
    return o->check_at_least ? static_cast<Xapian::doccount>(o->check_at_least)
                             : matches_wanted(o);
}

/* The counts of searches of parts of the index, summed; each estimate
 * within its part's bounds, as Xapian bounds it for the parts together. */
struct match_counts {
    unsigned long estimated = 0, lower = 0, upper = 0;

    void add(const Xapian::MSet &part)
    {
        estimated += std::min(std::max(part.get_matches_estimated(),
                                       part.get_matches_lower_bound()),
                              part.get_matches_upper_bound());
        lower += part.get_matches_lower_bound();
        upper += part.get_matches_upper_bound();
    }
};

/* The page of o out of every part's matches, merged in page order, with the
 * counts and the documents' data (local shards: no round trips). */
static void set_page(vn_xmset *m, const std::vector<vn_xmset_hit_row> &all,
                     const match_counts &counts, const vn_xsearch_opts *o)
{
    size_t first = std::min(o->offset, all.size());
    size_t last = std::min(o->offset + o->limit, all.size());
    m->hits.assign(all.begin() + static_cast<std::ptrdiff_t>(first),
                   all.begin() + static_cast<std::ptrdiff_t>(last));
    m->estimated = counts.estimated;
    m->lower = counts.lower;
    m->upper = counts.upper;
    m->data.clear();
    for (const vn_xmset_hit_row &h : m->hits)
        m->data.push_back(m->db.get_document(h.docid).get_data());
}

/*
 * A weightless page over several local shards, shard by shard.  Xapian 1.4
 * walks every match of every shard for it when the shards are searched as
 * one database (docids interleave, so it cannot know a later shard has no
 * lower one): 7-10 ms for `cites:59/2023/NĐ-CP` at 100k documents.  One
 * shard alone stops after the page: each gives its lowest docids, mapped to
 * the combined numbering (Xapian's: shard k of n, docid d -> (d-1)n+k+1)
 * and merged.  The same page; the counts are the shards' summed.
 */
static void search_shard_by_shard(vn_xmset *m, const std::vector<Xapian::Database> &shards,
                                  const Xapian::Query &q, const vn_xsearch_opts *o)
{
    const Xapian::docid n = static_cast<Xapian::docid>(shards.size());
    std::vector<vn_xmset_hit_row> all;
    match_counts counts;
    for (Xapian::docid k = 0; k < n; ++k) {
        Xapian::Enquire e(shards[k]);
        e.set_query(q);
        if (o->sort == VN_XSORT_DOCID)
            e.set_weighting_scheme(Xapian::BoolWeight());
        e.set_docid_order(Xapian::Enquire::ASCENDING);
        Xapian::MSet part = e.get_mset(0, matches_wanted(o), matches_checked(o));
        for (auto it = part.begin(); it != part.end(); ++it)
            all.push_back({(*it - 1) * n + k + 1, it.get_weight(), it.get_percent()});
        counts.add(part);
    }
    std::sort(all.begin(), all.end(),
              [](const vn_xmset_hit_row &a, const vn_xmset_hit_row &b) { return a.docid < b.docid; });
    set_page(m, all, counts, o);
}

/*
 * Matches every document of the shards named (by UUID) and none of the
 * others: a search of the combined database, with the whole index's
 * statistics, restricted to some shards.  Xapian inits a copy in each
 * shard.  No term's estimate is above its own, and it is added last, so
 * in an AND, whose parts are sorted by estimate (a stable insertion sort
 * for so few), it stays last and the others keep their order: their
 * weights add up bit for bit as without it.
 */
class ShardFilter : public Xapian::PostingSource {
  public:
    explicit ShardFilter(std::vector<std::string> uuids) : uuids_(std::move(uuids)) {}

    void init(const Xapian::Database &db) override
    {
        mine_ = std::find(uuids_.begin(), uuids_.end(), db.get_uuid()) != uuids_.end();
        current_ = 0;
        last_ = mine_ ? db.get_lastdocid() : 0;
        estimate_ = mine_ ? db.get_doccount() : 0;
        set_maxweight(0);
    }
    Xapian::doccount get_termfreq_min() const override { return estimate_; }
    Xapian::doccount get_termfreq_est() const override { return estimate_; }
    Xapian::doccount get_termfreq_max() const override { return last_; }
    void next(double) override { ++current_; }
    void skip_to(Xapian::docid did, double) override
    {
        if (did > current_)
            current_ = did;
    }
    bool at_end() const override { return current_ > last_; }
    Xapian::docid get_docid() const override { return current_; }
    double get_weight() const override { return 0; }
    Xapian::PostingSource *clone() const override { return new ShardFilter(uuids_); }
    std::string name() const override { return "vncite::ShardFilter"; }

  private:
    std::vector<std::string> uuids_;
    bool mine_ = false;
    Xapian::docid current_ = 0, last_ = 0;
    Xapian::doccount estimate_ = 0;
};

static bool same_revisions(const std::vector<Xapian::Database> &a,
                           const std::vector<Xapian::Database> &b)
{
    for (size_t k = 0; k < a.size(); ++k)
        if (a[k].get_revision() != b[k].get_revision())
            return false;
    return true;
}

/* `count` helpers whose shards are at the revisions of db's own; false when
 * they cannot be brought level (a writer committing all along). */
static bool level_helpers(vn_xdb *db, size_t count)
{
    while (db->helpers.size() < count) {
        vn_xdb::helper h;
        for (const std::string &path : db->shard_paths) {
            h.shards.emplace_back(path);
            h.combined.add_database(h.shards.back());
        }
        db->helpers.push_back(std::move(h));
    }
    for (int attempt = 0; attempt < 3; ++attempt) {
        bool level = true;
        for (size_t i = 0; i < count; ++i) {
            if (!same_revisions(db->helpers[i].shards, db->shards)) {
                db->helpers[i].combined.reopen();
                level = level && same_revisions(db->helpers[i].shards, db->shards);
            }
        }
        if (level)
            return true;
        db->db->reopen();   /* a helper saw a newer commit: catch up with it */
    }
    return false;
}

/* A term that document did alone has (its unique id, normally), or "". */
static std::string term_of_one(const Xapian::Database &db, Xapian::docid did)
{
    Xapian::TermIterator t = db.termlist_begin(did);
    t.skip_to("Q");
    if (t != db.termlist_end(did) && (*t)[0] == 'Q' && t.get_termfreq() == 1)
        return *t;
    for (t = db.termlist_begin(did); t != db.termlist_end(did); ++t)
        if (t.get_termfreq() == 1)
            return *t;
    return std::string();
}

/*
 * A ranked page over several local shards, on as many threads as there are
 * cores (at most one a shard): thread t searches the combined database
 * (its own handles, at the same revisions) restricted by a ShardFilter to
 * its shards, so every weight is the one the whole index gives; the pages
 * are merged in Xapian's order (weight, then docid).  The percentages
 * need the top document's share of the query's parts, which the filter
 * would count as one more matched part: they come from a search of the
 * combined database for the query restricted to that one document by a
 * term only it has (a boolean filter term counts for nothing).  False,
 * with m untouched, when the page cannot be made so; the counts are the
 * threads' summed estimates.
 */
static bool search_in_parallel(vn_xmset *m, vn_xdb *db, const Xapian::Query &q,
                               const vn_xsearch_opts *o)
{
    const size_t n = db->shards.size();
    const unsigned cores = std::thread::hardware_concurrency();
    const size_t threads = std::min<size_t>(n, cores ? cores : 1);
    if (threads < 2 || !level_helpers(db, threads - 1))
        return false;
    std::vector<std::vector<std::string>> uuids(threads);
    for (size_t k = 0; k < n; ++k)
        uuids[k % threads].push_back(db->shards[k].get_uuid());
    // Queries share their parts through counts that are not atomic: each
    // thread reads its own copy.
    const std::string serialised = q.serialise();
    std::vector<Xapian::MSet> parts(threads);
    std::vector<std::exception_ptr> failures(threads);
    auto search_part = [&](size_t t, Xapian::Database &database) {
        try {
            ShardFilter filter(uuids[t]);
            Xapian::Enquire e(database);
            e.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                      Xapian::Query::unserialise(serialised),
                                      Xapian::Query(&filter)));
            parts[t] = e.get_mset(0, matches_wanted(o), matches_checked(o));
        } catch (...) {
            failures[t] = std::current_exception();
        }
    };
    std::vector<std::thread> running;
    try {
        for (size_t t = 1; t < threads; ++t)
            running.emplace_back(search_part, t, std::ref(db->helpers[t - 1].combined));
    } catch (...) {
        for (std::thread &th : running)
            th.join();
        return false;   /* no thread to be had: search as one */
    }
    search_part(0, *db->db);
    for (std::thread &th : running)
        th.join();
    for (const std::exception_ptr &failure : failures)
        if (failure)
            std::rethrow_exception(failure);

    std::vector<vn_xmset_hit_row> all;
    match_counts counts;
    for (const Xapian::MSet &part : parts) {
        for (auto it = part.begin(); it != part.end(); ++it)
            all.push_back({*it, it.get_weight(), 0});
        counts.add(part);
    }
    std::sort(all.begin(), all.end(), [](const vn_xmset_hit_row &a, const vn_xmset_hit_row &b) {
        return a.weight != b.weight ? a.weight > b.weight : a.docid < b.docid;
    });
    if (!all.empty()) {
        // Of the documents with the top weight, the first Xapian meets
        // (shard by shard) sets the percentage scale.
        Xapian::docid top = all[0].docid;
        for (const vn_xmset_hit_row &h : all) {
            if (h.weight != all[0].weight)
                break;
            Xapian::docid a = h.docid - 1, b = top - 1;
            if (a % n < b % n || (a % n == b % n && a / n < b / n))
                top = h.docid;
        }
        std::string only = term_of_one(*db->db, top);
        if (only.empty())
            return false;
        Xapian::Enquire e(*db->db);
        e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(only)));
        Xapian::MSet scale = e.get_mset(0, 1);
        if (scale.size() != 1 || *scale.begin() != top ||
            scale.begin().get_weight() != all[0].weight)
            return false;
        for (vn_xmset_hit_row &h : all)
            h.percent = scale.convert_to_percent(h.weight);
    }
    set_page(m, all, counts, o);
    return true;
}

/* Runs the enquiry into m (from scratch, so that it can be retried). */
static void run_search(vn_xmset *m, vn_xdb *db, const Xapian::Query &q,
                       const vn_xsearch_opts *o)
{
    const std::vector<Xapian::Database> &shards = db->shards;
    m->enquire = Xapian::Enquire(m->db);
    m->spies.clear();
    m->spy_slots.clear();
    m->enquire.set_query(q);
    m->offset = o->offset;
    m->hits.clear();
    if (shards.size() > 1 && o->facet_count == 0 && weightless(q, o)) {
        search_shard_by_shard(m, shards, q, o);
    } else if (shards.size() > 1 && o->facet_count == 0 && o->sort == VN_XSORT_RELEVANCE &&
               o->limit > 0 && search_in_parallel(m, db, q, o)) {
        /* the page is in m */
    } else {
        if (o->sort == VN_XSORT_DOCID) {
            m->enquire.set_weighting_scheme(Xapian::BoolWeight());
            m->enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        } else if (o->sort != VN_XSORT_RELEVANCE) {
            m->enquire.set_sort_by_value_then_relevance(o->sort_slot,
                                                        o->sort == VN_XSORT_VALUE_DESC);
        }
        for (size_t i = 0; i < o->facet_count; ++i) {
            m->spies.emplace_back(new Xapian::ValueCountMatchSpy(o->facet_slots[i]));
            m->spy_slots.push_back(o->facet_slots[i]);
            m->enquire.add_matchspy(m->spies.back().get());
        }
        Xapian::doccount check = static_cast<Xapian::doccount>(o->check_at_least);
        if (check == 0)
            check = o->facet_count ? m->db.get_doccount() : matches_wanted(o);
        Xapian::MSet mset = m->enquire.get_mset(static_cast<Xapian::doccount>(o->offset),
                                                static_cast<Xapian::doccount>(o->limit), check);
        m->estimated = mset.get_matches_estimated();
        m->lower = mset.get_matches_lower_bound();
        m->upper = mset.get_matches_upper_bound();
        // Prefetch the documents (one round trip per shard for remote ones).
        // Not MSet::fetch() without arguments: in Xapian 1.4.22 it crashes
        // when the page does not start at the first match (offset > 0).
        if (!mset.empty())
            mset.fetch(mset.begin(), mset.end());
        m->data.clear();
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            m->hits.push_back({*it, it.get_weight(), it.get_percent()});
            m->data.push_back(it.get_document().get_data());
        }
    }
    m->values.assign(m->hits.size(), {});
}

extern "C" vn_status vn_xdb_search(vn_xdb *db, const vn_xquery *q,
                                   const vn_xsearch_opts *opts, vn_xmset **out,
                                   vn_error *err)
{
    *out = nullptr;
    static const vn_xsearch_opts defaults = {0, 10, VN_XSORT_RELEVANCE, 0, nullptr, 0, 0};
    const vn_xsearch_opts *o = opts ? opts : &defaults;
    try {
        std::unique_ptr<vn_xmset> m(new vn_xmset(*db->db));
        with_reopen(*db->db, [&] { run_search(m.get(), db, q->q, o); });
        *out = m.release();
        return VN_OK;
    } catch (const Xapian::UnimplementedError &e) {
        return vn_error_set(err, VN_ERR_PARSE, "query cannot be run: %s",
                            xapian_message(e).c_str());
    } catch (const Xapian::WildcardError &e) {
        return vn_error_set(err, VN_ERR_PARSE, "query cannot be run: %s",
                            xapian_message(e).c_str());
    } catch (...) {
        return fail(err, db_name(db));
    }
}

extern "C" size_t vn_xmset_size(const vn_xmset *m)
{
    return m->hits.size();
}

extern "C" void vn_xmset_counts(const vn_xmset *m, unsigned long *estimated,
                                unsigned long *lower, unsigned long *upper)
{
    if (estimated)
        *estimated = m->estimated;
    if (lower)
        *lower = m->lower;
    if (upper)
        *upper = m->upper;
}

static vn_status bad_hit(const vn_xmset *m, size_t i, vn_error *err)
{
    return vn_error_set(err, VN_ERR_USAGE, "search results: no hit %zu (page has %zu)", i,
                        m->hits.size());
}

extern "C" vn_status vn_xmset_hit(vn_xmset *m, size_t i, vn_xhit *out, vn_error *err)
{
    if (i >= m->hits.size())
        return bad_hit(m, i, err);
    out->docid = m->hits[i].docid;
    out->rank = m->offset + i;
    out->weight = m->hits[i].weight;
    out->percent = m->hits[i].percent;
    out->data = m->data[i].c_str();
    out->data_len = m->data[i].size();
    return VN_OK;
}

extern "C" vn_status vn_xmset_value(vn_xmset *m, size_t i, unsigned slot,
                                    const char **value, size_t *len, vn_error *err)
{
    *value = "";
    if (len)
        *len = 0;
    if (i >= m->hits.size())
        return bad_hit(m, i, err);
    try {
        auto &cache = m->values[i];
        auto found = cache.find(slot);
        if (found == cache.end()) {
            std::string v;
            with_reopen(m->db, [&] { v = m->db.get_document(m->hits[i].docid).get_value(slot); });
            found = cache.emplace(slot, std::move(v)).first;
        }
        *value = found->second.c_str();
        if (len)
            *len = found->second.size();
        return VN_OK;
    } catch (...) {
        return fail(err, "search results");
    }
}

extern "C" vn_status vn_xmset_facets(vn_xmset *m, unsigned slot, vn_xterms **out,
                                     vn_error *err)
{
    *out = nullptr;
    try {
        size_t k = 0;
        while (k < m->spy_slots.size() && m->spy_slots[k] != slot)
            ++k;
        if (k == m->spy_slots.size())
            return vn_error_set(err, VN_ERR_NOTFOUND,
                                "search results: value slot %u was not counted", slot);
        std::vector<std::pair<std::string, unsigned long>> v;
        const Xapian::ValueCountMatchSpy &spy = *m->spies[k];
        for (auto t = spy.values_begin(); t != spy.values_end(); ++t)
            v.emplace_back(*t, t.get_termfreq());
        // Most frequent first; values_begin() is in byte order, so a stable
        // sort leaves ties in byte order.
        std::stable_sort(v.begin(), v.end(),
                         [](const auto &a, const auto &b) { return a.second > b.second; });
        std::unique_ptr<vn_xterms> it(new vn_xterms);
        for (const auto &e : v)
            it->push(e.first, e.second);
        *out = it.release();
        return VN_OK;
    } catch (...) {
        return fail(err, "search results");
    }
}

extern "C" void vn_xmset_destroy(vn_xmset *m)
{
    delete m;
}

/* ------------------------------------------------------------------------
 * Reading every document
 * ------------------------------------------------------------------------ */

struct vn_xdocs {
    std::vector<unsigned> ids;
    std::vector<std::string> data;
};

extern "C" vn_status vn_xdb_read_docs(vn_xdb *db, unsigned after, size_t max, vn_xdocs **out,
                                      vn_error *err)
{
    *out = nullptr;
    try {
        std::unique_ptr<vn_xdocs> p(new vn_xdocs);
        with_reopen(*db->db, [&] {
            p->ids.clear();
            p->data.clear();
            Xapian::PostingIterator it = db->db->postlist_begin("");
            if (after)
                it.skip_to(after + 1);
            for (; it != db->db->postlist_end("") && p->ids.size() < max; ++it) {
                p->ids.push_back(*it);
                p->data.push_back(db->db->get_document(*it).get_data());
            }
        });
        *out = p.release();
        return VN_OK;
    } catch (...) {
        return fail(err, db_name(db));
    }
}

extern "C" size_t vn_xdocs_size(const vn_xdocs *p)
{
    return p->ids.size();
}

extern "C" void vn_xdocs_hit(const vn_xdocs *p, size_t i, vn_xhit *out)
{
    *out = vn_xhit{};
    out->docid = p->ids[i];
    out->data = p->data[i].c_str();
    out->data_len = p->data[i].size();
}

extern "C" void vn_xdocs_destroy(vn_xdocs *p)
{
    delete p;
}

/* ------------------------------------------------------------------------
 * Iterators
 * ------------------------------------------------------------------------ */

extern "C" bool vn_xterms_valid(const vn_xterms *it)
{
    return it->pos < it->offsets.size();
}

extern "C" const char *vn_xterms_get(const vn_xterms *it, size_t *len)
{
    if (it->pos >= it->offsets.size()) {
        if (len)
            *len = 0;
        return "";
    }
    size_t start = it->offsets[it->pos];
    size_t end = it->pos + 1 < it->offsets.size() ? it->offsets[it->pos + 1] - 1
                                                  : it->arena.size() - 1;
    if (len)
        *len = end - start;
    return it->arena.c_str() + start;
}

extern "C" unsigned long vn_xterms_count(const vn_xterms *it)
{
    return it->pos < it->counts.size() ? it->counts[it->pos] : 0;
}

extern "C" void vn_xterms_move_to_next(vn_xterms *it)
{
    if (it->pos < it->offsets.size())
        it->pos++;
}

extern "C" void vn_xterms_destroy(vn_xterms *it)
{
    delete it;
}
