/* SPDX-License-Identifier: ISC */
/*
 * Fields by table: read, write, copy and compare one field of any entity
 * through its row (kind and offset), so that the faces loop over an
 * entity's table instead of naming each field.
 */
#include "rooster/model.h"

#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "model_int.h"

char **
model_field_slot(void *rec, const struct model_field *f)
{
	return (char **)(void *)((char *)rec + f->offset);
}

#define model_field_textp model_field_slot

const char *
model_field_text(const void *rec, const struct model_field *f)
{
	const char *s = *model_field_textp((void *)(uintptr_t)rec, f);

	return s != NULL ? s : "";
}

int
model_field_int(const void *rec, const struct model_field *f)
{
	const char *p = (const char *)rec + f->offset;

	if (f->kind == MODEL_FIELD_BOOL)
		return *(const bool *)(const void *)p ? 1 : 0;
	/* An enum is int-sized; its values are small and not negative. */
	return *(const int *)(const void *)p;
}

int64_t
model_field_int64(const void *rec, const struct model_field *f)
{
	return *(const int64_t *)(const void *)((const char *)rec +
	    f->offset);
}

void
model_field_set_int64(void *rec, const struct model_field *f, int64_t v)
{
	*(int64_t *)(void *)((char *)rec + f->offset) = v;
}

double
model_field_real(const void *rec, const struct model_field *f)
{
	return *(const double *)(const void *)((const char *)rec + f->offset);
}

void
model_field_set_real(void *rec, const struct model_field *f, double v)
{
	*(double *)(void *)((char *)rec + f->offset) = v;
}

const char *
model_names_name(const char *const *names, int v)
{
	int i;

	for (i = 0; names[i] != NULL; i++)
		if (i == v)
			return names[i];
	return "?";
}

int
model_names_parse(const char *const *names, const char *s)
{
	int i;

	for (i = 0; s != NULL && names[i] != NULL; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

const char *
model_field_name(const void *rec, const struct model_field *f)
{
	return model_names_name(f->names, model_field_int(rec, f));
}

int
model_field_parse(const struct model_field *f, const char *s)
{
	return model_names_parse(f->names, s);
}

bool
model_fields_differ(const void *a, const void *b,
    const struct model_field *fields, unsigned flag)
{
	for (; fields->key != NULL; fields++)
		if ((fields->flags & flag) != 0 &&
		    !model_field_same(a, b, fields))
			return true;
	return false;
}

const char *
model_field_column(const struct model_field *f)
{
	return f->column != NULL ? f->column : f->key;
}

const struct model_field *
model_field_find(const struct model_field *fields, const char *key)
{
	for (; fields->key != NULL; fields++)
		if (strcmp(fields->key, key) == 0)
			return fields;
	return NULL;
}

void
model_field_set_text(void *rec, const struct model_field *f, const char *s)
{
	char **p = model_field_textp(rec, f);

	free(*p);
	*p = s != NULL ? xstrdup(s) : NULL;
}

void
model_field_set_int(void *rec, const struct model_field *f, int v)
{
	char *p = (char *)rec + f->offset;

	if (f->kind == MODEL_FIELD_BOOL)
		*(bool *)(void *)p = v != 0;
	else
		*(int *)(void *)p = v;
}

void
model_field_copy(void *dst, const void *src, const struct model_field *f)
{
	switch (f->kind) {
	case MODEL_FIELD_TEXT:
		model_field_set_text(dst, f, *model_field_textp((void *)
		    (uintptr_t)src, f));
		break;
	case MODEL_FIELD_ID:
	case MODEL_FIELD_TIME:
		model_field_set_int64(dst, f, model_field_int64(src, f));
		break;
	case MODEL_FIELD_REAL:
		model_field_set_real(dst, f, model_field_real(src, f));
		break;
	default:
		model_field_set_int(dst, f, model_field_int(src, f));
		break;
	}
}

bool
model_field_same(const void *a, const void *b, const struct model_field *f)
{
	switch (f->kind) {
	case MODEL_FIELD_TEXT:
		return strcmp(model_field_text(a, f), model_field_text(b,
		    f)) == 0;
	case MODEL_FIELD_ID:
	case MODEL_FIELD_TIME:
		return model_field_int64(a, f) == model_field_int64(b, f);
	case MODEL_FIELD_REAL:
		return model_field_real(a, f) == model_field_real(b, f);
	default:
		return model_field_int(a, f) == model_field_int(b, f);
	}
}

void
model_field_normalize(void *rec, const struct model_field *f)
{
	char **p = model_field_slot(rec, f);
	char *list;

	if (f->kind != MODEL_FIELD_TEXT || !f->list)
		return;
	list = text_list_normalize(*p);
	free(*p);
	*p = list;
}

void
model_fields_normalize(void *rec, const struct model_field *fields)
{
	for (; fields->key != NULL; fields++)
		model_field_normalize(rec, fields);
}

/* A whole number in f's min..max, as the command line takes it. */
static int
model_field_number(const struct model_field *f, const char *s, int *out,
    struct err *err)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 || v < f->min ||
	    v > f->max)
		return err_set(err, ERR_INVALID, _("invalid %s '%s' (a whole "
		    "number from %ld to %ld)"), _(f->what), s, (long)f->min,
		    (long)f->max);
	*out = (int)v;
	return 0;
}

int
model_field_set_value(void *rec, const struct model_field *f, const char *s,
    struct err *err)
{
	int64_t when;
	int n = 0;

	switch (f->kind) {
	case MODEL_FIELD_TEXT:
		model_field_set_text(rec, f, s);
		model_field_normalize(rec, f);
		break;
	case MODEL_FIELD_INT:
		if (model_field_number(f, s, &n, err) < 0)
			return -1;
		model_field_set_int(rec, f, n);
		break;
	case MODEL_FIELD_TIME:
		if (rtime_parse_when(s, &when, err) < 0)
			return -1;
		model_field_set_int64(rec, f, when);
		break;
	case MODEL_FIELD_ENUM:
		if ((n = model_field_parse(f, s)) < 0)
			return err_set(err, ERR_INVALID, _("invalid %s '%s'"),
			    _(f->what != NULL ? f->what : f->key), s);
		model_field_set_int(rec, f, n);
		break;
	default:
		if (f->kind != MODEL_FIELD_BOOL || (strcmp(s, "yes") != 0 &&
		    strcmp(s, "no") != 0))
			return err_set(err, ERR_INVALID, _("%s takes yes or "
			    "no"), f->option != NULL ? f->option : f->key);
		model_field_set_int(rec, f, s[0] == 'y');
		break;
	}
	return 0;
}

int
model_fields_set_value(void *rec, const struct model_field *fields,
    const char *key, const char *s, struct err *err)
{
	const struct model_field *f = model_field_find(fields, key);

	assert(f != NULL);
	return model_field_set_value(rec, f, s, err);
}
