/* SPDX-License-Identifier: ISC */
/* Internals shared by the model's files. */
#ifndef ROOSTER_MODEL_INT_H
#define ROOSTER_MODEL_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "rooster/util.h"

/*
 * Make room for one more element of size bytes in *items (len used, *cap
 * allocated) and return a pointer to the new, zeroed slot.
 */
void *model_list_grow(void **items, size_t len, size_t *cap, size_t size);
struct model_field;
/*
 * Validate one text field: valid UTF-8, at most MODEL_TEXT_MAX bytes.
 * what names it untranslated (N_()); it is translated for the message.
 */
int model_text_check(const char *what, const char *s, struct err *err);
/*
 * model_text_check() every text field of rec that people type (those of
 * fields with a `what`, derived ones aside), in the table's order.
 */
int model_fields_check_texts(const void *rec, const struct model_field *fields,
    struct err *err);
/* True if s is NULL or holds only ASCII white space (" \t\n\v\f\r"). */
bool model_text_is_blank(const char *s);
/* names[v] of a NULL-ended list, or "?" (model_field.c). */
const char *model_names_name(const char *const *names, int v);
/* The index of s in names, or -1. */
int model_names_parse(const char *const *names, const char *s);
/* The names of enum event_status, NULL-ended (event.c). */
extern const char *const event_status_names[];
/* "filled/needed" and the marks of short and over into buf (shift.c). */
void model_staffing(int filled, int needed, bool is_short, bool over,
    char *buf, size_t size);

#endif /* ROOSTER_MODEL_INT_H */
