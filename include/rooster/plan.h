/* SPDX-License-Identifier: ISC */
/*
 * plan: the domain rules. Takes model structs, answers questions ("these
 * overlap", "this shift needs two more people"). No SQLite, libical or
 * curses: everything here is tested from tables of plain structs.
 */
#ifndef ROOSTER_PLAN_H
#define ROOSTER_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "rooster/model.h"

/* plan_conflict.c */

enum plan_conflict_kind {
	PLAN_CONFLICT_OVERLAP = 0,	/* double-booked */
	PLAN_CONFLICT_UNAVAILABLE,	/* in an unavailable period */
	PLAN_CONFLICT_MONTHLY_LIMIT,	/* max shifts per month reached */
	PLAN_CONFLICT_REST,		/* too little rest between shifts */
	PLAN_CONFLICT_SKILL,		/* role not among the skills */
	PLAN_CONFLICT_LANGUAGE		/* does not speak the language needed */
};

struct plan_conflict {
	enum plan_conflict_kind	kind;
	int64_t			other_id;	/* other shift or period, or 0 */
	char			reason[256];	/* one line, names the other */
};

struct plan_conflict_list {
	struct plan_conflict	*items;
	size_t			 len;
	size_t			 cap;
};

/* Everything plan needs to judge one volunteer on one shift. */
struct plan_candidate {
	const struct shift		*shift;		/* the shift to fill */
	const struct volunteer		*volunteer;
	const struct assignment_list	*booked;	/* the volunteer's other
							   non-declined assignments
							   (start/end filled) */
	const struct unavailable_list	*unavailable;
	int				 rest_minutes;	/* 0: rule off */
};

/*
 * Append to out every conflict of putting c->volunteer on c->shift, each
 * with a one-line reason. Returns the number appended. Assignments in
 * booked that are on c->shift itself are ignored.
 */
size_t plan_conflict_check(const struct plan_candidate *c,
    struct plan_conflict_list *out);
const char *plan_conflict_kind_name(enum plan_conflict_kind kind);
void plan_conflict_list_free(struct plan_conflict_list *list);

#endif /* ROOSTER_PLAN_H */
