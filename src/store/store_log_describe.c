/* SPDX-License-Identifier: ISC */
/*
 * A log line as a reader wants it: in their language, naming people,
 * shifts and events, not ids ("Fatima van dienst begeleider – Taalcafé
 * 5 jan gehaald"). The stored summary stays as it was written (English,
 * for scripts and the json); this reads the line's row images and the
 * tables as they are now, and falls back to the stored summary where
 * neither knows enough.
 */
#include "rooster/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* What a line is about, from its own rows. */
struct store_log_about {
	int64_t	 volunteer_id;
	int64_t	 shift_id;
	int64_t	 team_id;
	char	*status;	/* the assignment's status after, or "" */
	char	*attendance;	/* the assignment's attendance after, or "" */
	int	 forced;
};

static void
store_log_describe_about(struct store *st, int64_t change_id,
    struct store_log_about *ab)
{
	static const char sql[] = "SELECT json_extract(coalesce(after, "
	    "before), '$.volunteer_id'), json_extract(coalesce(after, before), "
	    "'$.shift_id'), json_extract(coalesce(after, before), "
	    "'$.team_id'), json_extract(after, '$.status'), "
	    "json_extract(after, '$.attendance'), json_extract(after, "
	    "'$.forced') FROM change_rows WHERE change_id = ?1 AND tbl IN "
	    "('assignments', 'team_members', 'unavailable') ORDER BY id "
	    "LIMIT 1";
	sqlite3_stmt *stmt;
	struct err err;

	memset(ab, 0, sizeof *ab);
	if ((stmt = store_stmt(st, sql, &err)) == NULL)
		return;
	sqlite3_bind_int64(stmt, 1, change_id);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		ab->volunteer_id = sqlite3_column_int64(stmt, 0);
		ab->shift_id = sqlite3_column_int64(stmt, 1);
		ab->team_id = sqlite3_column_int64(stmt, 2);
		ab->status = store_col_text(stmt, 3);
		ab->attendance = store_col_text(stmt, 4);
		ab->forced = sqlite3_column_int(stmt, 5);
	}
	sqlite3_reset(stmt);
}

/*
 * Column 0 of sql's first row for id as text (NULL when there is none
 * or it is NULL), and columns 1 to n of the same row as integers into
 * nums.
 */
static char *
store_log_describe_row(struct store *st, const char *sql, int64_t id,
    int64_t *nums, int n)
{
	sqlite3_stmt *stmt = id > 0 ? store_query(st, NULL, sql, "i", id) :
	    NULL;
	char *s = NULL;
	int i;

	if (stmt == NULL)
		return NULL;
	if (sqlite3_step(stmt) == SQLITE_ROW &&
	    sqlite3_column_type(stmt, 0) != SQLITE_NULL) {
		s = store_col_text(stmt, 0);
		for (i = 0; i < n; i++)
			nums[i] = sqlite3_column_int64(stmt, i + 1);
	}
	sqlite3_reset(stmt);
	return s;
}

/*
 * Column 0 of sql's first row for id: the table as it is now, else the
 * last image the log kept of it. NULL when neither has it. Things
 * neither knows are named "#id".
 */
static char *
store_log_describe_text(struct store *st, const char *sql, int64_t id)
{
	return store_log_describe_row(st, sql, id, NULL, 0);
}

/* The name of row ?1 of table: as it is now, else as the log last kept it. */
#define STORE_LOG_DESCRIBE_NAME(table) \
	"SELECT name FROM " table " WHERE id = ?1 UNION ALL SELECT * FROM " \
	"(SELECT json_extract(coalesce(after, before), '$.name') FROM " \
	"change_rows WHERE tbl = '" table "' AND row_id = ?1 ORDER BY id " \
	"DESC LIMIT 1)"

static const char store_log_describe_volunteer_sql[] =
    STORE_LOG_DESCRIBE_NAME("volunteers");
static const char store_log_describe_team_sql[] =
    STORE_LOG_DESCRIBE_NAME("teams");

/* The name sql (one of the two above) gives for id, else "#id". */
static char *
store_log_describe_name(struct store *st, const char *sql, int64_t id)
{
	char *s = store_log_describe_text(st, sql, id);

	return s != NULL ? s : xasprintf("#%lld", (long long)id);
}

/* "5 Jan" in the reader's language. */
static void
store_log_describe_day(int64_t t, char *buf, size_t size)
{
	/* TRANSLATORS: strftime format of a day in the history ("5 Jan"). */
	/* xgettext:no-c-format */
	rtime_format(t, _("%-d %b"), buf, size);
}

/* "Taalcafé 5 Jan". */
static char *
store_log_describe_event(struct store *st, int64_t id)
{
	static const char sql[] = "SELECT title, start_at FROM events WHERE "
	    "id = ?1 UNION ALL SELECT * FROM (SELECT json_extract(i, "
	    "'$.title'), json_extract(i, '$.start_at') FROM (SELECT "
	    "coalesce(after, before) AS i, id FROM change_rows WHERE tbl = "
	    "'events' AND row_id = ?1 ORDER BY id DESC LIMIT 1))";
	char day[32], *title, *s;
	int64_t start = 0;

	if ((title = store_log_describe_row(st, sql, id, &start, 1)) == NULL)
		return xasprintf("#%lld", (long long)id);
	store_log_describe_day(start, day, sizeof day);
	s = xasprintf("%s %s", title, day);
	free(title);
	return s;
}

/* "begeleider – Taalcafé 5 jan". */
static char *
store_log_describe_shift(struct store *st, int64_t id)
{
	static const char sql[] = "SELECT role, event_id, start_at FROM "
	    "shifts WHERE id = ?1 UNION ALL SELECT * FROM (SELECT "
	    "json_extract(i, '$.role'), json_extract(i, '$.event_id'), "
	    "json_extract(i, '$.start_at') FROM (SELECT coalesce(after, "
	    "before) AS i, id FROM change_rows WHERE tbl = 'shifts' AND "
	    "row_id = ?1 ORDER BY id DESC LIMIT 1))";
	static const char sql_title[] = "SELECT title FROM events WHERE "
	    "id = ?1 UNION ALL SELECT * FROM (SELECT json_extract("
	    "coalesce(after, before), '$.title') FROM change_rows WHERE "
	    "tbl = 'events' AND row_id = ?1 ORDER BY id DESC LIMIT 1)";
	char day[32], *role, *title, *s;
	int64_t nums[2] = { 0, 0 };	/* event id, start */

	if ((role = store_log_describe_row(st, sql, id, nums, 2)) == NULL)
		return xasprintf("#%lld", (long long)id);
	store_log_describe_day(nums[1], day, sizeof day);
	title = store_log_describe_text(st, sql_title, nums[0]);
	s = title != NULL ? xasprintf("%s \u2013 %s %s", role, title, day) :
	    xasprintf("%s %s", role, day);
	free(title);
	free(role);
	return s;
}

/* The sentence for one action on one thing named what; NULL if none. */
static char *
store_log_describe_thing(const char *action, const char *what)
{
	static const struct {
		const char	*action;
		const char	*fmt;
	} forms[] = {
		{ "event add", N_("event %s added") },
		{ "event edit", N_("event %s changed") },
		{ "event cancel", N_("event %s cancelled") },
		{ "event delete", N_("event %s deleted") },
		{ "event copy", N_("event %s made as a copy") },
		{ "shift add", N_("shift %s added") },
		{ "shift edit", N_("shift %s changed") },
		{ "shift delete", N_("shift %s deleted") },
		{ "volunteer add", N_("volunteer %s added") },
		{ "volunteer edit", N_("volunteer %s changed") },
		{ "volunteer delete", N_("volunteer %s deleted") },
		{ "volunteer unavailable", N_("%s unavailable for a period") },
		{ "volunteer available", N_("a period %s was unavailable "
		    "removed") },
		{ "team add", N_("team %s added") },
		{ "team delete", N_("team %s deleted") },
		{ "token", N_("new calendar feed name for %s") },
		{ "token rotate", N_("new calendar feed name for %s") },
	};
	size_t i;

	for (i = 0; i < sizeof forms / sizeof forms[0]; i++)
		if (strcmp(action, forms[i].action) == 0)
			return xasprintf(_(forms[i].fmt), what);
	return NULL;
}

/* The sentence for a volunteer and a shift or team; NULL if none. */
static char *
store_log_describe_person(const char *action,
    const struct store_log_about *ab, const char *who, const char *where)
{
	if (strcmp(action, "assign") == 0)
		return xasprintf(ab->forced ? _("%s put on shift %s (forced)") :
		    _("%s put on shift %s"), who, where);
	if (strcmp(action, "unassign") == 0)
		return xasprintf(_("%s taken off shift %s"), who, where);
	if (strcmp(action, "note") == 0)
		return xasprintf(_("note for %s on shift %s"), who, where);
	if (strcmp(action, "respond") == 0) {
		if (strcmp(ab->status, "accepted") == 0)
			return xasprintf(_("%s accepted shift %s"), who, where);
		if (strcmp(ab->status, "declined") == 0)
			return xasprintf(_("%s declined shift %s"), who, where);
		return xasprintf(_("%s may do shift %s (tentative)"), who,
		    where);
	}
	if (strcmp(action, "attended") == 0)
		return xasprintf(strcmp(ab->attendance, "no-show") == 0 ?
		    _("%s did not come to shift %s") :
		    _("%s was at shift %s"), who, where);
	if (strcmp(action, "team join") == 0)
		return xasprintf(_("%s added to team %s"), who, where);
	if (strcmp(action, "team leave") == 0)
		return xasprintf(_("%s taken out of team %s"), who, where);
	return NULL;
}

/*
 * Lines whose sentence needs what only the stored summary holds (counts,
 * a path, a zone): read it back, as it is written in ops. NULL if it does
 * not read as expected.
 */
static char *
store_log_describe_summary(const char *action, const char *summary,
    const char *what)
{
	unsigned long a, b, c, d;
	char from[64], to[64];
	const char *p;

	if (strcmp(action, "import csv") == 0 && what != NULL)
		return strncmp(summary, "added ", 6) == 0 ?
		    xasprintf(_("volunteer %s added from a spreadsheet"),
		    what) : xasprintf(_("volunteer %s updated from a "
		    "spreadsheet"), what);
	if (strcmp(action, "invite") == 0 && what != NULL &&
	    sscanf(summary, "%lu invitation", &a) == 1)
		return xasprintf(strstr(summary, " sent") != NULL ?
		    ngettext("%lu invitation message sent for event %s",
		    "%lu invitation messages sent for event %s", a) :
		    ngettext("%lu invitation message written for event %s",
		    "%lu invitation messages written for event %s", a), a,
		    what);
	if (strcmp(action, "invite") == 0 &&
	    sscanf(summary, "%lu invitation", &a) == 1)
		return xasprintf(strstr(summary, " sent") != NULL ?
		    ngettext("%lu invitation message sent",
		    "%lu invitation messages sent", a) :
		    ngettext("%lu invitation message written",
		    "%lu invitation messages written", a), a);
	/* Both names from the summary: the team's name now may be a later
	 * one (renamed again, or this rename undone). */
	if (strcmp(action, "team rename") == 0 &&
	    strncmp(summary, "renamed team '", 14) == 0 &&
	    (p = strstr(summary + 14, "' to '")) != NULL &&
	    summary[strlen(summary) - 1] == '\'' && p + 6 < summary +
	    strlen(summary) - 1)
		return xasprintf(_("team %.*s renamed to %.*s"),
		    (int)(p - summary - 14), summary + 14,
		    (int)(strlen(p + 6) - 1), p + 6);
	if (strcmp(action, "offer") == 0 && what != NULL && sscanf(summary,
	    "shift %*d offered to %lu", &a) == 1)
		return xasprintf(ngettext("shift %s offered to %lu volunteer",
		    "shift %s offered to %lu volunteers", a), what, a);
	if (strcmp(action, "import mail") == 0 &&
	    strcmp(summary, "offers settled by replies") == 0)
		return xstrdup(_("offers settled by the replies"));
	if (strcmp(action, "demo") == 0 && sscanf(summary, "demo plan: %lu "
	    "events, %lu volunteers, %lu teams", &a, &b, &c) == 3)
		return xasprintf(_("demo plan: %lu events, %lu volunteers, "
		    "%lu teams"), a, b, c);
	if (strcmp(action, "import ics") == 0 && sscanf(summary,
	    "%lu added, %lu updated, %lu replies", &a, &b, &c) == 3) {
		if (sscanf(summary, "%*u added, %*u updated, %*u replies, "
		    "%lu free/busy", &d) != 1)
			d = 0;
		return xasprintf(_("calendar read: %lu added, %lu updated, "
		    "%lu replies, %lu free/busy"), a, b, c, d);
	}
	if (strcmp(action, "restore") == 0 &&
	    strncmp(summary, "restored the plan from ", 23) == 0)
		return xasprintf(_("plan restored from %s"), summary + 23);
	if (strcmp(action, "timezone") == 0 && sscanf(summary,
	    "zone %63s -> %63[^,]", from, to) == 2)
		return xasprintf(_("time zone %s changed to %s, local times "
		    "kept"), from, to);
	if (strcmp(action, "volunteer forget") == 0)
		return xstrdup(_("a volunteer forgotten"));
	if (strcmp(action, "init") == 0 && sscanf(summary, "at least %lu "
	    "min rest", &a) == 1)
		return xasprintf(_("at least %lu minutes of rest between "
		    "shifts"), a);
	if (strcmp(action, "init") == 0 && strcmp(summary, "rest rule off") ==
	    0)
		return xstrdup(_("no rest asked between shifts"));
	if (strcmp(action, "init") == 0 && sscanf(summary, "zone %63[^,], "
	    "name %63[^\n]", from, to) == 2)
		return xasprintf(_("plan set up: time zone %s, name %s"),
		    strcmp(from, "(kept)") == 0 ? _("unchanged") : from,
		    strcmp(to, "(kept)") == 0 ? _("unchanged") : to);
	if (strcmp(action, "init") == 0 &&
	    strncmp(summary, "language ", 9) == 0) {
		p = summary + 9;
		return xasprintf(_("mails in %s"), strcmp(p, "nl") == 0 ?
		    _("Dutch") : strcmp(p, "en") == 0 ? _("English") : p);
	}
	return NULL;
}

static char *
store_log_describe_depth(struct store *st, const struct store_log_entry *e,
    int depth)
{
	struct store_log_filter f = { 0 };
	struct store_log_list found = { 0 };
	struct store_log_about ab;
	struct err err;
	char *who = NULL, *where = NULL, *what = NULL, *s = NULL, *inner;
	const char *action = e->action != NULL ? e->action : "";

	if (!st->history)
		return xstrdup(e->summary != NULL ? e->summary : "");
	if (strcmp(action, "undo") == 0 && e->undoes > 0 && depth == 0) {
		f.id = e->undoes;
		f.limit = 1;
		err_clear(&err);
		if (store_log_find(st, &f, &found, &err) == 0 &&
		    found.len == 1) {
			inner = store_log_describe_depth(st, &found.items[0],
			    depth + 1);
			s = xasprintf(_("undid: %s"), inner);
			free(inner);
		}
		store_log_list_free(&found);
		return s != NULL ? s : xstrdup(e->summary);
	}
	store_log_describe_about(st, e->id, &ab);
	if (ab.volunteer_id > 0 && (ab.shift_id > 0 || ab.team_id > 0)) {
		who = store_log_describe_name(st,
		    store_log_describe_volunteer_sql, ab.volunteer_id);
		where = ab.shift_id > 0 ?
		    store_log_describe_shift(st, ab.shift_id) :
		    store_log_describe_name(st,
		    store_log_describe_team_sql, ab.team_id);
		s = store_log_describe_person(action, &ab, who, where);
	}
	if (s == NULL) {
		/* invite without --event logs event 0: every event. */
		if (strcmp(e->entity, "event") == 0 && e->entity_id > 0)
			what = store_log_describe_event(st, e->entity_id);
		else if (strcmp(e->entity, "shift") == 0)
			what = store_log_describe_shift(st, e->entity_id);
		else if (strcmp(e->entity, "volunteer") == 0)
			what = store_log_describe_name(st,
			    store_log_describe_volunteer_sql, e->entity_id);
		else if (strcmp(e->entity, "team") == 0)
			what = store_log_describe_name(st,
			    store_log_describe_team_sql, e->entity_id);
		if (what != NULL)
			s = store_log_describe_thing(action, what);
		if (s == NULL)
			s = store_log_describe_summary(action, e->summary,
			    what);
	}
	free(who);
	free(where);
	free(what);
	free(ab.status);
	free(ab.attendance);
	return s != NULL ? s : xstrdup(e->summary != NULL ? e->summary : "");
}

char *
store_log_describe(struct store *st, const struct store_log_entry *e)
{
	return store_log_describe_depth(st, e, 0);
}
