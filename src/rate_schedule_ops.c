/*-------------------------------------------------------------------------
 * rate_schedule_ops.c
 *	  Building and changing rate schedules: the || merge (carve-outs over a
 *	  base schedule), the rate_schedule_agg aggregate, and
 *	  rate_schedule_scale (what-if rate changes).
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "rate_schedule.h"

#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

#define RS_AGG_INITIAL_CAPACITY 64

/* ---------- merge ---------- */

static bool
has_adjustment_for(const RateSchedule *s, const char *modifier)
{
	int			i;

	for (i = 0; i < s->nadjusts; i++)
		if (memcmp(RS_ADJUSTS(s)[i].modifier, modifier, 2) == 0)
			return true;
	return false;
}

/* Entries of two sorted arrays; b's win on equal selectors.  Returns count. */
static int
merge_entries(const RateEntry *ea, int na, const RateEntry *eb, int nb, RateEntry *out)
{
	int			i = 0,
				j = 0,
				n = 0;

	while (i < na || j < nb)
	{
		int			c = i == na ? 1 : j == nb ? -1 : rate_entry_cmp(&ea[i], &eb[j]);

		if ((n & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
		if (c < 0)
			out[n++] = ea[i++];
		else
		{
			out[n++] = eb[j++];
			i += (c == 0);
		}
	}
	return n;
}

/* Policies of a, overridden by those b states. */
static void
merge_policies(const RateSchedule *a, const RateSchedule *b, RateSchedule *r)
{
	const RateSchedule *d = (b->flags & RS_HAS_DEFAULT) ? b : a;
	const RateSchedule *m = (b->flags & RS_HAS_MPPR) ? b : a;
	const RateSchedule *l = (b->flags & RS_HAS_LESSER_OF) ? b : a;

	r->flags = (a->flags | b->flags) & ~RS_UNSORTED;
	r->default_method = d->default_method;
	r->default_value = d->default_value;
	r->nmppr = m->nmppr;
	memcpy(r->mppr, m->mppr, sizeof(r->mppr));
	r->lesser_of = l->lesser_of;
}

/*
 * a || b: b's entries and stated policies win; everything else of a's
 * stays.  Both inputs are sorted, so entries merge in one pass.
 */
PG_FUNCTION_INFO_V1(rate_schedule_merge);
Datum
rate_schedule_merge(PG_FUNCTION_ARGS)
{
	RateSchedule *a;
	RateSchedule *b;
	ItemParser	p = {"rate_schedule", ERRCODE_INVALID_TEXT_REPRESENTATION, NULL};
	int			nadjusts;
	RateSchedule *r;
	int			i;

	/* fetching a large TOASTed schedule cannot be interrupted: check between the two */
	a = PG_GETARG_RATE_SCHEDULE_P(0);
	CHECK_FOR_INTERRUPTS();
	b = PG_GETARG_RATE_SCHEDULE_P(1);
	CHECK_FOR_INTERRUPTS();
	nadjusts = b->nadjusts;
	for (i = 0; i < a->nadjusts; i++)
		nadjusts += !has_adjustment_for(b, RS_ADJUSTS(a)[i].modifier);
	/* every entry kept is written by merge_entries, which checks for interrupts */
	r = rate_schedule_alloc_unset(nadjusts, a->nentries + b->nentries);
	memcpy(RS_ADJUSTS(r), RS_ADJUSTS(b), b->nadjusts * sizeof(ModifierAdjust));
	nadjusts = b->nadjusts;
	for (i = 0; i < a->nadjusts; i++)
		if (!has_adjustment_for(b, RS_ADJUSTS(a)[i].modifier))
			RS_ADJUSTS(r)[nadjusts++] = RS_ADJUSTS(a)[i];
	r->nentries = merge_entries(RS_ENTRIES(a), a->nentries, RS_ENTRIES(b), b->nentries,
								RS_ENTRIES(r));
	if (r->nentries > RS_MAX_ENTRIES || nadjusts > RS_MAX_MODIFIER_ADJUSTS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("merged rate_schedule exceeds %d entries or %d modifier adjustments",
						RS_MAX_ENTRIES, RS_MAX_MODIFIER_ADJUSTS)));
	SET_VARSIZE(r, RS_SIZE(nadjusts, r->nentries));
	merge_policies(a, b, r);
	rate_schedule_finish(&p, r);	/* sorts the adjustments; no duplicates possible */
	PG_RETURN_POINTER(r);
}

/* ---------- rate_schedule_agg ---------- */

/*
 * The aggregate's state is a rate_schedule with spare entry slots
 * (capacity) and RS_UNSORTED set: rows are appended in place, and the
 * final function sorts and rejects duplicates.  It is a real type with
 * text and binary I/O, so parallel query and Citus can move it.
 */
static RateSchedule *
agg_state_grow(RateSchedule *state, int needed)
{
	int			capacity = Max(RS_AGG_INITIAL_CAPACITY, state ? state->capacity : 0);
	RateSchedule *grown;

	while (capacity < needed)
		capacity *= 2;
	if (needed > RS_MAX_ENTRIES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("rate_schedule_agg: more than %d entries", RS_MAX_ENTRIES)));
	grown = rate_schedule_alloc(0, capacity);
	grown->nentries = 0;
	grown->capacity = capacity;
	grown->flags = RS_UNSORTED;
	if (state)
	{
		memcpy(RS_ENTRIES(grown), RS_ENTRIES(state), state->nentries * sizeof(RateEntry));
		grown->nentries = state->nentries;
	}
	return grown;
}

/*
 * The state to append `more` entries to: the one we were given when the
 * executor lets us modify it in place and it has room, else a bigger copy
 * (the executor then copies it into the aggregate's context).
 */
static RateSchedule *
agg_state_for(FunctionCallInfo fcinfo, int argno, int more)
{
	RateSchedule *state;

	if (!AggCheckCallContext(fcinfo, NULL))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("rate_schedule_agg's transition and combine functions can only be called by the aggregate"),
				 errhint("Call rate_schedule_agg(...) instead.")));
	if (PG_ARGISNULL(argno))
		return agg_state_grow(NULL, more);
	state = PG_GETARG_RATE_SCHEDULE_P(argno);
	if (state->nadjusts != 0 || state->flags & ~RS_UNSORTED)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("rate_schedule_agg state holds policies")));
	if ((Pointer) state != PG_GETARG_POINTER(argno) ||
		state->nentries + more > state->capacity)
		return agg_state_grow(state, state->nentries + more);
	return state;
}

/* Append one row: code (with -MOD and @setting) and its rule. */
static Datum
agg_append(FunctionCallInfo fcinfo, const char *rule)
{
	ItemParser	p = {"rate_schedule", ERRCODE_INVALID_TEXT_REPRESENTATION, NULL};
	char	   *code = text_to_cstring(PG_GETARG_TEXT_PP(1));
	ParsedItem	item = {code, (char *) rule, psprintf("%s: %s", code, rule), false};
	RateSchedule *state = agg_state_for(fcinfo, 0, 1);
	RateEntry  *e = &RS_ENTRIES(state)[state->nentries];

	item.key = trimmed_copy(code, code + strlen(code));
	item.value = trimmed_copy(rule, rule + strlen(rule));
	parse_selector(&p, &item, item.key, e);
	parse_rule(&p, &item, item.value, &e->method, &e->value);
	state->nentries++;
	PG_RETURN_POINTER(state);
}

/* Rows with a NULL code or rule add nothing: such codes stay unpriced. */
#define AGG_SKIP_NULLS() \
	do { \
		if (PG_ARGISNULL(1) || PG_ARGISNULL(2)) \
		{ \
			if (PG_ARGISNULL(0)) \
				PG_RETURN_NULL(); \
			PG_RETURN_DATUM(PG_GETARG_DATUM(0)); \
		} \
	} while (0)

PG_FUNCTION_INFO_V1(rate_schedule_agg_rule_sfunc);
Datum
rate_schedule_agg_rule_sfunc(PG_FUNCTION_ARGS)
{
	AGG_SKIP_NULLS();
	return agg_append(fcinfo, text_to_cstring(PG_GETARG_TEXT_PP(2)));
}

/*
 * An amount: its trailing zeros are no precision (a numeric(12,8) column
 * writes 92.50000000), so they are dropped before the rule's 6-decimal
 * limit applies.
 */
PG_FUNCTION_INFO_V1(rate_schedule_agg_amount_sfunc);
Datum
rate_schedule_agg_amount_sfunc(PG_FUNCTION_ARGS)
{
	Numeric		amount;

	AGG_SKIP_NULLS();
	amount = PG_GETARG_NUMERIC(2);
	if (numeric_is_nan(amount) || numeric_is_inf(amount))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("rate_schedule_agg: amount must be a finite number")));
	return agg_append(fcinfo, DatumGetCString(DirectFunctionCall1(numeric_out,
																  DirectFunctionCall1(numeric_trim_scale,
																					  NumericGetDatum(amount)))));
}

PG_FUNCTION_INFO_V1(rate_schedule_agg_combine);
Datum
rate_schedule_agg_combine(PG_FUNCTION_ARGS)
{
	RateSchedule *other;
	RateSchedule *state;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	other = PG_GETARG_RATE_SCHEDULE_P(1);
	state = agg_state_for(fcinfo, 0, other->nentries);
	memcpy(RS_ENTRIES(state) + state->nentries, RS_ENTRIES(other), other->nentries * sizeof(RateEntry));
	state->nentries += other->nentries;
	PG_RETURN_POINTER(state);
}

/* Sort, reject duplicate selectors, and return a compact canonical schedule. */
PG_FUNCTION_INFO_V1(rate_schedule_agg_final);
Datum
rate_schedule_agg_final(PG_FUNCTION_ARGS)
{
	ItemParser	p = {"rate_schedule", ERRCODE_INVALID_TEXT_REPRESENTATION, NULL};
	RateSchedule *state;
	RateSchedule *result;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = PG_GETARG_RATE_SCHEDULE_P(0);
	result = rate_schedule_alloc(0, state->nentries);
	memcpy(RS_ENTRIES(result), RS_ENTRIES(state), state->nentries * sizeof(RateEntry));
	rate_schedule_finish(&p, result);
	PG_RETURN_POINTER(result);
}

/* ---------- rate_schedule_scale ---------- */

static Numeric
micro_to_numeric(int64 value)
{
	return int64_div_fast_to_numeric(value, 6);
}

/* value (micro) x factor, rounded half up to `digits` decimals, back in micro. */
static int64
scale_micro(int64 value, Numeric factor, int digits)
{
	Datum		scaled = DirectFunctionCall2(numeric_mul, NumericGetDatum(micro_to_numeric(value)),
											 NumericGetDatum(factor));
	Datum		micro;

	scaled = DirectFunctionCall2(numeric_round, scaled, Int32GetDatum(digits));
	micro = DirectFunctionCall2(numeric_mul, scaled, NumericGetDatum(int64_to_numeric(RS_MICRO)));
	return DatumGetInt64(DirectFunctionCall1(numeric_int8, micro));
}

/*
 * Scale a rule, rounding half up: amounts to amount_digits decimals (6, a
 * millionth of a currency unit, unless the caller asks for fewer: 2 for
 * cents), percentages to the type's millionth of a percent.
 */
static int64
scale_rule(uint8 method, int64 value, Numeric factor, int amount_digits)
{
	bool		is_amount = method == RM_AMOUNT || method == RM_CASE;
	int64		result = scale_micro(value, factor, is_amount ? amount_digits : 6);

	if (result > (is_amount ? RS_MAX_AMOUNT : RS_MAX_PERCENT))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("scaled rate %s is out of range", format_rule(method, result)),
				 errdetail(is_amount ? "A schedule's amounts are at most 100000000.00."
						   : "A schedule's percentages are at most 10000%%.")));
	return result;
}

/* The listed codes, upper-cased C strings, NULLs left out. */
static char **
listed_codes(ArrayType *codes, int *ncodes)
{
	Datum	   *elems;
	bool	   *nulls;
	int			nelems;
	char	  **result;
	int			i;

	deconstruct_array(codes, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &nelems);
	result = palloc(Max(nelems, 1) * sizeof(char *));
	*ncodes = 0;
	for (i = 0; i < nelems; i++)
		if (!nulls[i])
		{
			char	   *code = text_to_cstring(DatumGetTextPP(elems[i]));
			char	   *c;

			for (c = code; *c; c++)
				*c = pg_ascii_toupper((unsigned char) *c);
			result[(*ncodes)++] = code;
		}
	return result;
}

/* Is the entry's (upper-case) code listed? */
static bool
code_listed(const char *code, char **codes, int ncodes)
{
	int			i;

	for (i = 0; i < ncodes; i++)
		if (strcmp(codes[i], code) == 0)
			return true;
	return false;
}

/*
 * A copy of the schedule with the listed codes' rates (every rate,
 * including the default, when codes is NULL) raised by percent, rounded
 * half up to the type's 6 decimals; percent-of rules are scaled alike
 * (140% medicare + 5% = 147% medicare).  The four-argument form rounds the
 * scaled amounts to `decimals` places instead (2: cents, as payers quote
 * them); NULL decimals give NULL.
 */
PG_FUNCTION_INFO_V1(rate_schedule_scale);
Datum
rate_schedule_scale(PG_FUNCTION_ARGS)
{
	RateSchedule *s;
	Numeric		percent;
	Numeric		factor;
	char	  **codes = NULL;
	int			ncodes = 0;
	bool		all = PG_ARGISNULL(2);
	int			amount_digits = 6;
	RateSchedule *r;
	MemoryContext scratch;
	MemoryContext old;
	int			i;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || (PG_NARGS() > 3 && PG_ARGISNULL(3)))
		PG_RETURN_NULL();
	if (PG_NARGS() > 3)
	{
		amount_digits = PG_GETARG_INT32(3);
		if (amount_digits < 0 || amount_digits > 6)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("decimals must be between 0 and 6, not %d", amount_digits),
					 errdetail("Scaled amounts are rounded half up to that many decimal places; a schedule keeps at most 6."),
					 errhint("Use 2 to round to cents.")));
	}
	s = PG_GETARG_RATE_SCHEDULE_P(0);
	percent = PG_GETARG_NUMERIC(1);
	if (numeric_is_nan(percent) || numeric_is_inf(percent) ||
		DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(percent),
										  NumericGetDatum(int64_to_numeric(-100)))) < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("percent must be a number of at least -100"),
				 errdetail("Rates are raised by the percent: 5 raises a rate by 5%%, -10 lowers it by 10%%.")));
	factor = DatumGetNumeric(DirectFunctionCall2(numeric_add, NumericGetDatum(int64_to_numeric(1)),
												 DirectFunctionCall2(numeric_mul, NumericGetDatum(percent),
																	 NumericGetDatum(int64_div_fast_to_numeric(1, 2)))));
	if (!all)
		codes = listed_codes(PG_GETARG_ARRAYTYPE_P(2), &ncodes);
	r = palloc(VARSIZE(s));
	memcpy(r, s, VARSIZE(s));
	if (all && (r->flags & RS_HAS_DEFAULT))
		r->default_value = scale_rule(r->default_method, r->default_value, factor, amount_digits);
	/* numeric allocates: free each entry's arithmetic before the next */
	scratch = AllocSetContextCreate(CurrentMemoryContext, "rate_schedule_scale",
									ALLOCSET_SMALL_SIZES);
	old = MemoryContextSwitchTo(scratch);
	for (i = 0; i < r->nentries; i++)
	{
		RateEntry  *e = &RS_ENTRIES(r)[i];

		CHECK_FOR_INTERRUPTS();
		if (all || code_listed(e->code, codes, ncodes))
			e->value = scale_rule(e->method, e->value, factor, amount_digits);
		MemoryContextReset(scratch);
	}
	MemoryContextSwitchTo(old);
	MemoryContextDelete(scratch);
	PG_RETURN_POINTER(r);
}
