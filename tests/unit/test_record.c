/* test_record.c — one member of a stored record, found without parsing the rest. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query/record.h"

/* The member's bytes, or "-" when the walk gives up. */
static const char *span(const char *json, const char *key)
{
    static char out[256];
    size_t s, e;
    if (!vn_record_member_span(json, strlen(json), key, &s, &e))
        return "-";
    snprintf(out, sizeof out, "%.*s", (int)(e - s), json + s);
    return out;
}

static void test_span_of_the_stored_layout(void **state)
{
    (void)state;
    const char *rec = "{\"document\":{\"file\":\"a.txt\",\"title\":\"Kế hoạch\"},"
                      "\"citations\":[{\"text\":\"Nghị định 59/2023\",\"span\":[1,2]}]}";
    assert_string_equal(span(rec, "document"), "{\"file\":\"a.txt\",\"title\":\"Kế hoạch\"}");
    assert_string_equal(span(rec, "citations"),
                        "[{\"text\":\"Nghị định 59/2023\",\"span\":[1,2]}]");
    assert_string_equal(span(rec, "doc"), "-");
}

static void test_span_any_order_spacing_and_strings(void **state)
{
    (void)state;
    /* brackets and quotes inside strings do not count; order is free */
    const char *rec = " { \"citations\" : [ \"}]\\\"{\" , {\"x\":[[]]} ] ,\n"
                      "  \"document\" : { \"title\" : \"a } b\" } , \"n\" : -1.5e3 }\n";
    assert_string_equal(span(rec, "document"), "{ \"title\" : \"a } b\" }");
    assert_string_equal(span(rec, "n"), "-1.5e3");
    /* a repeated key: the last one, as jansson keeps */
    assert_string_equal(span("{\"a\":1,\"a\":{\"b\":2}}", "a"), "{\"b\":2}");
    assert_string_equal(span("{\"a\":true}", "a"), "true");
    /* escaped quotes and backslashes, the last one right before the quote */
    const char *esc = "{\"a\":\"x\\\\\",\"b\":[\"y\\\"}\\\\\",\"\\\\\\\"\"],\"c\":1}";
    assert_string_equal(span(esc, "a"), "\"x\\\\\"");
    assert_string_equal(span(esc, "b"), "[\"y\\\"}\\\\\",\"\\\\\\\"\"]");
    assert_string_equal(span(esc, "c"), "1");
    assert_string_equal(span("{\"a\":\"x\\\"}", "a"), "-");       /* the quote is escaped */
    assert_string_equal(span("{\"a\":\"x\\", "a"), "-");
}

static void test_span_gives_up_on_bad_structure(void **state)
{
    (void)state;
    assert_string_equal(span("", "a"), "-");
    assert_string_equal(span("[1]", "a"), "-");
    assert_string_equal(span("{}", "a"), "-");
    assert_string_equal(span("{\"a\":{\"b\":1}", "a"), "-");          /* unclosed */
    assert_string_equal(span("{\"a\":{\"b\":1]}", "a"), "-");         /* mismatched */
    assert_string_equal(span("{\"a\":\"xyz}", "a"), "-");             /* open string */
    assert_string_equal(span("{\"a\":1} x", "a"), "-");               /* trailing bytes */
    assert_string_equal(span("{\"a\":1 \"b\":2}", "a"), "-");         /* no comma */
    assert_string_equal(span("{\"a\" 1}", "a"), "-");                 /* no colon */
    assert_string_equal(span("{\"\\u0061\":1}", "a"), "-");           /* escaped key */
    assert_string_equal(span("{\"a\":}", "a"), "-");
    char deep[5000];
    strcpy(deep, "{\"a\":");
    memset(deep + 5, '[', 2100);
    memset(deep + 2105, ']', 2100);
    strcpy(deep + 4205, "}");
    assert_string_equal(span(deep, "a"), "-");                       /* deeper than jansson */
}

static void test_member_parses_or_falls_back(void **state)
{
    (void)state;
    json_error_t je;
    const char *rec = "{\"document\":{\"file\":\"a.txt\"},\"citations\":[]}";
    json_t *d = vn_record_member(rec, strlen(rec), "document", &je);
    assert_true(json_is_object(d));
    assert_string_equal(json_string_value(json_object_get(d, "file")), "a.txt");
    json_decref(d);

    /* a scalar member is a value, not a parse error */
    d = vn_record_member("{\"document\":5}", 14, "document", &je);
    assert_true(json_is_integer(d));
    json_decref(d);

    /* escaped key: the walk gives up, the whole record is parsed */
    const char *esc = "{\"docum\\u0065nt\":{\"file\":\"b\"}}";
    d = vn_record_member(esc, strlen(esc), "document", &je);
    assert_string_equal(json_string_value(json_object_get(d, "file")), "b");
    json_decref(d);

    /* missing member: NULL, no error text */
    d = vn_record_member("{\"x\":1}", 7, "document", &je);
    assert_null(d);
    assert_string_equal(je.text, "");

    /* unreadable: NULL with jansson's message */
    d = vn_record_member("{\"document\":{\"file\":}}", 22, "document", &je);
    assert_null(d);
    assert_true(je.text[0] != '\0');
    d = vn_record_member("{\"document\":", 12, "document", &je);
    assert_null(d);
    assert_true(je.text[0] != '\0');
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_span_of_the_stored_layout),
        cmocka_unit_test(test_span_any_order_spacing_and_strings),
        cmocka_unit_test(test_span_gives_up_on_bad_structure),
        cmocka_unit_test(test_member_parses_or_falls_back),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
