/* SPDX-License-Identifier: ISC */
/*
 * int ops_conflicts(struct store *st, int64_t from, int64_t to,
 *     ops_conflict_fn *fn, void *arg, struct err *err);
 * On a generated plan full of forced assignments (some declined, some on
 * cancelled events), the one-pass audit reports exactly the assignments a
 * brute-force check over every pair finds: double bookings, too little
 * rest, monthly limits (by plan-zone month), unavailable periods, and
 * the skills and languages assign itself (plan_conflict_check) would
 * refuse: written with spaces, case and accents, so that the audit cannot
 * compare them another way than assign does. After random edits of
 * every kind (shifts moved or renamed, volunteers' words and limits,
 * unavailable periods, cancellations, the rest rule, undo) the conflict
 * state stored when they were written (migration 8) names exactly the
 * assignments brute force finds in conflict, and the audit still agrees.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "rooster/ops.h"

/* 2027-03-01 10:00 UTC: the month holds the spring clock change. */
#define CF_T0 INT64_C(1803981600)
#define CF_VOLUNTEERS 25
#define CF_SHIFTS 120
#define CF_REST 90

static uint32_t cf_seed = 777, cf_seed_words = 4242;

/*
 * Skills, languages and roles spelled as people type them. Drawn with
 * their own generator, so the times and bookings stay as they were.
 */
static const char *const cf_skills[] = {
	"", "tolk", " Tolk , kok", "eerste hulp", "Eerste Hulp, café",
	"eerstehulp", "CAFé", "kok,eerste  hulp"
};
static const char *const cf_roles[] = {
	"algemeen", "ALGEMEEN", "General", "algemeen", "algemeen", "tolk",
	"eerste hulp", "eerstehulp", "café", "Kok", "eerste  hulp"
};
static const char *const cf_languages[] = {
	"", "nl", "ar, NL", " ti ,Français", "français", "nl,ti"
};
static const char *const cf_shift_languages[] = {
	"", "", "", "", "ar", "NL", "français"
};
static const char *const cf_event_languages[] = {
	"", "", "", "", "nl, ar", "Ti", "FRANçAIS,ar"
};

#define CF_WORD(list) \
	((list)[cf_rand_words(sizeof (list) / sizeof (list)[0])])

static uint32_t
cf_rand_words(uint32_t n)
{
	cf_seed_words = cf_seed_words * 1103515245u + 12345u;
	return (cf_seed_words >> 8) % n;
}

static uint32_t
cf_rand(uint32_t n)
{
	cf_seed = cf_seed * 1103515245u + 12345u;
	return (cf_seed >> 8) % n;
}

/* What the audit said about one assignment: a bit per conflict kind. */
struct cf_seen {
	unsigned	 kinds[CF_SHIFTS + 1][CF_VOLUNTEERS + 1];
};

static int
cf_collect(const struct store_audit_row *row, const struct plan_conflict *c,
    void *arg)
{
	struct cf_seen *seen = arg;

	assert_true(row->shift.id >= 1 && row->shift.id <= CF_SHIFTS);
	assert_true(row->volunteer.id >= 1 &&
	    row->volunteer.id <= CF_VOLUNTEERS);
	assert_non_null(strstr(c->reason, row->volunteer.name));
	seen->kinds[row->shift.id][row->volunteer.id] |= 1u << c->kind;
	return 0;
}

/*
 * A plan of nshifts shifts in 60 days from CF_T0, each an event of its
 * own with up to four people: at random times, or (ordered) made in
 * order of start, as an import or a generated plan makes them.
 */
static struct store *
cf_plan_made(int nshifts, bool ordered)
{
	int rc_open;
	struct store *st = NULL;
	struct volunteer v;
	struct event ev;
	struct shift sh;
	struct unavailable u;
	struct err err;
	char name[32];
	int i, j;
	int64_t vid;

	assert_int_equal(store_open(":memory:", STORE_CREATE, &st, &err), 0);
	rc_open = ops_plan_open(st, &err);
	/* A new plan on a UTC system has no zone until init (issue 15). */
	assert_true(rc_open == 0 || rc_open == OPS_PLAN_ZONE_UNSET);
	assert_int_equal(ops_plan_init(st, "Europe/Amsterdam", NULL, &err), 0);
	assert_int_equal(ops_plan_rest(st, CF_REST, &err), 0);
	for (i = 0; i < CF_VOLUNTEERS; i++) {
		volunteer_init(&v);
		snprintf(name, sizeof name, "V%d", i + 1);
		v.name = xstrdup(name);
		v.max_per_month = cf_rand(3) == 0 ? 1 + (int)cf_rand(4) : 0;
		free(v.skills);
		v.skills = xstrdup(CF_WORD(cf_skills));
		free(v.languages);
		v.languages = xstrdup(CF_WORD(cf_languages));
		assert_int_equal(ops_volunteer_add(st, &v, &err), 0);
		volunteer_fini(&v);
		if (cf_rand(4) == 0) {
			memset(&u, 0, sizeof u);
			u.volunteer_id = i + 1;
			u.start = CF_T0 + (int64_t)cf_rand(60 * 24) * 1800;
			u.end = u.start + (1 + cf_rand(48)) * 3600;
			assert_int_equal(ops_volunteer_unavailable(st, &u,
			    &err), 0);
		}
	}
	for (i = 0; i < nshifts; i++) {
		event_init(&ev);
		ev.title = xstrdup("E");
		/* 60 days, half-hour grid: many overlaps and near misses. */
		ev.start = CF_T0 + (int64_t)cf_rand(60 * 48) * 1800;
		if (ordered)
			ev.start = CF_T0 + (int64_t)i * 60 * 48 / nshifts * 1800;
		ev.end = ev.start + (1 + (int64_t)cf_rand(8)) * 1800;
		free(ev.languages);
		ev.languages = xstrdup(CF_WORD(cf_event_languages));
		assert_int_equal(ops_event_add(st, &ev, &err), 0);
		shift_init(&sh);
		sh.event_id = ev.id;
		sh.role = xstrdup(CF_WORD(cf_roles));
		free(sh.language);
		sh.language = xstrdup(CF_WORD(cf_shift_languages));
		sh.needed = 5;
		assert_int_equal(ops_shift_add(st, &sh, false, &err), 0);
		assert_int_equal(sh.id, i + 1);
		for (j = 0; j < 4; j++) {
			vid = 1 + cf_rand(CF_VOLUNTEERS);
			if (ops_assign(st, sh.id, vid, true, NULL, &err) == 0 &&
			    cf_rand(8) == 0)
				assert_int_equal(ops_respond(st, sh.id, vid,
				    ASSIGNMENT_DECLINED, &err), 0);
		}
		if (cf_rand(15) == 0)
			assert_int_equal(ops_event_cancel(st, ev.id, &err), 0);
		shift_fini(&sh);
		event_fini(&ev);
	}
	return st;
}

static struct store *
cf_plan(void)
{
	return cf_plan_made(CF_SHIFTS, false);
}

struct cf_booking {
	int64_t	 shift;
	int64_t	 start;
	int64_t	 end;
};

static int
cf_booking_cmp(const void *pa, const void *pb)
{
	const struct cf_booking *a = pa, *b = pb;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->shift < b->shift ? -1 : a->shift > b->shift;
}

/*
 * The skill and language conflicts assign would find for volunteer v on
 * shift id: plan_conflict_check() on the stored shift and event alone.
 */
static unsigned
cf_words(struct store *st, const struct volunteer *v, int64_t id)
{
	struct plan_conflict_list found = { 0 };
	struct plan_candidate c = { 0 };
	struct shift sh;
	struct event ev;
	struct err err;
	unsigned kinds = 0;
	size_t i;

	assert_int_equal(store_shift_get(st, id, &sh, &err), 0);
	assert_int_equal(store_event_get(st, sh.event_id, &ev, &err), 0);
	c.shift = &sh;
	c.volunteer = v;
	c.event_languages = ev.languages;
	c.zone = "Europe/Amsterdam";
	(void)plan_conflict_check(&c, &found);
	for (i = 0; i < found.len; i++)
		if (found.items[i].kind == PLAN_CONFLICT_SKILL ||
		    found.items[i].kind == PLAN_CONFLICT_LANGUAGE)
			kinds |= 1u << found.items[i].kind;
	plan_conflict_list_free(&found);
	shift_fini(&sh);
	event_fini(&ev);
	return kinds;
}

/* The audit's first reason per assignment, as the screen should mark. */
struct cf_first {
	char	*reason[CF_SHIFTS + 1][CF_VOLUNTEERS + 1];
};

static int
cf_first(const struct store_audit_row *row, const struct plan_conflict *c,
    void *arg)
{
	struct cf_first *f = arg;
	char **slot = &f->reason[row->shift.id][row->volunteer.id];

	if (*slot == NULL)
		*slot = xstrdup(c->reason);
	return 0;
}

/* One shift's marks against the audit's first reasons; the marks freed. */
static size_t
cf_check_marks(const struct cf_first *f, int64_t sid,
    const struct assignment_list *people, char **reasons)
{
	size_t i, marked = 0;

	for (i = 0; i < people->len; i++) {
		int64_t vid = people->items[i].volunteer_id;
		const char *want = f->reason[sid][vid];

		if ((want == NULL) != (reasons[i] == NULL) ||
		    (want != NULL && strcmp(want, reasons[i]) != 0))
			fail_msg("shift %lld, volunteer %lld: marked '%s', "
			    "audit '%s'", (long long)sid, (long long)vid,
			    reasons[i] != NULL ? reasons[i] : "(none)",
			    want != NULL ? want : "(none)");
		marked += reasons[i] != NULL;
		free(reasons[i]);
		reasons[i] = NULL;
	}
	return marked;
}

/*
 * The screen's marks (ops_assign_judge, one shift at a time and every
 * shift in one call, as the pane asks for an event's) against the audit
 * of the whole plan (`rooster conflicts`): the same assignments, the same
 * first reason.
 */
static void
cf_compare_judge(struct store *st)
{
	struct cf_first *f = xcalloc(1, sizeof *f);
	struct shift_list shifts = { 0 }, one;
	struct assignment_list *people;
	struct err err;
	char ***reasons;
	int64_t sid;
	size_t i, marked = 0;

	assert_int_equal(ops_conflicts(st, 0, 0, cf_first, f, &err), 0);
	for (sid = 1; sid <= CF_SHIFTS; sid++) {
		struct shift *sh = shift_list_push(&shifts);

		if (store_shift_get(st, sid, sh, &err) < 0) {
			shift_fini(sh);
			shifts.len--;	/* deleted */
		}
	}
	people = xcalloc(shifts.len + 1, sizeof *people);
	reasons = xcalloc(shifts.len + 1, sizeof *reasons);
	for (i = 0; i < shifts.len; i++) {
		assert_int_equal(store_assignment_list_shift(st,
		    shifts.items[i].id, &people[i], &err), 0);
		reasons[i] = xcalloc(people[i].len + 1, sizeof **reasons);
	}
	for (i = 0; i < shifts.len; i++) {
		one.items = &shifts.items[i];
		one.len = one.cap = 1;
		assert_int_equal(ops_assign_judge(st, &one, &people[i],
		    &reasons[i], &err), 0);
		marked += cf_check_marks(f, shifts.items[i].id, &people[i],
		    reasons[i]);
	}
	assert_true(marked > 0);
	assert_int_equal(ops_assign_judge(st, &shifts, people, reasons, &err),
	    0);
	for (i = 0; i < shifts.len; i++) {
		marked -= cf_check_marks(f, shifts.items[i].id, &people[i],
		    reasons[i]);
		free(reasons[i]);
		assignment_list_free(&people[i]);
	}
	assert_true(marked == 0);
	free(reasons);
	free(people);
	shift_list_free(&shifts);
	for (sid = 1; sid <= CF_SHIFTS; sid++)
		for (i = 0; i <= CF_VOLUNTEERS; i++)
			free(f->reason[sid][i]);
	free(f);
}

/*
 * The audit over the whole plan against brute force, and the stored
 * conflict state against both; *words counts the assignments the skills
 * and languages decide. Returns the number in conflict.
 */
static size_t
cf_compare(struct store *st, int rest, size_t *words_out)
{
	struct cf_seen *seen = xcalloc(1, sizeof *seen);
	struct store_range all = { 0 };
	struct store_conflict_flag *flags = NULL;
	struct err err;
	int64_t vid, *dirty = NULL;
	size_t i, j, k, checked = 0, found = 0, words = 0, nflags = 0;
	size_t ndirty = 0;

	assert_int_equal(ops_conflicts(st, 0, 0, cf_collect, seen, &err), 0);
	/* What was stored when written: all judged, nothing stale. */
	assert_int_equal(store_conflict_dirty(st, &dirty, &ndirty, &err), 0);
	assert_int_equal(ndirty, 0);
	assert_int_equal(store_conflict_flags(st, &flags, &nflags, &err), 0);
	for (vid = 1; vid <= CF_VOLUNTEERS; vid++) {
		struct assignment_list list = { 0 };
		struct unavailable_list off = { 0 };
		struct cf_booking b[CF_SHIFTS];
		struct volunteer v;
		size_t n = 0;
		int64_t max_end;
		int month, prev_month = 0, in_month = 0;

		if (store_volunteer_get(st, vid, &v, &err) < 0)
			continue;	/* deleted */
		assert_int_equal(store_assignment_list_volunteer(st, vid, &all,
		    &list, &err), 0);
		assert_int_equal(store_unavailable_list(st, vid, &off, &err),
		    0);
		/* The list leaves out cancelled events; drop declined. */
		for (i = 0; i < list.len; i++)
			if (list.items[i].status != ASSIGNMENT_DECLINED) {
				b[n].shift = list.items[i].shift_id;
				b[n].start = list.items[i].start;
				b[n].end = list.items[i].end;
				n++;
			}
		qsort(b, n, sizeof b[0], cf_booking_cmp);
		for (i = 0; i < n; i++) {
			unsigned want = 0, got = seen->kinds[b[i].shift][vid];

			max_end = INT64_MIN;
			for (j = 0; j < i; j++)
				if (b[j].end > max_end)
					max_end = b[j].end;
			if (max_end > b[i].start)
				want |= 1u << PLAN_CONFLICT_OVERLAP;
			else if (max_end > b[i].start - rest * 60)
				want |= 1u << PLAN_CONFLICT_REST;
			month = rtime_month(b[i].start);
			if (month != prev_month)
				in_month = 0;
			prev_month = month;
			if (v.max_per_month > 0 && in_month >= v.max_per_month)
				want |= 1u << PLAN_CONFLICT_MONTHLY_LIMIT;
			in_month++;
			for (j = 0; j < off.len; j++)
				if (off.items[j].start < b[i].end &&
				    off.items[j].end > b[i].start)
					want |= 1u << PLAN_CONFLICT_UNAVAILABLE;
			want |= cf_words(st, &v, b[i].shift);
			words += (want & (1u << PLAN_CONFLICT_SKILL |
			    1u << PLAN_CONFLICT_LANGUAGE)) != 0;
			if (got != want)
				fail_msg("volunteer %lld, shift %lld: audit 0x%x, "
				    "brute force 0x%x", (long long)vid,
				    (long long)b[i].shift, got, want);
			if (want != 0) {
				bool stored = false;

				for (k = 0; k < nflags; k++)
					if (flags[k].volunteer_id == vid &&
					    flags[k].shift_id == b[i].shift) {
						stored = flags[k].start ==
						    b[i].start;
						flags[k].volunteer_id = 0;
					}
				if (!stored)
					fail_msg("volunteer %lld, shift %lld: "
					    "in conflict, not stored so",
					    (long long)vid,
					    (long long)b[i].shift);
			}
			seen->kinds[b[i].shift][vid] = 0;
			checked++;
			found += want != 0;
		}
		assignment_list_free(&list);
		unavailable_list_free(&off);
		volunteer_fini(&v);
	}
	/* Nothing reported about assignments that do not count. */
	for (i = 1; i <= CF_SHIFTS; i++)
		for (j = 1; j <= CF_VOLUNTEERS; j++)
			if (seen->kinds[i][j] != 0)
				fail_msg("audit reports shift %zu, volunteer %zu, "
				    "which should not count", i, j);
	for (k = 0; k < nflags; k++)
		if (flags[k].volunteer_id != 0)
			fail_msg("volunteer %lld, shift %lld stored in conflict,"
			    " but is not", (long long)flags[k].volunteer_id,
			    (long long)flags[k].shift_id);
	free(flags);
	cf_compare_judge(st);
	assert_true(found < checked);
	assert_true(words < checked);
	free(seen);
	*words_out = words;
	return found;
}

static void
test_audit_matches_brute_force(void **state)
{
	struct store *st = cf_plan();
	size_t words, found;

	(void)state;
	found = cf_compare(st, CF_REST, &words);
	assert_true(found > 10);
	/* The words decide some, not all. */
	assert_true(words > 10);
	store_close(st);
}

/* One random edit of the kind k through ops; the rest rule after it. */
static int
cf_edit(struct store *st, int k, int rest)
{
	struct assignment_list people = { 0 };
	struct volunteer v;
	struct shift sh;
	struct event ev;
	struct unavailable u;
	struct err err;
	int64_t sid = 1 + cf_rand(CF_SHIFTS), vid = 1 + cf_rand(CF_VOLUNTEERS);
	int64_t move, undone;

	switch (k) {
	case 0:		/* a shift moves (refused if it leaves its event) */
		if (store_shift_get(st, sid, &sh, &err) < 0)
			break;
		move = ((int64_t)cf_rand(9) - 4) * 1800;
		sh.start += move;
		sh.end += move + (int64_t)cf_rand(3) * 1800;
		(void)ops_shift_edit(st, &sh, cf_rand(2) == 0, &err);
		shift_fini(&sh);
		break;
	case 1:		/* a shift's role or language changes */
		if (store_shift_get(st, sid, &sh, &err) < 0)
			break;
		free(sh.role);
		sh.role = xstrdup(CF_WORD(cf_roles));
		free(sh.language);
		sh.language = xstrdup(CF_WORD(cf_shift_languages));
		(void)ops_shift_edit(st, &sh, cf_rand(2) == 0, &err);
		shift_fini(&sh);
		break;
	case 2:		/* a volunteer's skills, languages or limit */
		if (store_volunteer_get(st, vid, &v, &err) < 0)
			break;
		free(v.skills);
		v.skills = xstrdup(CF_WORD(cf_skills));
		free(v.languages);
		v.languages = xstrdup(CF_WORD(cf_languages));
		v.max_per_month = cf_rand(2) == 0 ? 1 + (int)cf_rand(3) : 0;
		assert_int_equal(ops_volunteer_edit(st, &v, &err), 0);
		volunteer_fini(&v);
		break;
	case 3:		/* an unavailable period over someone's shift */
		if (store_shift_get(st, sid, &sh, &err) < 0)
			break;
		assert_int_equal(store_assignment_list_shift(st, sid, &people,
		    &err), 0);
		memset(&u, 0, sizeof u);
		u.volunteer_id = people.len > 0 ?
		    people.items[0].volunteer_id : vid;
		u.start = sh.start - (int64_t)cf_rand(4) * 1800;
		u.end = sh.start + (1 + cf_rand(8)) * 1800;
		assert_int_equal(ops_volunteer_unavailable(st, &u, &err), 0);
		assignment_list_free(&people);
		shift_fini(&sh);
		break;
	case 4:		/* an event cancelled, or its languages changed */
		if (store_shift_get(st, sid, &sh, &err) < 0)
			break;
		if (cf_rand(2) == 0)
			(void)ops_event_cancel(st, sh.event_id, &err);
		else if (store_event_get(st, sh.event_id, &ev, &err) == 0) {
			free(ev.languages);
			ev.languages = xstrdup(CF_WORD(cf_event_languages));
			(void)ops_event_edit(st, &ev, &err);
			event_fini(&ev);
		}
		shift_fini(&sh);
		break;
	case 5:		/* someone assigned, unassigned, declining */
		if (cf_rand(3) == 0)
			(void)ops_unassign(st, sid, vid, &err);
		else if (cf_rand(2) == 0)
			(void)ops_respond(st, sid, vid, ASSIGNMENT_DECLINED,
			    &err);
		else
			(void)ops_assign(st, sid, vid, true, NULL, &err);
		break;
	case 6:		/* the rest rule */
		rest = (int)cf_rand(4) * 60;
		assert_int_equal(ops_plan_rest(st, rest, &err), 0);
		break;
	case 7:		/* a shift deleted, or the last change undone */
		if (cf_rand(2) == 0)
			(void)ops_shift_delete(st, sid, &err);
		else
			(void)ops_undo(st, &undone, &err);
		break;
	}
	return rest;
}

static void
test_audit_after_edits(void **state)
{
	struct store *st = cf_plan();
	struct err err;
	char *v;
	int round, i, rest = CF_REST;
	size_t found = 0, words;

	(void)state;
	for (round = 0; round < 12; round++) {
		for (i = 0; i < 6; i++)
			rest = cf_edit(st, (int)cf_rand(8), rest);
		/* An undo may have put the rest rule back. */
		v = store_setting_get(st, "rest_minutes");
		rest = v != NULL ? atoi(v) : 0;
		free(v);
		found += cf_compare(st, rest, &words);
	}
	assert_true(found > 100);
	(void)err;
	store_close(st);
}

/*
 * Volunteers changed by a write that did not judge them again (store
 * alone, as another program could): they stay marked, and the screen's
 * marks follow the rules as the audit does, not the stale flags.
 */
static void
test_judge_with_marked(void **state)
{
	struct store *st = cf_plan();
	struct volunteer v;
	struct err err;
	int64_t vid, *dirty = NULL;
	size_t ndirty = 0;

	(void)state;
	assert_int_equal(store_begin_write(st, &err), 0);
	for (vid = 1; vid <= CF_VOLUNTEERS; vid += 2) {
		assert_int_equal(store_volunteer_get(st, vid, &v, &err), 0);
		free(v.skills);
		v.skills = xstrdup(vid % 4 == 1 ? "" : "tolk,kok,eerste hulp,"
		    "café,algemeen,general");
		free(v.languages);
		v.languages = xstrdup(vid % 4 == 1 ? "" : "nl,ar,ti,français");
		v.max_per_month = vid % 3 == 0 ? 1 : 0;
		assert_int_equal(store_volunteer_update(st, &v, &err), 0);
		volunteer_fini(&v);
	}
	assert_int_equal(store_commit(st, &err), 0);
	assert_int_equal(store_conflict_dirty(st, &dirty, &ndirty, &err), 0);
	assert_true(ndirty > 0);
	free(dirty);
	cf_compare_judge(st);
	store_close(st);
}

/* The range keeps months whole: a limit counts shifts before --from. */
static void
test_audit_range_counts_month(void **state)
{
	struct store *st = cf_plan();
	struct cf_seen *whole = xcalloc(1, sizeof *whole);
	struct cf_seen *part = xcalloc(1, sizeof *part);
	int64_t from = CF_T0 + 20 * 86400, to = CF_T0 + 40 * 86400;
	struct shift sh;
	struct err err;
	size_t i, j;

	(void)state;
	assert_int_equal(ops_conflicts(st, 0, 0, cf_collect, whole, &err), 0);
	assert_int_equal(ops_conflicts(st, from, to, cf_collect, part, &err),
	    0);
	for (i = 1; i <= CF_SHIFTS; i++) {
		assert_int_equal(store_shift_get(st, (int64_t)i, &sh, &err), 0);
		for (j = 1; j <= CF_VOLUNTEERS; j++)
			if (sh.start >= from && sh.start < to)
				assert_int_equal(part->kinds[i][j],
				    whole->kinds[i][j]);
			else
				assert_int_equal(part->kinds[i][j], 0);
		shift_fini(&sh);
	}
	free(whole);
	free(part);
	store_close(st);
}

/* The rows an audit gives, as text; only those of vids (NULL: all). */
struct cf_rows {
	struct strbuf	 text;
	const int64_t	*vids;
	size_t		 nvids;
};

static const char *
cf_str(const char *s)
{
	return s != NULL ? s : "(null)";
}

static int
cf_row_line(const struct store_audit_row *r, void *arg)
{
	struct cf_rows *rows = arg;
	size_t i;

	for (i = 0; rows->vids != NULL && i < rows->nvids; i++)
		if (rows->vids[i] == r->volunteer.id)
			break;
	if (rows->vids != NULL && i == rows->nvids)
		return 0;
	strbuf_addf(&rows->text, "%lld %lld %lld-%lld %d %s|%s|%s|%s|%s|%s|"
	    "%s|%d %d %d|%lld %lld-%lld %s|%lld %lld-%lld %s\n",
	    (long long)r->volunteer.id, (long long)r->shift.id,
	    (long long)r->shift.start, (long long)r->shift.end, r->in_range,
	    cf_str(r->shift.role), cf_str(r->shift.language),
	    cf_str(r->shift.event_title), cf_str(r->event_languages),
	    cf_str(r->volunteer.name), cf_str(r->volunteer.skills),
	    cf_str(r->volunteer.languages), r->volunteer.max_per_month,
	    (int)r->assignment.status, r->assignment.forced,
	    (long long)r->previous.shift_id, (long long)r->previous.start,
	    (long long)r->previous.end, cf_str(r->previous.role),
	    (long long)r->off.id, (long long)r->off.start,
	    (long long)r->off.end, cf_str(r->off.reason));
	return 0;
}

/*
 * For ranges from day first on, of each length in days: the audit of
 * each volunteer alone and of all of them gives the rows the whole
 * plan's audit gives them, in the same order.
 */
static void
cf_some_as_whole(struct store *st, int first, int last, int step)
{
	static const int lengths[] = { 1, 7, 31, 90 };
	int64_t all[CF_VOLUNTEERS], from, to;
	struct cf_rows whole, some;
	struct err err;
	size_t k, i, n;
	int day;

	for (i = 0; i < CF_VOLUNTEERS; i++)
		all[i] = (int64_t)i + 1;
	for (day = first; day <= last; day += step)
		for (k = 0; k < sizeof lengths / sizeof lengths[0]; k++)
			for (i = 0; i <= CF_VOLUNTEERS; i++) {
				from = CF_T0 + (int64_t)day * 86400;
				to = from + (int64_t)lengths[k] * 86400;
				n = i < CF_VOLUNTEERS ? 1 : CF_VOLUNTEERS;
				memset(&whole, 0, sizeof whole);
				memset(&some, 0, sizeof some);
				strbuf_init(&whole.text);
				strbuf_init(&some.text);
				whole.vids = i < CF_VOLUNTEERS ? &all[i] : all;
				whole.nvids = n;
				assert_int_equal(store_audit_scan(st, from, to,
				    CF_REST, cf_row_line, &whole, &err), 0);
				assert_int_equal(store_audit_scan_some(st, from,
				    to, CF_REST, whole.vids, n, NULL, 0,
				    cf_row_line, &some, &err), 0);
				assert_string_equal(strbuf_str(&some.text),
				    strbuf_str(&whole.text));
				strbuf_fini(&whole.text);
				strbuf_fini(&some.text);
			}
}

/*
 * The audit of some volunteers reads the range's shifts once and each
 * volunteer's entries among them (ids sorted as made, or looked up by
 * id, in order or not), or past a few hundred shifts per volunteer
 * joins per volunteer: every way gives the whole audit's rows.
 */
static void
test_audit_some_as_whole(void **state)
{
	struct store *st;

	(void)state;
	st = cf_plan();
	cf_some_as_whole(st, -40, 62, 6);
	store_close(st);
	st = cf_plan_made(600, true);
	cf_some_as_whole(st, -40, 62, 8);
	store_close(st);
}

/* Every conflict as a line of text (arg: struct strbuf). */
static int
cf_conflict_line(const struct store_audit_row *r,
    const struct plan_conflict *c, void *arg)
{
	strbuf_addf(arg, "%lld %lld %d %d %s %lld %s\n",
	    (long long)r->shift.id, (long long)r->volunteer.id,
	    (int)r->assignment.status, r->assignment.forced,
	    plan_conflict_kind_name(c->kind), (long long)c->other_id,
	    c->reason);
	return 0;
}

/* Every conflict of the plan and of ranges in it, as text. */
static char *
cf_conflict_text(struct store *st)
{
	struct strbuf sb;
	struct err err;
	int64_t from;
	int day;

	strbuf_init(&sb);
	assert_int_equal(ops_conflicts(st, 0, 0, cf_conflict_line, &sb,
	    &err), 0);
	for (day = -10; day < 70; day += 9) {
		from = CF_T0 + (int64_t)day * 86400;
		strbuf_addf(&sb, "from day %d\n", day);
		assert_int_equal(ops_conflicts(st, from, from + 8 * 86400,
		    cf_conflict_line, &sb, &err), 0);
	}
	return strbuf_detach(&sb);
}

/*
 * A volunteer judged since their last edit is judged on the assignments
 * then found in conflict, their other ones only counting the month: the
 * same conflicts, with the same reasons, as judging them whole. Some
 * inactive volunteers have a monthly limit (which counts only the rows
 * that could break a rule), some a limit of one, written by store alone
 * so that all are judged whole first, then on their flags.
 */
static void
test_flags_judge_as_whole(void **state)
{
	struct store *st = cf_plan();
	struct volunteer v;
	struct err err;
	int64_t vid, *dirty = NULL;
	size_t ndirty = 0;
	char *whole, *flagged;

	(void)state;
	assert_int_equal(store_begin_write(st, &err), 0);
	for (vid = 1; vid <= CF_VOLUNTEERS; vid++) {
		assert_int_equal(store_volunteer_get(st, vid, &v, &err), 0);
		v.max_per_month = vid % 3 != 2 ? 1 + (int)(vid % 2) : 0;
		v.active = vid % 4 != 0;
		assert_int_equal(store_volunteer_update(st, &v, &err), 0);
		volunteer_fini(&v);
	}
	assert_int_equal(store_commit(st, &err), 0);
	assert_int_equal(store_conflict_dirty(st, &dirty, &ndirty, &err), 0);
	assert_int_equal(ndirty, CF_VOLUNTEERS);
	free(dirty);
	whole = cf_conflict_text(st);
	/* Any change through ops judges the marked again. */
	assert_int_equal(ops_plan_rest(st, CF_REST, &err), 0);
	assert_int_equal(store_conflict_dirty(st, &dirty, &ndirty, &err), 0);
	assert_int_equal(ndirty, 0);
	flagged = cf_conflict_text(st);
	assert_true(strlen(whole) > 2000);
	assert_string_equal(flagged, whole);
	free(whole);
	free(flagged);
	store_close(st);
}

/* The kinds of conflict found on shifts 1 and 2 (arg: unsigned[3]). */
static int
cf_month_collect(const struct store_audit_row *row,
    const struct plan_conflict *c, void *arg)
{
	unsigned *kinds = arg;

	if (row->shift.id >= 1 && row->shift.id <= 2)
		kinds[row->shift.id] |= 1u << c->kind;
	return 0;
}

/*
 * The monthly limit counts the plan's months, whatever zone the process
 * works in: Ana (one shift a month) on 10 March and on the evening of
 * 31 March in Amsterdam, which is already 1 April in Auckland. Both
 * assign and the audit must find the limit reached.
 */
static void
test_month_in_plan_zone(void **state)
{
	static const char *const when[2][2] = {
		{ "2027-03-10 10:00", "2027-03-10 12:00" },
		{ "2027-03-31 20:00", "2027-03-31 23:00" },
	};
	struct plan_conflict_list found = { 0 };
	unsigned kinds[3] = { 0, 0, 0 }, assign_kinds = 0;
	struct store *st;
	struct volunteer v;
	struct event ev;
	struct shift sh;
	struct err err;
	size_t k;
	int i, rc;

	(void)state;
	assert_int_equal(store_open(":memory:", STORE_CREATE, &st, &err), 0);
	rc = ops_plan_open(st, &err);
	assert_true(rc == 0 || rc == OPS_PLAN_ZONE_UNSET);
	assert_int_equal(ops_plan_init(st, "Europe/Amsterdam", NULL, &err), 0);
	volunteer_init(&v);
	v.name = xstrdup("Ana");
	v.max_per_month = 1;
	assert_int_equal(ops_volunteer_add(st, &v, &err), 0);
	volunteer_fini(&v);
	for (i = 0; i < 2; i++) {
		event_init(&ev);
		ev.title = xstrdup("E");
		assert_int_equal(rtime_parse_when(when[i][0], &ev.start, &err),
		    0);
		assert_int_equal(rtime_parse_when(when[i][1], &ev.end, &err),
		    0);
		assert_int_equal(ops_event_add(st, &ev, &err), 0);
		shift_init(&sh);
		sh.event_id = ev.id;
		sh.role = xstrdup("algemeen");
		sh.needed = 1;
		assert_int_equal(ops_shift_add(st, &sh, false, &err), 0);
		shift_fini(&sh);
		event_fini(&ev);
	}
	assert_int_equal(ops_assign(st, 1, 1, false, NULL, &err), 0);
	/* The process now works in Auckland, set both ways there are. */
	assert_int_equal(rtime_zone_set("Pacific/Auckland", &err), 0);
	setenv("TZ", "Pacific/Auckland", 1);
	tzset();
	assert_int_equal(ops_assign(st, 2, 1, false, &found, &err), -1);
	for (k = 0; k < found.len; k++)
		assign_kinds |= 1u << found.items[k].kind;
	plan_conflict_list_free(&found);
	assert_true(assign_kinds & (1u << PLAN_CONFLICT_MONTHLY_LIMIT));
	assert_non_null(strstr(err.msg, "2027-03"));
	assert_int_equal(ops_assign(st, 2, 1, true, NULL, &err), 0);
	assert_int_equal(ops_conflicts(st, 0, 0, cf_month_collect, kinds,
	    &err), 0);
	assert_true(kinds[2] & (1u << PLAN_CONFLICT_MONTHLY_LIMIT));
	assert_int_equal(rtime_zone_set("Europe/Amsterdam", &err), 0);
	store_close(st);
}

static int
cf_setup(void **state)
{
	(void)state;
	cf_seed = 777;
	cf_seed_words = 4242;
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_audit_matches_brute_force,
		    cf_setup),
		cmocka_unit_test_setup(test_audit_range_counts_month,
		    cf_setup),
		cmocka_unit_test_setup(test_audit_after_edits, cf_setup),
		cmocka_unit_test_setup(test_judge_with_marked, cf_setup),
		cmocka_unit_test_setup(test_audit_some_as_whole, cf_setup),
		cmocka_unit_test_setup(test_flags_judge_as_whole, cf_setup),
		cmocka_unit_test(test_month_in_plan_zone),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
