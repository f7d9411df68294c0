// SPDX-License-Identifier: GPL-2.0
/*
 * condis tool: a small JSON writer.  It tracks the nesting to place commas,
 * escapes strings (RFC 8259) and, when asked, indents by two spaces.
 */
#include <stdlib.h>
#include <string.h>

#include "tool.h"

#define JSON_MAX_DEPTH	16

/**
 * struct json - a JSON document being written
 * @f: where it goes
 * @pretty: indent, one member or element per line
 * @depth: open objects and arrays
 * @count: members or elements written so far at each depth
 * @after_key: a key was written; its value comes next
 */
struct json {
	FILE *f;
	bool pretty;
	int depth;
	unsigned int count[JSON_MAX_DEPTH];
	bool after_key;
};

/**
 * json_new() - start writing JSON
 * @f: where to
 * @pretty: indented output
 *
 * Return: the writer, or NULL when out of memory.
 */
struct json *json_new(FILE *f, bool pretty)
{
	struct json *j = calloc(1, sizeof(*j));

	if (j) {
		j->f = f;
		j->pretty = pretty;
	}
	return j;
}

/**
 * json_free() - free a writer
 * @j: the writer (may be NULL)
 */
void json_free(struct json *j)
{
	free(j);
}

static void json_indent(struct json *j)
{
	int i;

	fputc('\n', j->f);
	for (i = 0; i < j->depth; i++)
		fputs("  ", j->f);
}

/* Before a value or a key: the comma and the indentation it needs. */
static void json_sep(struct json *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (j->depth > 0 && j->depth <= JSON_MAX_DEPTH) {
		if (j->count[j->depth - 1]++)
			fputc(',', j->f);
		if (j->pretty)
			json_indent(j);
	}
}

static void json_open(struct json *j, char c)
{
	json_sep(j);
	fputc(c, j->f);
	if (j->depth < JSON_MAX_DEPTH)
		j->count[j->depth] = 0;
	j->depth++;
}

static void json_close(struct json *j, char c)
{
	bool empty = j->depth <= JSON_MAX_DEPTH && !j->count[j->depth - 1];

	j->depth--;
	if (j->pretty && !empty)
		json_indent(j);
	fputc(c, j->f);
}

/**
 * json_obj_begin() - open an object
 * @j: the writer
 */
void json_obj_begin(struct json *j)
{
	json_open(j, '{');
}

/**
 * json_obj_end() - close an object
 * @j: the writer
 */
void json_obj_end(struct json *j)
{
	json_close(j, '}');
}

/**
 * json_arr_begin() - open an array
 * @j: the writer
 */
void json_arr_begin(struct json *j)
{
	json_open(j, '[');
}

/**
 * json_arr_end() - close an array
 * @j: the writer
 */
void json_arr_end(struct json *j)
{
	json_close(j, ']');
}

static void json_quote(struct json *j, const char *s, size_t len)
{
	size_t i;

	fputc('"', j->f);
	for (i = 0; i < len; i++) {
		unsigned char c = s[i];

		switch (c) {
		case '"':
			fputs("\\\"", j->f);
			break;
		case '\\':
			fputs("\\\\", j->f);
			break;
		case '\n':
			fputs("\\n", j->f);
			break;
		case '\t':
			fputs("\\t", j->f);
			break;
		default:
			/* Control characters; bytes above 0x7e as Latin-1. */
			if (c < 0x20 || c > 0x7e)
				fprintf(j->f, "\\u%04x", c);
			else
				fputc(c, j->f);
		}
	}
	fputc('"', j->f);
}

/**
 * json_key() - write an object member's key
 * @j: the writer
 * @key: the key
 */
void json_key(struct json *j, const char *key)
{
	json_sep(j);
	json_quote(j, key, strlen(key));
	fputs(j->pretty ? ": " : ":", j->f);
	j->after_key = true;
}

/**
 * json_strn() - write a string value
 * @j: the writer
 * @s: the string
 * @len: its length
 */
void json_strn(struct json *j, const char *s, size_t len)
{
	json_sep(j);
	json_quote(j, s, len);
}

/**
 * json_str() - write a NUL-terminated string value
 * @j: the writer
 * @s: the string
 */
void json_str(struct json *j, const char *s)
{
	json_strn(j, s, strlen(s));
}

/**
 * json_uint() - write an unsigned number
 * @j: the writer
 * @v: the number
 */
void json_uint(struct json *j, uint64_t v)
{
	json_sep(j);
	fprintf(j->f, "%llu", (unsigned long long)v);
}

/**
 * json_bool() - write true or false
 * @j: the writer
 * @v: the value
 */
void json_bool(struct json *j, bool v)
{
	json_sep(j);
	fputs(v ? "true" : "false", j->f);
}

/**
 * json_newline() - end a document with a newline
 * @j: the writer
 */
void json_newline(struct json *j)
{
	fputc('\n', j->f);
}
