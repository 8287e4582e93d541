/* SPDX-License-Identifier: ISC */
/* The growth step every list type shares, and common field checks. */
#include "rooster/model.h"

#include <stdlib.h>
#include <string.h>

#include "model_int.h"

void *
model_list_grow(void **items, size_t len, size_t *cap, size_t size)
{
	return xarray_push(items, &len, cap, size);
}

void
model_list_free(void *items, size_t len, size_t size,
    const struct model_field *fields)
{
	size_t i;

	for (i = 0; i < len; i++)
		model_fields_free((char *)items + i * size, fields);
	free(items);
}

void
model_fields_free(void *rec, const struct model_field *fields)
{
	char **p;

	for (; fields->key != NULL; fields++)
		if (fields->kind == MODEL_FIELD_TEXT) {
			p = model_field_slot(rec, fields);
			free(*p);
			*p = NULL;
		}
}

void
model_fields_dup(void *rec, const struct model_field *fields)
{
	char **p;

	for (; fields->key != NULL; fields++)
		if (fields->kind == MODEL_FIELD_TEXT) {
			p = model_field_slot(rec, fields);
			*p = xstrdup(*p);
		}
}

bool
model_text_is_blank(const char *s)
{
	if (s == NULL)
		return true;
	while (*s != '\0' && strchr(" \t\n\v\f\r", *s) != NULL)
		s++;
	return *s == '\0';
}

int
model_text_check(const char *what, const char *s, struct err *err)
{
	if (s == NULL)
		return 0;
	/* what is translated only when it is said (a bulk import checks
	 * 50,000 fields a second). */
	if (strlen(s) > MODEL_TEXT_MAX)
		return err_set(err, ERR_INVALID,
		    _("%s is too long (%zu bytes; at most %d)"), _(what),
		    strlen(s),
		    MODEL_TEXT_MAX);
	if (!text_is_utf8(s))
		return err_set(err, ERR_INVALID,
		    _("%s is not valid UTF-8 text"), _(what));
	return 0;
}

int
model_fields_check_texts(const void *rec, const struct model_field *fields,
    struct err *err)
{
	for (; fields->key != NULL; fields++)
		if (fields->kind == MODEL_FIELD_TEXT && fields->what != NULL &&
		    (fields->flags & MODEL_FIELD_DERIVED) == 0 &&
		    model_text_check(fields->what, *model_field_slot((void *)
		    (uintptr_t)rec, fields), err) < 0)
			return -1;
	return 0;
}
