/* SPDX-License-Identifier: ISC */
/*
 * Volunteers from a spreadsheet, all in one transaction: match each row to
 * a stored volunteer (by e-mail, else by name among those without one),
 * add or update, and count what changed. The command line parses the file;
 * this file only sees rows.
 */
#include "rooster/ops.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "ops_int.h"

static bool
ops_import_has_email(const struct volunteer *v)
{
	return v->email != NULL && v->email[0] != '\0';
}

/* Each row valid, and no two rows naming the same volunteer. */
static int
ops_import_check(const struct volunteer_list *rows, struct err *err)
{
	const struct volunteer *a, *b;
	struct err verr;
	size_t i, j;

	for (i = 0; i < rows->len; i++) {
		a = &rows->items[i];
		err_clear(&verr);
		if (volunteer_validate(a, &verr) < 0)
			return err_set(err, ERR_INVALID, _("row %zu: %s"),
			    i + 1,
			    verr.msg);
		for (j = 0; j < i; j++) {
			b = &rows->items[j];
			if (ops_import_has_email(a) ? ops_import_has_email(b) &&
			    text_casecmp(a->email, b->email) == 0 :
			    !ops_import_has_email(b) &&
			    text_casecmp(a->name, b->name) == 0)
				return err_set(err, ERR_INVALID, _("row %zu: "
				    "the same volunteer as row %zu"), i + 1,
				    j + 1);
		}
	}
	return 0;
}

static void
ops_import_take(char **dst, const char *src)
{
	free(*dst);
	*dst = xstrdup(src != NULL ? src : "");
}

unsigned
ops_import_field_bit(const struct model_field *f)
{
	assert(f > volunteer_fields && f - volunteer_fields <= 32);
	return 1u << (f - volunteer_fields - 1);
}

/* Copy into merged (a copy of the stored volunteer) what the row holds. */
static void
ops_import_merge(struct volunteer *merged, const struct volunteer *row,
    unsigned fields)
{
	const struct model_field *f;
	unsigned bit;

	ops_import_take(&merged->name, row->name);
	/* After the name, volunteer_fields are the OPS_IMPORT_* bits. */
	for (f = volunteer_fields + 1, bit = 1; f->key != NULL; f++,
	    bit <<= 1) {
		if (!(fields & bit) || (strcmp(f->key, "email") == 0 &&
		    !ops_import_has_email(row)))
			continue;
		if (f->kind == MODEL_FIELD_TEXT)
			model_field_set_text(merged, f, model_field_text(row,
			    f));
		else
			model_field_copy(merged, row, f);
	}
}

static bool
ops_import_same(const struct volunteer *a, const struct volunteer *b)
{
	const struct model_field *f;

	for (f = volunteer_fields; f->key != NULL; f++)
		if (!model_field_same(a, b, f))
			return false;
	return true;
}

static int
ops_import_log(struct store *st, const char *what, const struct volunteer *v,
    struct err *err)
{
	char *summary;
	int rc;

	summary = xasprintf("%s '%s' from a spreadsheet", what, v->name);
	rc = store_log_append(st, "import csv", "volunteer", v->id, summary,
	    err);
	free(summary);
	return rc;
}

/* Add or update one row; *action says which (or that nothing changed). */
static int
ops_import_row(struct store *st, struct volunteer *row, unsigned fields,
    bool dry_run, enum ops_import_action *action, struct err *err)
{
	struct volunteer stored, merged;
	int64_t id;
	int rc = 0;

	id = ops_import_has_email(row) ?
	    store_volunteer_find_email(st, row->email, err) :
	    store_volunteer_find_name(st, row->name, err);
	if (id < 0)
		return -1;
	if (id == 0) {
		*action = OPS_IMPORT_ADDED;
		row->id = 0;
		if (dry_run)
			return 0;
		if (!(fields & ops_import_field_bit(model_field_find(
		    volunteer_fields, "active"))))
			row->active = true;
		if (store_volunteer_insert(st, row, err) < 0)
			return -1;
		return ops_import_log(st, "added", row, err);
	}
	if (store_volunteer_get(st, id, &stored, err) < 0)
		return -1;
	volunteer_dup(&merged, &stored);
	ops_import_merge(&merged, row, fields);
	ops_volunteer_normalize(&merged);
	row->id = id;
	if (ops_import_same(&merged, &stored))
		*action = OPS_IMPORT_UNCHANGED;
	else {
		*action = OPS_IMPORT_UPDATED;
		if (!dry_run && (rc = store_volunteer_update(st, &merged,
		    err)) == 0)
			rc = ops_import_log(st, "updated", &merged, err);
	}
	volunteer_fini(&merged);
	volunteer_fini(&stored);
	return rc;
}

int
ops_import_volunteers(struct store *st, struct volunteer_list *rows,
    unsigned fields, bool dry_run, enum ops_import_action *actions,
    struct ops_import_result *res, struct err *err)
{
	enum ops_import_action action;
	size_t i;
	int rc = 0;

	memset(res, 0, sizeof *res);
	if (ops_import_check(rows, err) < 0)
		return -1;
	for (i = 0; i < rows->len; i++)
		ops_volunteer_normalize(&rows->items[i]);
	/* A dry run only reads, so it works on a read-only plan too. */
	if ((dry_run ? store_begin_read(st, err) :
	    store_begin_write(st, err)) < 0)
		return -1;
	for (i = 0; i < rows->len && rc == 0; i++) {
		rc = ops_import_row(st, &rows->items[i], fields, dry_run,
		    &action, err);
		if (rc != 0)
			break;
		if (actions != NULL)
			actions[i] = action;
		if (action == OPS_IMPORT_ADDED)
			res->added++;
		else if (action == OPS_IMPORT_UPDATED)
			res->updated++;
		else
			res->unchanged++;
	}
	if (dry_run) {
		store_rollback(st);
		return rc;
	}
	if (ops_finish(st, rc, err) < 0) {
		memset(res, 0, sizeof *res);
		return -1;
	}
	return 0;
}
