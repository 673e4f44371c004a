/*
 * bench_refindex.cc — the reference indexer: the engine's floor for
 * vncite's body schema (docs/INDEX.md, "Words and terms").
 *
 *   bench_refindex DB DIR
 *
 * Reads every *.txt under DIR (sorted), NFC-normalises the files that hold
 * combining marks (the generated corpus has NFD spans), cuts words the way
 * Xapian's TermGenerator does (Xapian::Unicode::is_wordchar runs), and adds
 * at each position the plain form (case-folded, diacritics stripped, đ→d)
 * and the accented form (case-folded) when it differs, plus the path as a
 * Q term: the same term forms and positions as vncite's body terms, and
 * nothing else (no markup cleaning, no citations, metadata, values or
 * document data).  Commits with vncite's batch bounds (VN_XDB_COMMIT_DOCS
 * documents or VN_XDB_COMMIT_POSTINGS postings), one thread.  Known
 * differences from common/terms.c, all in the reference's favour: no ICU
 * word breaking (so "1.000" is two words here), no oa/oe/uy tone move, no
 * 240-byte cut.
 */
#include <xapian.h>
#include <utf8proc.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

constexpr unsigned commit_docs = 1000;        // VN_XDB_COMMIT_DOCS
constexpr size_t commit_postings = 1000000;   // VN_XDB_COMMIT_POSTINGS
constexpr unsigned fold_limit = 0x2000;       // Latin, combining marks, Vietnamese

// plain_of[cp]: the ASCII letter a lower-case code point folds to, 0 to
// keep it, 1 to drop it (a combining mark).
unsigned char plain_of[fold_limit];

void build_fold_table()
{
    for (unsigned cp = 0x80; cp < fold_limit; cp++) {
        if (cp >= 0x300 && cp <= 0x36f) {
            plain_of[cp] = 1;
            continue;
        }
        utf8proc_uint8_t in[4], *out = nullptr;
        utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), in);
        utf8proc_ssize_t m = utf8proc_map(in, n, &out,
                                          static_cast<utf8proc_option_t>(
                                              UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                              UTF8PROC_CASEFOLD));
        if (m == 1 && out[0] < 0x80)
            plain_of[cp] = out[0];
        free(out);
    }
    plain_of[0x110] = plain_of[0x111] = 'd';   // Đ đ
    plain_of[0xd0] = 'd';                      // Ð, Đ's look-alike
}

bool has_combining_mark(const std::string &s)
{
    // U+0300..U+036F are CC 80 .. CD AF in UTF-8
    return s.find('\xcc') != std::string::npos || s.find('\xcd') != std::string::npos;
}

}  // namespace

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::fputs("usage: bench_refindex DB DIR\n", stderr);
        return 2;
    }
    build_fold_table();
    std::vector<std::string> paths;
    for (const auto &e : std::filesystem::recursive_directory_iterator(argv[2]))
        if (e.is_regular_file() && e.path().extension() == ".txt")
            paths.push_back(e.path().string());
    std::sort(paths.begin(), paths.end());

    auto t0 = std::chrono::steady_clock::now();
    Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE_OR_OVERWRITE);
    double bytes = 0;
    unsigned pending_docs = 0;
    size_t pending_postings = 0;
    std::string plain, accented;
    for (const auto &path : paths) {
        std::ifstream in(path, std::ios::binary);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        bytes += static_cast<double>(text.size());
        if (has_combining_mark(text)) {
            utf8proc_uint8_t *nfc = utf8proc_NFC(
                reinterpret_cast<const utf8proc_uint8_t *>(text.c_str()));
            if (nfc) {
                text.assign(reinterpret_cast<char *>(nfc));
                free(nfc);
            }
        }
        Xapian::Document doc;
        Xapian::termpos pos = 0;
        size_t postings = 1;
        Xapian::Utf8Iterator it(text), end;
        while (it != end) {
            while (it != end && !Xapian::Unicode::is_wordchar(*it))
                ++it;
            if (it == end)
                break;
            plain.clear();
            accented.clear();
            bool differs = false;
            for (; it != end && Xapian::Unicode::is_wordchar(*it); ++it) {
                unsigned ch = Xapian::Unicode::tolower(*it);
                Xapian::Unicode::append_utf8(accented, ch);
                if (ch < 0x80) {
                    plain.push_back(static_cast<char>(ch));
                } else if (ch < fold_limit && plain_of[ch]) {
                    differs = true;
                    if (plain_of[ch] != 1)
                        plain.push_back(static_cast<char>(plain_of[ch]));
                } else {
                    Xapian::Unicode::append_utf8(plain, ch);
                }
            }
            ++pos;
            if (!plain.empty()) {
                doc.add_posting(plain, pos);
                postings++;
            }
            if (differs) {
                doc.add_posting(accented, pos);
                postings++;
            }
        }
        doc.add_boolean_term("Q" + path);
        db.add_document(doc);
        pending_postings += postings;
        if (++pending_docs >= commit_docs || pending_postings >= commit_postings) {
            db.commit();
            pending_docs = 0;
            pending_postings = 0;
        }
    }
    db.commit();
    db.close();
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("docs=%zu mb=%.1f seconds=%.3f docs_per_s=%.0f mb_per_s=%.2f\n", paths.size(),
                bytes / 1e6, s, static_cast<double>(paths.size()) / s, bytes / 1e6 / s);
    return 0;
}
