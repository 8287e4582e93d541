/* SPDX-License-Identifier: ISC */
/*
 * Fields by table: read, write, copy and compare one field of any entity
 * through its row (kind and offset), so that the faces loop over an
 * entity's table instead of naming each field.
 */
#include "rooster/model.h"

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
	return *(const int *)(const void *)p;
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
	if (f->kind == MODEL_FIELD_TEXT)
		model_field_set_text(dst, f, *model_field_textp((void *)
		    (uintptr_t)src, f));
	else
		model_field_set_int(dst, f, model_field_int(src, f));
}

bool
model_field_same(const void *a, const void *b, const struct model_field *f)
{
	if (f->kind == MODEL_FIELD_TEXT)
		return strcmp(model_field_text(a, f), model_field_text(b,
		    f)) == 0;
	return model_field_int(a, f) == model_field_int(b, f);
}
