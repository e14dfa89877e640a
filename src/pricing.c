/*-------------------------------------------------------------------------
 * pricing.c
 *	  expected_allowed and expected_allowed_explain: what a payer should
 *	  have allowed for a claim line under a rate schedule.
 *
 * Steps, in Medicare's order: match an entry (code + modifier + setting,
 * code + modifier, code + setting, code, default); base amount; modifier
 * adjustments; multiple procedure reduction by rank; lesser of billed;
 * round half up to cents, once.  The arithmetic is numeric throughout.
 *
 * Pricing a million lines joined to a schedule hands this code the same
 * (often TOASTed) schedule on every row, so the detoasted schedule is kept
 * in fn_extra for the life of the query, keyed on its TOAST pointer (or,
 * for an inline value, its bytes), and entries are found by binary search.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>

#include "rate_schedule.h"

#include "access/detoast.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

/* ---------- the schedule cache ---------- */

typedef struct ScheduleCache
{
	bool		valid;
	bool		on_disk;		/* keyed on a TOAST pointer */
	Oid			toastrelid;
	Oid			valueid;
	struct varlena *raw;		/* else keyed on these bytes */
	RateSchedule *schedule;		/* detoasted, in fn_mcxt */
} ScheduleCache;

/*
 * The detoasted schedule of argument argno, from the cache when it is the
 * same value as last call's.
 */
static RateSchedule *
cached_schedule(FunctionCallInfo fcinfo, int argno)
{
	struct varlena *raw = (struct varlena *) PG_GETARG_POINTER(argno);
	ScheduleCache *cache = fcinfo->flinfo->fn_extra;
	MemoryContext oldcontext;
	struct varatt_external ext = {0};
	bool		on_disk = VARATT_IS_EXTERNAL_ONDISK(raw);

	if (VARATT_IS_EXTERNAL(raw) && !on_disk)
		return DatumGetRateScheduleP(PointerGetDatum(raw));	/* in-memory pointer: no stable key */
	if (cache == NULL)
		cache = fcinfo->flinfo->fn_extra =
			MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(ScheduleCache));
	if (on_disk)
		VARATT_EXTERNAL_GET_POINTER(ext, raw);
	if (cache->valid && cache->on_disk == on_disk &&
		(on_disk ? (cache->toastrelid == ext.va_toastrelid && cache->valueid == ext.va_valueid)
		 : (VARSIZE_ANY(cache->raw) == VARSIZE_ANY(raw) &&
			memcmp(cache->raw, raw, VARSIZE_ANY(raw)) == 0)))
		return cache->schedule;

	if (cache->valid)
	{
		if (cache->raw)
			pfree(cache->raw);
		if ((Pointer) cache->schedule != (Pointer) cache->raw)
			pfree(cache->schedule);
	}
	oldcontext = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	cache->on_disk = on_disk;
	cache->toastrelid = ext.va_toastrelid;
	cache->valueid = ext.va_valueid;
	cache->raw = NULL;
	if (!on_disk)
	{
		cache->raw = palloc(VARSIZE_ANY(raw));
		memcpy(cache->raw, raw, VARSIZE_ANY(raw));
	}
	cache->schedule = (RateSchedule *) detoast_attr(on_disk ? raw : cache->raw);
	cache->valid = true;
	MemoryContextSwitchTo(oldcontext);
	return cache->schedule;
}

/* ---------- matching ---------- */

/* Binary search for an exact selector; NULL if absent. */
const RateEntry *
rate_schedule_lookup(const RateSchedule *s, const char *code, const char *modifier, uint8 setting)
{
	const RateEntry *entries = RS_ENTRIES(s);
	RateEntry	key;
	int			lo = 0;
	int			hi = s->nentries - 1;

	memset(&key, 0, sizeof(key));
	strncpy(key.code, code, RS_CODE_LEN);
	if (modifier)
		memcpy(key.modifier, modifier, 2);
	key.setting = setting;
	while (lo <= hi)
	{
		int			mid = lo + (hi - lo) / 2;
		int			c = rate_entry_cmp(&entries[mid], &key);

		if (c == 0)
			return &entries[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

#define MAX_LINE_MODIFIERS 16

/* A claim line as the pricing arguments describe it. */
typedef struct ClaimLine
{
	char		code[RS_CODE_LEN];
	char		modifiers[MAX_LINE_MODIFIERS][2];
	int			nmodifiers;
	Numeric		units;
	Numeric		billed;			/* NULL if unknown */
	Numeric		medicare;		/* NULL if unknown */
	int32		rank;
	uint8		setting;
} ClaimLine;

/* What pricing did, step by step, for expected_allowed_explain. */
typedef struct PriceTrace
{
	const char *match;			/* which rule of the match order hit */
	const RateEntry *entry;		/* NULL: the default rule */
	Numeric		base;
	int			nadjusts;
	char		adjust_modifier[MAX_LINE_MODIFIERS][2];
	int64		adjust_percent[MAX_LINE_MODIFIERS];
	Numeric		adjust_amount[MAX_LINE_MODIFIERS];
	int64		mppr_percent;
	Numeric		after_mppr;
	bool		lesser_of_applied;
	const char *unpriced;		/* why the line could not be priced */
} PriceTrace;

/* The matched entry, trying the match order; sets *match. */
static const RateEntry *
match_entry(const RateSchedule *s, const ClaimLine *line, const char **match)
{
	const RateEntry *e;
	int			i;

	for (i = 0; i < line->nmodifiers; i++)
		if ((e = rate_schedule_lookup(s, line->code, line->modifiers[i], line->setting)) != NULL)
		{
			*match = "code, modifier and setting";
			return e;
		}
	for (i = 0; i < line->nmodifiers; i++)
		if ((e = rate_schedule_lookup(s, line->code, line->modifiers[i], SETTING_ANY)) != NULL)
		{
			*match = "code and modifier";
			return e;
		}
	if ((e = rate_schedule_lookup(s, line->code, NULL, line->setting)) != NULL)
	{
		*match = "code and setting";
		return e;
	}
	if ((e = rate_schedule_lookup(s, line->code, NULL, SETTING_ANY)) != NULL)
	{
		*match = "code";
		return e;
	}
	*match = "default";
	return NULL;
}

/* ---------- numeric arithmetic ---------- */

static Numeric
num_mul(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_mul, NumericGetDatum(a), NumericGetDatum(b)));
}

/* x times a micro-percent: x * percent / 10^8, exactly. */
static Numeric
num_percent(Numeric x, int64 micro_percent)
{
	return num_mul(x, int64_div_fast_to_numeric(micro_percent, 8));
}

static int
num_cmp(Numeric a, Numeric b)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(a), NumericGetDatum(b)));
}

/* The base amount of a rule, or NULL when its basis is unknown. */
static Numeric
base_amount(uint8 method, int64 value, const ClaimLine *line, const char **unpriced)
{
	switch (method)
	{
		case RM_AMOUNT:
			return num_mul(int64_div_fast_to_numeric(value, 6), line->units);
		case RM_CASE:
			return int64_div_fast_to_numeric(value, 6);
		case RM_PCT_MEDICARE:
			if (line->medicare == NULL)
			{
				*unpriced = "the rule is a percent of medicare and the medicare amount is NULL";
				return NULL;
			}
			return num_mul(num_percent(line->medicare, value), line->units);
		case RM_PCT_BILLED:
			if (line->billed == NULL)
			{
				*unpriced = "the rule is a percent of billed and the billed amount is NULL";
				return NULL;
			}
			return num_percent(line->billed, value);
	}
	elog(ERROR, "unrecognized rate method %d", method);
	return NULL;
}

/*
 * Price a line: the expected allowed amount, rounded half up to cents, or
 * NULL when the line cannot be priced.  Fills *trace when given.
 */
static Numeric
price_line(const RateSchedule *s, const ClaimLine *line, PriceTrace *trace)
{
	PriceTrace	local;
	const RateEntry *e;
	uint8		method;
	int64		value;
	Numeric		amount;
	int			i;

	if (trace == NULL)
		trace = &local;
	memset(trace, 0, sizeof(PriceTrace));
	e = match_entry(s, line, &trace->match);
	trace->entry = e;
	if (e == NULL && !(s->flags & RS_HAS_DEFAULT))
	{
		trace->match = NULL;
		trace->unpriced = "no entry matches the code and the schedule has no default";
		return NULL;
	}
	method = e ? e->method : s->default_method;
	value = e ? e->value : s->default_value;
	amount = trace->base = base_amount(method, value, line, &trace->unpriced);
	if (amount == NULL)
		return NULL;

	for (i = 0; i < line->nmodifiers; i++)
	{
		int64		pct;

		if (e && memcmp(e->modifier, line->modifiers[i], 2) == 0)
			continue;			/* the entry is written for this modifier */
		if ((pct = modifier_adjustment(s, line->modifiers[i])) < 0)
			continue;
		amount = num_percent(amount, pct);
		memcpy(trace->adjust_modifier[trace->nadjusts], line->modifiers[i], 2);
		trace->adjust_percent[trace->nadjusts] = pct;
		trace->adjust_amount[trace->nadjusts++] = amount;
	}

	trace->mppr_percent = mppr_percent(s, line->rank);
	if (trace->mppr_percent != 100 * RS_MICRO)
		amount = num_percent(amount, trace->mppr_percent);
	trace->after_mppr = amount;

	if (s->lesser_of && line->billed != NULL && num_cmp(line->billed, amount) < 0)
	{
		amount = line->billed;
		trace->lesser_of_applied = true;
	}
	return DatumGetNumeric(DirectFunctionCall2(numeric_round, NumericGetDatum(amount),
											   Int32GetDatum(2)));
}

/* ---------- arguments ---------- */

static bool
modifier_seen(const ClaimLine *line, const char *modifier)
{
	int			i;

	for (i = 0; i < line->nmodifiers; i++)
		if (memcmp(line->modifiers[i], modifier, 2) == 0)
			return true;
	return false;
}

/* Read the modifiers text[]: NULL and empty elements are skipped. */
static void
read_modifiers(ArrayType *arr, ClaimLine *line)
{
	int			n = ArrayGetNItems(ARR_NDIM(arr), ARR_DIMS(arr));
	bits8	   *nulls = ARR_NULLBITMAP(arr);
	char	   *p = ARR_DATA_PTR(arr);
	int			i;

	if (ARR_ELEMTYPE(arr) != TEXTOID)
		elog(ERROR, "modifiers must be text[]");
	for (i = 0; i < n; i++)
	{
		text	   *t;
		char	   *s;
		int			len;

		if (nulls && !(nulls[i / 8] & (1 << (i % 8))))
			continue;
		t = (text *) p;
		p = att_addlength_pointer(p, -1, p);
		p = (char *) att_align_nominal(p, TYPALIGN_INT);
		s = VARDATA_ANY(t);
		len = VARSIZE_ANY_EXHDR(t);
		while (len > 0 && s[0] == ' ')
			s++, len--;
		while (len > 0 && s[len - 1] == ' ')
			len--;
		if (len == 0)
			continue;
		if (len != 2 || !isalnum((unsigned char) s[0]) || !isalnum((unsigned char) s[1]))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid modifier: \"%.*s\"", len, s),
					 errdetail("Modifiers are exactly 2 letters or digits.")));
		if (line->nmodifiers == MAX_LINE_MODIFIERS)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("a claim line has at most %d modifiers", MAX_LINE_MODIFIERS)));
		line->modifiers[line->nmodifiers][0] = pg_toupper((unsigned char) s[0]);
		line->modifiers[line->nmodifiers][1] = pg_toupper((unsigned char) s[1]);
		if (!modifier_seen(line, line->modifiers[line->nmodifiers]))
			line->nmodifiers++;	/* a repeated modifier counts once */
	}
}

/* Read the code: up to 7 letters and digits, upper-cased; false if not a code. */
static bool
read_code(text *t, char *code)
{
	char	   *s = VARDATA_ANY(t);
	int			len = VARSIZE_ANY_EXHDR(t);
	int			i;

	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (len < 1 || len >= RS_CODE_LEN)
		return false;
	memset(code, 0, RS_CODE_LEN);
	for (i = 0; i < len; i++)
		code[i] = pg_toupper((unsigned char) s[i]);
	return true;
}

/*
 * Read expected_allowed's arguments; false when the result is NULL
 * (NULL schedule, code, units, rank or facility).
 */
static bool
read_line(FunctionCallInfo fcinfo, ClaimLine *line)
{
	int			required[] = {0, 1, 3, 6, 7};
	int			i;

	for (i = 0; i < (int) lengthof(required); i++)
		if (PG_ARGISNULL(required[i]))
			return false;
	memset(line, 0, sizeof(ClaimLine));
	if (!read_code(PG_GETARG_TEXT_PP(1), line->code))
		return false;			/* no code of that shape has an entry */
	if (!PG_ARGISNULL(2))
		read_modifiers(PG_GETARG_ARRAYTYPE_P(2), line);
	line->units = PG_GETARG_NUMERIC(3);
	line->billed = PG_ARGISNULL(4) ? NULL : PG_GETARG_NUMERIC(4);
	line->medicare = PG_ARGISNULL(5) ? NULL : PG_GETARG_NUMERIC(5);
	line->rank = PG_GETARG_INT32(6);
	line->setting = PG_GETARG_BOOL(7) ? SETTING_FACILITY : SETTING_NONFACILITY;
	if (line->rank < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("procedure_rank must be 1 or more, not %d", line->rank),
				 errhint("Rank same-day procedures by fee, highest first, starting at 1.")));
	return true;
}

PG_FUNCTION_INFO_V1(expected_allowed);
Datum
expected_allowed(PG_FUNCTION_ARGS)
{
	ClaimLine	line;
	Numeric		result;

	if (!read_line(fcinfo, &line))
		PG_RETURN_NULL();
	result = price_line(cached_schedule(fcinfo, 0), &line, NULL);
	if (result == NULL)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(result);
}

/* ---------- explain ---------- */

static void
push_key(JsonbParseState **state, const char *key)
{
	JsonbValue	v = {.type = jbvString};

	v.val.string.val = (char *) key;
	v.val.string.len = strlen(key);
	pushJsonbValue(state, WJB_KEY, &v);
}

static void
push_text(JsonbParseState **state, const char *key, const char *value)
{
	JsonbValue	v = {.type = jbvString};

	push_key(state, key);
	if (value == NULL)
	{
		v.type = jbvNull;
		pushJsonbValue(state, WJB_VALUE, &v);
		return;
	}
	v.val.string.val = (char *) value;
	v.val.string.len = strlen(value);
	pushJsonbValue(state, WJB_VALUE, &v);
}

/*
 * A numeric member; intermediate amounts and percents are shown without
 * trailing zeros (trim), the final amount with its cents.
 */
static void
push_numeric(JsonbParseState **state, const char *key, Numeric value, bool trim)
{
	JsonbValue	v = {.type = jbvNumeric};

	push_key(state, key);
	if (value == NULL)
		v.type = jbvNull;
	else if (trim)
		v.val.numeric = DatumGetNumeric(DirectFunctionCall1(numeric_trim_scale,
															NumericGetDatum(value)));
	else
		v.val.numeric = value;
	pushJsonbValue(state, WJB_VALUE, &v);
}

static void
push_bool(JsonbParseState **state, const char *key, bool value)
{
	JsonbValue	v = {.type = jbvBool};

	push_key(state, key);
	v.val.boolean = value;
	pushJsonbValue(state, WJB_VALUE, &v);
}

/*
 * The pricing steps as jsonb: the matched selector and rule, the base,
 * each adjustment with its percent, the MPPR rank and percent, lesser-of
 * and the result, so an analyst can cite the exact clause.
 */
PG_FUNCTION_INFO_V1(expected_allowed_explain);
Datum
expected_allowed_explain(PG_FUNCTION_ARGS)
{
	ClaimLine	line;
	PriceTrace	t;
	Numeric		result;
	JsonbParseState *state = NULL;
	RateSchedule *s;
	int			i;

	if (!read_line(fcinfo, &line))
		PG_RETURN_NULL();
	s = cached_schedule(fcinfo, 0);
	result = price_line(s, &line, &t);

	pushJsonbValue(&state, WJB_BEGIN_OBJECT, NULL);
	push_text(&state, "code", line.code);
	push_text(&state, "match", t.match);
	push_text(&state, "selector", t.match == NULL ? NULL : t.entry ? format_selector(t.entry) : "default");
	push_text(&state, "rule", t.match == NULL ? NULL :
			  t.entry ? format_rule(t.entry->method, t.entry->value) : format_rule(s->default_method, s->default_value));
	push_numeric(&state, "base", t.base, true);
	push_key(&state, "adjustments");
	pushJsonbValue(&state, WJB_BEGIN_ARRAY, NULL);
	for (i = 0; i < t.nadjusts; i++)
	{
		pushJsonbValue(&state, WJB_BEGIN_OBJECT, NULL);
		push_text(&state, "modifier", pnstrdup(t.adjust_modifier[i], 2));
		push_numeric(&state, "percent", int64_div_fast_to_numeric(t.adjust_percent[i], 6), true);
		push_numeric(&state, "amount", t.adjust_amount[i], true);
		pushJsonbValue(&state, WJB_END_OBJECT, NULL);
	}
	pushJsonbValue(&state, WJB_END_ARRAY, NULL);
	if (t.base != NULL)
	{
		push_key(&state, "mppr");
		pushJsonbValue(&state, WJB_BEGIN_OBJECT, NULL);
		push_numeric(&state, "rank", int64_to_numeric(line.rank), true);
		push_numeric(&state, "percent", int64_div_fast_to_numeric(t.mppr_percent, 6), true);
		push_numeric(&state, "amount", t.after_mppr, true);
		pushJsonbValue(&state, WJB_END_OBJECT, NULL);
		push_key(&state, "lesser_of");
		pushJsonbValue(&state, WJB_BEGIN_OBJECT, NULL);
		push_text(&state, "policy", s->lesser_of ? "billed" : "none");
		push_numeric(&state, "billed", line.billed, true);
		push_bool(&state, "applied", t.lesser_of_applied);
		pushJsonbValue(&state, WJB_END_OBJECT, NULL);
	}
	push_text(&state, "unpriced", t.unpriced);
	push_numeric(&state, "allowed", result, false);
	PG_RETURN_JSONB_P(JsonbValueToJsonb(pushJsonbValue(&state, WJB_END_OBJECT, NULL)));
}
