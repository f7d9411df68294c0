// SPDX-License-Identifier: GPL-2.0
/*
 * condis tool: output, plain or JSON, through one set of calls.
 *
 * Plain output is one line per object of "key value" pairs; every pair
 * has a value (a flag is "yes" or "no", an empty string ""), so a line
 * splits into pairs with awk.  Values with blanks or unprintable bytes are
 * written with \xNN escapes.  Nested attributes are flattened into the
 * line.  JSON output uses the spec's attribute names as keys (the caller
 * gives both names) and keeps nests as objects.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "tool.h"

/**
 * struct out_state - the output in progress
 * @json: the JSON writer, or NULL for plain output
 * @pretty: indented JSON
 * @first: nothing written on the current plain line yet
 * @list_pending: a list began and its JSON array is not open yet
 */
struct out_state {
	struct json *json;
	bool pretty;
	bool first;
	bool list_pending;
};

static struct out_state out = { .first = true };

/**
 * out_init() - choose the output format
 * @json: JSON instead of plain lines
 * @pretty: indent JSON
 */
void out_init(bool json, bool pretty)
{
	json_free(out.json);
	out.json = NULL;
	out.pretty = pretty;
	if (json) {
		out.json = json_new(stdout, pretty);
		if (!out.json) {
			fputs("condis: out of memory\n", stderr);
			exit(EXIT_FAIL);
		}
	}
}

/**
 * out_json() - whether the output is JSON
 *
 * Return: true for JSON.
 */
bool out_json(void)
{
	return out.json;
}

/**
 * out_list_begin() - start a list of objects (a JSON array); the array
 * opens with its first object, or at out_list_end()
 */
void out_list_begin(void)
{
	out.list_pending = true;
}

/**
 * out_list_end() - end it
 * @ok: the list is complete; if not, an array that never opened is left
 *	out (a failed dump prints nothing), one that did is closed
 */
void out_list_end(bool ok)
{
	if (!out.json)
		return;
	if (out.list_pending) {
		out.list_pending = false;
		if (!ok)
			return;
		json_arr_begin(out.json);
	}
	json_arr_end(out.json);
	json_newline(out.json);
}

/**
 * out_obj_begin() - start an object (a plain line)
 */
void out_obj_begin(void)
{
	if (out.json && out.list_pending) {
		out.list_pending = false;
		json_arr_begin(out.json);
	}
	if (out.json)
		json_obj_begin(out.json);
	out.first = true;
}

/**
 * out_obj_end() - end it; a plain line or a top-level JSON object ends
 * with a newline
 */
void out_obj_end(void)
{
	if (out.json)
		json_obj_end(out.json);
	else
		putchar('\n');
}

/**
 * out_nest_begin() - start a nest: a member object in JSON, nothing in plain
 * @jkey: its JSON key
 */
void out_nest_begin(const char *jkey)
{
	if (out.json) {
		json_key(out.json, jkey);
		json_obj_begin(out.json);
	}
}

/**
 * out_nest_end() - end it
 */
void out_nest_end(void)
{
	if (out.json)
		json_obj_end(out.json);
}

static void out_key(const char *key)
{
	if (!out.first)
		putchar(' ');
	out.first = false;
	fputs(key, stdout);
	putchar(' ');
}

/* A plain value: escaped so that it stays one word. */
static void out_word(const char *s, size_t len)
{
	size_t i;

	if (!len) {
		fputs("\"\"", stdout);
		return;
	}
	for (i = 0; i < len; i++) {
		unsigned char c = s[i];

		if (isgraph(c) && c != '\\')
			putchar(c);
		else
			printf("\\x%02x", c);
	}
}

/**
 * out_uint() - a number
 * @key: plain key
 * @jkey: JSON key
 * @v: the value
 */
void out_uint(const char *key, const char *jkey, uint64_t v)
{
	if (out.json) {
		json_key(out.json, jkey);
		json_uint(out.json, v);
	} else {
		out_key(key);
		printf("%llu", (unsigned long long)v);
	}
}

/**
 * out_hex32() - a number that reads best in hex: 0x-prefixed in plain
 * output, a number in JSON
 * @key: plain key
 * @jkey: JSON key
 * @v: the value
 */
void out_hex32(const char *key, const char *jkey, uint32_t v)
{
	if (out.json) {
		json_key(out.json, jkey);
		json_uint(out.json, v);
	} else {
		out_key(key);
		printf("%#x", v);
	}
}

/**
 * out_strn() - a string
 * @key: plain key
 * @jkey: JSON key
 * @s: the string
 * @len: its length
 */
void out_strn(const char *key, const char *jkey, const char *s, size_t len)
{
	if (out.json) {
		json_key(out.json, jkey);
		json_strn(out.json, s, len);
	} else {
		out_key(key);
		out_word(s, len);
	}
}

/**
 * out_str() - a NUL-terminated string
 * @key: plain key
 * @jkey: JSON key
 * @s: the string
 */
void out_str(const char *key, const char *jkey, const char *s)
{
	out_strn(key, jkey, s, strlen(s));
}

/**
 * out_bytes() - bytes, as a lowercase hex string in both formats
 * @key: plain key
 * @jkey: JSON key
 * @p: the bytes
 * @len: how many
 */
void out_bytes(const char *key, const char *jkey, const void *p, size_t len)
{
	const unsigned char *b = p;
	char *hex = malloc(2 * len + 1);
	size_t i;

	if (!hex) {
		fputs("condis: out of memory\n", stderr);
		exit(EXIT_FAIL);
	}
	for (i = 0; i < len; i++)
		sprintf(hex + 2 * i, "%02x", b[i]);
	hex[2 * len] = '\0';
	out_strn(key, jkey, hex, 2 * len);
	free(hex);
}

/**
 * out_bool() - a flag: yes or no in plain output, true or false in JSON
 * @key: plain key
 * @jkey: JSON key
 * @v: the value
 */
void out_bool(const char *key, const char *jkey, bool v)
{
	if (out.json) {
		json_key(out.json, jkey);
		json_bool(out.json, v);
	} else {
		out_key(key);
		fputs(v ? "yes" : "no", stdout);
	}
}

/**
 * out_enum() - an enum value by its name; by its number if it has none
 * @key: plain key
 * @jkey: JSON key
 * @names: the enum's names (NULL: print the number)
 * @v: the value
 */
void out_enum(const char *key, const char *jkey, const struct names *names, uint32_t v)
{
	const char *name = names ? name_of(names, v) : NULL;

	if (name)
		out_str(key, jkey, name);
	else
		out_uint(key, jkey, v);
}
