/*-------------------------------------------------------------------------
 * rate_schedule_diff.c
 *	  What changed between two rate schedules: the renewal exhibit a
 *	  contracting lead reads, one row per entry or policy that differs.
 *
 * Rows come in canonical order: policies first (default, mppr, modifier XX
 * by modifier, lesser_of), with code NULL and the policy's key in setting;
 * then entries by code, modifier and setting.  Rules are compared and shown
 * in their canonical text, so two schedules that print alike never differ.
 * A policy one schedule does not state is NULL on its side: the built-in
 * applies there (mppr 100 50 50 50 50, lesser_of billed, Medicare's
 * modifier adjustments; no default rule: codes without an entry unpriced).
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "compat.h"
#include "rate_schedule.h"

#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

/* One side of the diff: the schedule's terms, its policies first. */
typedef struct DiffSide
{
	const RateSchedule *s;
	Term	   *terms;
	int			npolicies;		/* terms before the entries' */
} DiffSide;

static void
side_init(DiffSide *side, const RateSchedule *s)
{
	int			nterms;

	side->s = s;
	side->terms = rate_schedule_terms(s, &nterms);
	side->npolicies = nterms - s->nentries;
}

/* The rule text of entry i. */
static const char *
entry_rule(const DiffSide *side, int i)
{
	return side->terms[side->npolicies + i].value;
}

/* A policy key's place in canonical order: default, mppr, modifier XX, lesser_of. */
static int
policy_rank(const char *key)
{
	if (strcmp(key, "default") == 0)
		return 0;
	if (strcmp(key, "mppr") == 0)
		return 1;
	if (strcmp(key, "lesser_of") == 0)
		return 3;
	return 2;					/* modifier XX, by modifier */
}

static int
policy_cmp(const char *a, const char *b)
{
	int			ra = policy_rank(a);
	int			rb = policy_rank(b);

	return ra != rb ? (ra < rb ? -1 : 1) : strcmp(a, b);
}

/* A row, unless the rules are equal; NULL rule: absent from that side. */
static void
emit(ReturnSetInfo *rsinfo, const RateEntry *e, const char *policy,
	 const char *old_rule, const char *new_rule)
{
	static const char *const settings[] = {NULL, "facility", "nonfacility"};
	Datum		values[6] = {0};
	bool		nulls[6] = {true, true, true, true, true, true};
	const char *change;

	if (old_rule && new_rule && strcmp(old_rule, new_rule) == 0)
		return;
	change = old_rule == NULL ? "added" : new_rule == NULL ? "removed" : "changed";
	if (e != NULL)
	{
		values[0] = CStringGetTextDatum(e->code);
		nulls[0] = false;
		if (e->modifier[0] != '\0')
		{
			values[1] = PointerGetDatum(cstring_to_text_with_len(e->modifier, 2));
			nulls[1] = false;
		}
		if (e->setting != SETTING_ANY)
		{
			values[2] = CStringGetTextDatum(settings[e->setting]);
			nulls[2] = false;
		}
	}
	else
	{
		values[2] = CStringGetTextDatum(policy);
		nulls[2] = false;
	}
	if (old_rule)
	{
		values[3] = CStringGetTextDatum(old_rule);
		nulls[3] = false;
	}
	if (new_rule)
	{
		values[4] = CStringGetTextDatum(new_rule);
		nulls[4] = false;
	}
	values[5] = CStringGetTextDatum(change);
	nulls[5] = false;
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
}

/* The policies' rows: both lists are in canonical order, so merge them. */
static void
diff_policies(ReturnSetInfo *rsinfo, const DiffSide *a, const DiffSide *b)
{
	int			i = 0;
	int			j = 0;

	while (i < a->npolicies || j < b->npolicies)
	{
		int			cmp = i == a->npolicies ? 1 : j == b->npolicies ? -1 :
			policy_cmp(a->terms[i].key, b->terms[j].key);

		if (cmp <= 0)
			emit(rsinfo, NULL, a->terms[i].key, a->terms[i].value,
				 cmp == 0 ? b->terms[j].value : NULL);
		else
			emit(rsinfo, NULL, b->terms[j].key, NULL, b->terms[j].value);
		i += (cmp <= 0);
		j += (cmp >= 0);
	}
}

/* The entries' rows: both are sorted by selector, so merge them. */
static void
diff_entries(ReturnSetInfo *rsinfo, const DiffSide *a, const DiffSide *b)
{
	const RateEntry *ea = RS_ENTRIES(a->s);
	const RateEntry *eb = RS_ENTRIES(b->s);
	int			i = 0;
	int			j = 0;

	while (i < a->s->nentries || j < b->s->nentries)
	{
		int			cmp = i == a->s->nentries ? 1 : j == b->s->nentries ? -1 :
			rate_entry_cmp(&ea[i], &eb[j]);

		CHECK_FOR_INTERRUPTS();
		if (cmp <= 0)
			emit(rsinfo, &ea[i], NULL, entry_rule(a, i), cmp == 0 ? entry_rule(b, j) : NULL);
		else
			emit(rsinfo, &eb[j], NULL, NULL, entry_rule(b, j));
		i += (cmp <= 0);
		j += (cmp >= 0);
	}
}

/*
 * rate_schedule_diff(old, new): one row (code, modifier, setting, old_rule,
 * new_rule, change) per policy or entry that differs; change is added,
 * removed or changed.
 */
PG_FUNCTION_INFO_V1(rate_schedule_diff);
Datum
rate_schedule_diff(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	DiffSide	old_side;
	DiffSide	new_side;

	side_init(&old_side, PG_GETARG_RATE_SCHEDULE_P(0));
	side_init(&new_side, PG_GETARG_RATE_SCHEDULE_P(1));
	InitMaterializedSRF(fcinfo, 0);
	diff_policies(rsinfo, &old_side, &new_side);
	diff_entries(rsinfo, &old_side, &new_side);
	return (Datum) 0;
}
