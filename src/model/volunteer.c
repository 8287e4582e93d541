/* SPDX-License-Identifier: ISC */
/* Volunteers and their unavailable periods. */
#include "rooster/model.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "model_int.h"

void
volunteer_init(struct volunteer *v)
{
	memset(v, 0, sizeof *v);
	v->active = true;
}

void
volunteer_fini(struct volunteer *v)
{
	/* Every text of a volunteer is one of volunteer_fields. */
	model_fields_free(v, volunteer_fields);
	volunteer_init(v);
}

void
volunteer_dup(struct volunteer *dst, const struct volunteer *src)
{
	*dst = *src;
	model_fields_dup(dst, volunteer_fields);
}

/* A plausible address: something@something.something, no spaces or controls. */
static bool
volunteer_email_ok(const char *s)
{
	const char *at = strchr(s, '@'), *p;

	if (at == NULL || at == s || strchr(at + 1, '@') != NULL ||
	    strchr(at, '.') == NULL || at[1] == '.' ||
	    s[strlen(s) - 1] == '.')
		return false;
	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || strchr("<>(),;:\"\\[]", *p))
			return false;
	return true;
}

#define VOLUNTEER_FIELD(name, field, ...) \
	{ .key = name, .offset = offsetof(struct volunteer, field), \
	  __VA_ARGS__ }

#define VOLUNTEER_TEXT(name, field, header, what_, nl, words, ...) \
	VOLUNTEER_FIELD(name, field, .label = header, .what = what_, \
	    .dutch = nl, .option = "--" name, .usage = words, \
	    .kind = MODEL_FIELD_TEXT, __VA_ARGS__)

const struct model_field volunteer_fields[] = {
	VOLUNTEER_TEXT("name", name, N_("NAME"), N_("name"), "naam",
	    N_("[--name N]"), .form = N_("Name"),
	    .flags = MODEL_FIELD_CONTACT),
	VOLUNTEER_TEXT("email", email, N_("E-MAIL"), N_("e-mail"), "e-mail",
	    N_("[--email E]"), .form = N_("E-mail"),
	    .flags = MODEL_FIELD_CONTACT),
	VOLUNTEER_TEXT("phone", phone, N_("PHONE"), N_("phone"), "telefoon",
	    N_("[--phone P]"), .form = N_("Phone"),
	    .flags = MODEL_FIELD_CONTACT),
	VOLUNTEER_TEXT("skills", skills, N_("SKILLS"), N_("skills"),
	    "vaardigheden", N_("[--skills a,b]"), .form = N_("Skills"),
	    .hint = N_("e.g. tolk,rijbewijs"), .list = true),
	VOLUNTEER_TEXT("languages", languages, N_("LANGUAGES"),
	    N_("languages"), "talen", N_("[--languages nl,ar]"),
	    .form = N_("Languages"), .hint = N_("e.g. nl,ar"), .list = true),
	VOLUNTEER_FIELD("max_per_month", max_per_month,
	    .label = N_("MAX/MONTH"), .what = N_("max-per-month"),
	    .dutch = "max-per-maand", .option = "--max-per-month",
	    .usage = N_("[--max-per-month N]"), .kind = MODEL_FIELD_INT,
	    .max = 1000, .form = N_("Max/month"), .hint = N_("no limit")),
	VOLUNTEER_TEXT("notes", notes, N_("NOTES"), N_("notes"), "notities",
	    N_("[--notes TEXT]"), .form = NULL),
	VOLUNTEER_FIELD("active", active, .label = N_("ACTIVE"),
	    .what = N_("active"), .dutch = "actief", .option = "--active",
	    .usage = N_("[--active yes|no]"), .kind = MODEL_FIELD_BOOL,
	    .max = 1),
	{ .key = NULL }
};

int
volunteer_validate(const struct volunteer *v, struct err *err)
{
	if (model_text_is_blank(v->name))
		return err_set(err, ERR_INVALID, _("volunteer name is empty"));
	if (model_fields_check_texts(v, volunteer_fields, err) < 0)
		return -1;
	if (v->email != NULL && *v->email != '\0' &&
	    !volunteer_email_ok(v->email))
		return err_set(err, ERR_INVALID,
		    _("invalid e-mail address '%s'"), v->email);
	if (v->max_per_month < 0 || v->max_per_month > 1000)
		return err_set(err, ERR_INVALID,
		    _("max-per-month must be a number from 0 (no limit) to "
		    "1000"));
	return 0;
}

struct volunteer *
volunteer_list_push(struct volunteer_list *list)
{
	struct volunteer *v = xarray_push(&list->items, &list->len,
	    &list->cap, sizeof *v);

	v->active = true;
	return v;
}

void
volunteer_list_free(struct volunteer_list *list)
{
	model_list_free(list->items, list->len, sizeof *list->items,
	    volunteer_fields);
	memset(list, 0, sizeof *list);
}

bool
volunteer_has_skill(const char *skills, const char *role)
{
	return shift_role_is_general(role) || text_list_has(skills, role);
}

/*
 * An event that asks for languages ("ar,ti") is held in them: a volunteer
 * who speaks at least one can take part.
 */
static bool
volunteer_speaks_any(const char *spoken, const char *asked)
{
	const char *p = asked, *it;
	char item[64];
	size_t n;
	bool any = false;

	while (text_list_next(&p, &it, &n)) {
		if (n >= sizeof item)
			continue;
		memcpy(item, it, n);
		item[n] = '\0';
		any = true;
		if (text_list_has(spoken, item))
			return true;
	}
	return !any;
}

bool
volunteer_speaks(const char *languages, const char *shift_language,
    const char *event_languages)
{
	if (shift_language != NULL && *shift_language != '\0')
		return text_list_has(languages, shift_language);
	return volunteer_speaks_any(languages, event_languages);
}

#define UNAVAILABLE_FIELD(name, field, ...) \
	{ .key = name, .offset = offsetof(struct unavailable, field), \
	  __VA_ARGS__ }

const struct model_field unavailable_fields[] = {
	UNAVAILABLE_FIELD("volunteer_id", volunteer_id,
	    .kind = MODEL_FIELD_ID),
	UNAVAILABLE_FIELD("start", start, .kind = MODEL_FIELD_TIME,
	    .column = "start_at"),
	UNAVAILABLE_FIELD("end", end, .kind = MODEL_FIELD_TIME,
	    .column = "end_at"),
	UNAVAILABLE_FIELD("reason", reason, .kind = MODEL_FIELD_TEXT),
	UNAVAILABLE_FIELD("source", source, .kind = MODEL_FIELD_TEXT),
	{ .key = NULL }
};

struct unavailable *
unavailable_list_push(struct unavailable_list *list)
{
	return xarray_push(&list->items, &list->len, &list->cap,
	    sizeof *list->items);
}

void
unavailable_list_free(struct unavailable_list *list)
{
	model_list_free(list->items, list->len, sizeof *list->items,
	    unavailable_fields);
	memset(list, 0, sizeof *list);
}
