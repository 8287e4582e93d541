/* SPDX-License-Identifier: ISC */
/* The plan as a whole: its settings, its zone, and the transaction frame. */
#include "rooster/ops.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ops_int.h"

int
ops_finish(struct store *st, int rc, struct err *err)
{
	if (rc != 0 || ops_conflict_settle(st, err) < 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st, err);
}

int
ops_log(struct store *st, int rc, struct err *err, const char *action,
    const char *entity, int64_t id, const char *fmt, ...)
{
	va_list ap;
	char *summary;

	if (rc != 0)
		return rc;
	va_start(ap, fmt);
	summary = xvasprintf(fmt, ap);
	va_end(ap);
	rc = store_log_append(st, action, entity, id, summary, err);
	free(summary);
	return rc;
}

char *
ops_uid_new(struct store *st, const char *kind)
{
	char hex[33], *domain, *uid;

	random_hex(hex, 16);
	domain = store_setting_get(st, "uid_domain");
	uid = xasprintf("%s-%s@%s", kind, hex, domain != NULL && *domain ?
	    domain : "rooster.invalid");
	free(domain);
	return uid;
}

/* The host name as a UID domain: letters, digits, dots and dashes only. */
static void
ops_plan_domain(char *buf, size_t size)
{
	char host[256];
	size_t i;

	if (gethostname(host, sizeof host) != 0 || host[0] == '\0')
		snprintf(host, sizeof host, "rooster.invalid");
	host[sizeof host - 1] = '\0';
	for (i = 0; host[i] != '\0'; i++)
		if (!((host[i] >= 'a' && host[i] <= 'z') ||
		    (host[i] >= 'A' && host[i] <= 'Z') ||
		    (host[i] >= '0' && host[i] <= '9') || host[i] == '.' ||
		    host[i] == '-'))
			host[i] = '-';
	snprintf(buf, size, "%s", host);
}

int
ops_plan_open(struct store *st, struct err *err)
{
	char zone[128], domain[256], *stored, *clean, *set_up;
	bool local;
	int rc = 0;

	stored = store_setting_get(st, "time_zone");
	set_up = stored != NULL ? NULL : store_setting_get(st, "uid_domain");
	if (stored == NULL && set_up == NULL && !store_is_readonly(st)) {
		/*
		 * A new plan: the system's zone, unless the server says
		 * UTC, which tells nothing of where the plan lives (the
		 * screen asks, commands name `init --timezone`).
		 */
		rtime_system_zone(zone, sizeof zone);
		local = !rtime_zone_is_utc(zone);
		ops_plan_domain(domain, sizeof domain);
		if (store_begin_write(st, err) < 0)
			return -1;
		/* Another process may have set it up meanwhile. */
		stored = store_setting_get(st, "time_zone");
		set_up = store_setting_get(st, "uid_domain");
		if (stored == NULL && set_up == NULL)
			rc = (local && store_setting_set(st, "time_zone", zone,
			    err) < 0) ||
			    store_setting_set(st, "uid_domain", domain, err) < 0 ||
			    store_setting_set(st, "name", "rooster", err) < 0 ?
			    -1 : 0;
		if (ops_finish(st, rc, err) < 0) {
			free(stored);
			free(set_up);
			return -1;
		}
		if (stored == NULL && set_up == NULL && local)
			stored = xstrdup(zone);
	}
	free(set_up);
	if (stored == NULL) {
		err_set(err, ERR_CONFLICT, _("the plan has no time zone yet: "
		    "set it with 'rooster init --timezone Europe/Amsterdam' "
		    "(your zone)"));
		rtime_zone_set("UTC", NULL);
		return OPS_PLAN_ZONE_UNSET;
	}
	if (stored != NULL && !rtime_zone_is_valid(stored)) {
		clean = text_sanitize(stored);
		err_set(err, ERR_SCHEMA, _("the plan's time zone '%.60s' is "
		    "missing from this system: install it (apt-get install "
		    "tzdata-legacy) or choose a current name with 'rooster "
		    "init --timezone ZONE'"), clean);
		free(clean);
		free(stored);
		rtime_zone_set("UTC", NULL);
		return OPS_PLAN_ZONE_MISSING;
	}
	rc = rtime_zone_set(stored, err);
	free(stored);
	return rc;
}

static int
ops_plan_count_events(struct store *st, struct err *err)
{
	struct store_range range = { .limit = 1 };
	struct event_list list = { 0 };
	int n;

	if (store_event_list(st, &range, &list, err) < 0)
		return -1;
	n = (int)list.len;
	event_list_free(&list);
	return n;
}

/* Every local time typed in zone from becomes the same local time in to. */
static int
ops_plan_rezone(struct store *st, const char *from, const char *to,
    struct err *err)
{
	struct store_times t = { 0 };
	int64_t *v;
	size_t i, j, n = 0;
	int rc;

	if (store_times_get(st, &t, err) < 0) {
		store_times_free(&t);
		return -1;
	}
	v = xreallocarray(NULL, t.len * 3 + 1, sizeof *v);
	for (i = 0; i < t.len; i++)
		for (j = 0; j < 3; j++)
			v[n++] = t.items[i].at[j];
	rc = rtime_wall_move(v, n, from, to, err);
	for (i = 0, n = 0; rc == 0 && i < t.len; i++)
		for (j = 0; j < 3; j++, n++)
			if (t.items[i].at[j] != 0)
				t.items[i].at[j] = v[n];
	if (rc == 0)
		rc = store_times_put(st, &t, err);
	/* Until the commit, times are read in the old zone. */
	rtime_zone_set(from, NULL);
	free(v);
	store_times_free(&t);
	return rc;
}

int
ops_plan_init(struct store *st, const char *zone, const char *name,
    struct err *err)
{
	char *current = NULL;
	int rc = -1, events;
	bool rezoned = false;

	if (zone != NULL && !rtime_zone_is_valid(zone))
		return rtime_zone_set(zone, err);
	if (name != NULL && (*name == '\0' || !text_is_utf8(name)))
		return err_set(err, ERR_INVALID, _("plan name is empty or not "
		    "UTF-8 text"));
	if (store_begin_write(st, err) < 0)
		return -1;
	current = store_setting_get(st, "time_zone");
	if (zone != NULL && (current == NULL || strcmp(current, zone) != 0)) {
		if ((events = ops_plan_count_events(st, err)) < 0)
			goto out;
		/*
		 * A plan that holds events keeps their local wall-clock
		 * times: 18:00 stays 18:00 in the new zone (a plan made in
		 * UTC by mistake is mended in one command). A zone gone from
		 * tzdata cannot be read, so its times stay as instants.
		 */
		/* The setting first: its upsert's triggers would collide
		 * with the marks the moved shifts leave in conflict_dirty. */
		if (store_setting_set(st, "time_zone", zone, err) < 0)
			goto out;
		if (events > 0 && current != NULL &&
		    rtime_zone_is_valid(current)) {
			if (ops_plan_rezone(st, current, zone, err) < 0)
				goto out;
			rezoned = true;
		}
	}
	if (name != NULL && store_setting_set(st, "name", name, err) < 0)
		goto out;
	/* ops_undo() reads the old zone back from this summary. */
	if (rezoned)
		rc = ops_log(st, 0, err, "timezone", "plan", 0,
		    "zone %s -> %s, local times kept", current, zone);
	else
		rc = ops_log(st, 0, err, "init", "plan", 0, "zone %s, name %s",
		    zone ? zone : "(kept)", name ? name : "(kept)");
out:
	free(current);
	if (ops_finish(st, rc, err) < 0)
		return -1;
	if (zone != NULL)
		return rtime_zone_set(zone, err);
	return 0;
}

int
ops_plan_rest(struct store *st, int minutes, struct err *err)
{
	char value[16];
	int rc;

	if (minutes < 0 || minutes > OPS_PLAN_REST_MAX)
		return err_set(err, ERR_INVALID, _("rest must be 0 (off) to %d "
		    "minutes"), OPS_PLAN_REST_MAX);
	if (store_begin_write(st, err) < 0)
		return -1;
	snprintf(value, sizeof value, "%d", minutes);
	rc = store_setting_set(st, "rest_minutes", value, err);
	if (minutes > 0)
		rc = ops_log(st, rc, err, "init", "plan", 0,
		    "at least %d min rest between shifts", minutes);
	else
		rc = ops_log(st, rc, err, "init", "plan", 0, "rest rule off");
	return ops_finish(st, rc, err);
}

int
ops_plan_rest_minutes(struct store *st)
{
	char *v = store_setting_get(st, "rest_minutes");
	int n = v != NULL ? atoi(v) : 0;

	free(v);
	return n > 0 && n <= OPS_PLAN_REST_MAX ? n : 0;
}

void
ops_plan_rules(struct store *st, struct plan_candidate *rules, char *zone,
    size_t size)
{
	memset(rules, 0, sizeof *rules);
	rules->rest_minutes = ops_plan_rest_minutes(st);
	ops_plan_zone(st, zone, size);
	rules->zone = zone;
}

void
ops_plan_zone(struct store *st, char *buf, size_t size)
{
	char *zone = store_setting_get(st, "time_zone");

	snprintf(buf, size, "%s", zone != NULL && rtime_zone_is_valid(zone) ?
	    zone : "UTC");
	free(zone);
}

int
ops_plan_language(struct store *st, const char *language, struct err *err)
{
	int rc;

	if (language == NULL || (strcmp(language, "nl") != 0 &&
	    strcmp(language, "en") != 0))
		return err_set(err, ERR_INVALID, _("unknown language '%s' "
		    "(nl or en)"), language != NULL ? language : "");
	if (store_begin_write(st, err) < 0)
		return -1;
	rc = store_setting_set(st, "language", language, err);
	rc = ops_log(st, rc, err, "init", "plan", 0, "language %s", language);
	return ops_finish(st, rc, err);
}

char *
ops_plan_language_get(struct store *st)
{
	char *v = store_setting_get(st, "language");

	if (v != NULL && strcmp(v, "nl") != 0 && strcmp(v, "en") != 0) {
		free(v);
		return NULL;
	}
	return v;
}
