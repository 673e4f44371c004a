/* test_pending_file.c — files written whole or not at all (common/pending_file.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/pending_file.h"

static char dir[64];

static size_t entries(void)
{
    size_t n = 0;
    DIR *d = opendir(dir);
    assert_non_null(d);
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

static void read_back(const char *path, char *out, size_t size)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    size_t n = fread(out, 1, size - 1, f);
    out[n] = '\0';
    fclose(f);
}

static void test_commit_replaces_whole(void **state)
{
    (void)state;
    char path[128], text[64];
    snprintf(path, sizeof path, "%s/out.txt", dir);
    vn_error err;
    vn_pending_file p;
    assert_int_equal(vn_pending_open(&p, path, &err), VN_OK);
    fputs("old", p.f);
    assert_true(vn_pending_close(&p, &err));
    assert_int_equal(vn_pending_commit(&p, &err), VN_OK);
    vn_pending_discard(&p);   /* a no-op after the commit */
    read_back(path, text, sizeof text);
    assert_string_equal(text, "old");

    /* while the new one is written, the old one is what readers see */
    assert_int_equal(vn_pending_open(&p, path, &err), VN_OK);
    fputs("new", p.f);
    fflush(p.f);
    read_back(path, text, sizeof text);
    assert_string_equal(text, "old");
    assert_int_equal(entries(), 2);
    assert_true(vn_pending_close(&p, &err));
    assert_int_equal(vn_pending_commit(&p, &err), VN_OK);
    read_back(path, text, sizeof text);
    assert_string_equal(text, "new");
    assert_int_equal(entries(), 1);   /* no temporary file left */

    /* an ordinary file's mode, not mkstemp's 0600 */
    struct stat sb;
    assert_int_equal(stat(path, &sb), 0);
    mode_t mask = umask(0);
    umask(mask);
    assert_int_equal(sb.st_mode & 0777, 0666 & ~mask);
    unlink(path);
}

static void test_discard_leaves_nothing(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/never.txt", dir);
    vn_error err;
    vn_pending_file p;
    assert_int_equal(vn_pending_open(&p, path, &err), VN_OK);
    fputs("half", p.f);
    vn_pending_discard(&p);
    assert_int_equal(entries(), 0);
}

static void test_errors_name_the_file(void **state)
{
    (void)state;
    vn_error err;
    vn_pending_file p;
    assert_int_equal(vn_pending_open(&p, "/nonexistent/folder/out.txt", &err), VN_ERR_IO);
    assert_non_null(strstr(err.msg, "/nonexistent/folder/out.txt"));
    vn_pending_discard(&p);

    /* the final name is a folder: refused before anything is written */
    char path[128];
    snprintf(path, sizeof path, "%s/taken", dir);
    assert_int_equal(mkdir(path, 0755), 0);
    char inside[160];
    snprintf(inside, sizeof inside, "%s/x", path);
    FILE *f = fopen(inside, "w");
    assert_non_null(f);
    fclose(f);
    assert_int_equal(vn_pending_open(&p, path, &err), VN_ERR_IO);
    assert_non_null(strstr(err.msg, "is a folder"));
    vn_pending_discard(&p);
    assert_int_equal(entries(), 1);   /* the folder only */

    /* the final name becomes a folder while the file is written: the rename
     * fails, the temporary file goes */
    char late[128];
    snprintf(late, sizeof late, "%s/late", dir);
    assert_int_equal(vn_pending_open(&p, late, &err), VN_OK);
    assert_int_equal(mkdir(late, 0755), 0);
    snprintf(inside, sizeof inside, "%s/x", late);
    f = fopen(inside, "w");
    assert_non_null(f);
    fclose(f);
    assert_true(vn_pending_close(&p, &err));
    assert_int_equal(vn_pending_commit(&p, &err), VN_ERR_IO);
    assert_non_null(strstr(err.msg, "cannot put it in place"));
    vn_pending_discard(&p);
    assert_int_equal(entries(), 2);   /* the two folders only */
    unlink(inside);
    rmdir(late);
    snprintf(inside, sizeof inside, "%s/x", path);
    unlink(inside);
    rmdir(path);
}

/* A device is written straight to, never replaced; a link is written
 * through, and stays a link. */
static void test_devices_and_links(void **state)
{
    (void)state;
    vn_error err;
    vn_pending_file p;
    assert_int_equal(vn_pending_open(&p, "/dev/null", &err), VN_OK);
    fputs("gone", p.f);
    assert_true(vn_pending_close(&p, &err));
    assert_int_equal(vn_pending_commit(&p, &err), VN_OK);
    vn_pending_discard(&p);
    struct stat sb;
    assert_int_equal(stat("/dev/null", &sb), 0);
    assert_true(S_ISCHR(sb.st_mode));

    char real[128], link[128], text[64];
    snprintf(real, sizeof real, "%s/real.txt", dir);
    snprintf(link, sizeof link, "%s/link.txt", dir);
    FILE *f = fopen(real, "w");
    assert_non_null(f);
    fputs("old", f);
    fclose(f);
    assert_int_equal(symlink("real.txt", link), 0);
    assert_int_equal(vn_pending_open(&p, link, &err), VN_OK);
    fputs("new", p.f);
    assert_true(vn_pending_close(&p, &err));
    assert_int_equal(vn_pending_commit(&p, &err), VN_OK);
    vn_pending_discard(&p);
    assert_int_equal(lstat(link, &sb), 0);
    assert_true(S_ISLNK(sb.st_mode));
    read_back(real, text, sizeof text);
    assert_string_equal(text, "new");
    assert_int_equal(entries(), 2);   /* the file and the link, no temporary file */
    unlink(link);
    unlink(real);
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/vncite-test-pending-XXXXXX");
    if (!mkdtemp(dir))
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_commit_replaces_whole),
        cmocka_unit_test(test_discard_leaves_nothing),
        cmocka_unit_test(test_errors_name_the_file),
        cmocka_unit_test(test_devices_and_links),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    rmdir(dir);
    return failed;
}
