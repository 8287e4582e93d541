/* SPDX-License-Identifier: ISC */
/* Teams: a named group of volunteers that can be put on a shift together. */
#include "rooster/model.h"

#include <stdlib.h>
#include <string.h>

#include "model_int.h"

void
team_init(struct team *t)
{
	memset(t, 0, sizeof *t);
}

void
team_fini(struct team *t)
{
	free(t->name);
	free(t->member_names);
	team_init(t);
}

int
team_validate(const struct team *t, struct err *err)
{
	if (model_text_is_blank(t->name))
		return err_set(err, ERR_INVALID, _("team name is empty"));
	return model_text_check(N_("team name"), t->name, err);
}

struct team *
team_list_push(struct team_list *list)
{
	return xarray_push(&list->items, &list->len, &list->cap,
	    sizeof *list->items);
}

void
team_list_free(struct team_list *list)
{
	size_t i;

	for (i = 0; i < list->len; i++)
		team_fini(&list->items[i]);
	free(list->items);
	memset(list, 0, sizeof *list);
}
