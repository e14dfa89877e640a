/*-------------------------------------------------------------------------
 * pricing.c
 *	  expected_allowed and expected_allowed_explain: what a payer should
 *	  have allowed for a claim line under a rate schedule.
 *
 * Steps, in Medicare's order: match an entry (code + modifier + setting,
 * code + modifier, code + setting, code, default); base amount; modifier
 * adjustments; multiple procedure reduction by rank; lesser of billed;
 * round half up to cents, once.
 *
 * Schedules come decoded and indexed from schedule_cache.c.  The price is
 * computed exactly in 128-bit fixed point without allocating (the hot
 * path), and in numeric when a number does not fit or when the steps are
 * to be explained; both give the same answer.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "rate_schedule.h"
#include "schedule_cache.h"
#include "fixed.h"
#include "money.h"

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

/* ---------- matching ---------- */

/* The entry of a run with this modifier (or none) and setting; NULL if absent. */
static const RateEntry *
find_in_run(const RateEntry *run, int n, const char *modifier, uint8 setting)
{
	static const char no_modifier[2] = {0, 0};
	int			i;

	if (modifier == NULL)
		modifier = no_modifier;
	for (i = 0; i < n; i++)
		if (run[i].modifier[0] == modifier[0] && run[i].modifier[1] == modifier[1] &&
			run[i].setting == setting)
			return &run[i];
	return NULL;
}

#define MAX_LINE_MODIFIERS 16

/* A claim line as the pricing arguments describe it. */
typedef struct ClaimLine
{
	char		code[RS_CODE_LEN];
	char		modifiers[MAX_LINE_MODIFIERS][2];
	int			nmodifiers;
	Datum		units;			/* numeric datums, as passed (maybe packed) */
	Datum		billed;
	Datum		medicare;
	bool		has_billed;
	bool		has_medicare;
	int32		rank;
	uint8		setting;
} ClaimLine;

/* What pricing did, step by step, for expected_allowed_explain. */
typedef struct PriceTrace
{
	const char *match;			/* which rule of the match order hit */
	const RateEntry *entry;		/* NULL: the default rule */
	const char *entry_modifier; /* the entry's modifier; NULL if it has none */
	uint8		method;			/* the matched rule... */
	Fixed64		factor;			/* ...its rate or percent as a fraction */
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

/* The entry of a code's run that the match order picks; sets *match. */
static const RateEntry *
match_in_run(const RateEntry *run, int n, const ClaimLine *line, const char **match)
{
	const RateEntry *e;
	int			i;

	for (i = 0; i < line->nmodifiers; i++)
		if ((e = find_in_run(run, n, line->modifiers[i], line->setting)) != NULL)
		{
			*match = "code, modifier and setting";
			return e;
		}
	for (i = 0; i < line->nmodifiers; i++)
		if ((e = find_in_run(run, n, line->modifiers[i], SETTING_ANY)) != NULL)
		{
			*match = "code and modifier";
			return e;
		}
	if ((e = find_in_run(run, n, NULL, line->setting)) != NULL)
	{
		*match = "code and setting";
		return e;
	}
	*match = "code";
	return find_in_run(run, n, NULL, SETTING_ANY);
}

/*
 * Match the line to a rule: the code's lone plain entry straight from its
 * index slot, else the match order over the code's entries, else the
 * default.  Sets trace->match, entry, entry_modifier, method and factor;
 * false when nothing matches.
 */
static bool
match_line(const PricedSchedule *ps, const ClaimLine *line, PriceTrace *trace)
{
	const RateSchedule *s = ps->schedule;
	const CodeSlot *slot = priced_schedule_find(ps, line->code);
	const RateEntry *e = NULL;

	trace->entry_modifier = NULL;
	if (slot != NULL && slot->lone_method != RM_NONE)
	{
		trace->match = "code";
		trace->entry = RS_ENTRIES(s) + slot->first;
		trace->method = slot->lone_method;
		trace->factor.value = slot->lone_factor;
		trace->factor.scale = slot->lone_scale;
		return true;
	}
	if (slot != NULL)
		e = match_in_run(RS_ENTRIES(s) + slot->first, slot->nentries, line, &trace->match);
	trace->entry = e;
	if (e != NULL)
	{
		trace->method = e->method;
		trace->factor = rule_factor(e->method, e->value);
		if (e->modifier[0] != '\0')
			trace->entry_modifier = e->modifier;
		return true;
	}
	trace->match = "default";
	trace->method = s->default_method;
	trace->factor = ps->default_factor;
	return (s->flags & RS_HAS_DEFAULT) != 0;
}

/* ---------- numeric arithmetic ---------- */

/* x times a micro-percent: x * percent / 10^8, exactly. */
static Numeric
num_percent(Numeric x, int64 micro_percent)
{
	return num_mul(x, int64_div_fast_to_numeric(micro_percent, 8));
}

static Numeric
line_numeric(Datum d)
{
	return DatumGetNumeric(PG_DETOAST_DATUM(d));
}

/*
 * Decide how a line is priced, without arithmetic: the matched rule, the
 * modifier adjustments that apply and the MPPR percent.  False (with the
 * reason in trace->unpriced) when the line cannot be priced.
 */
static bool
resolve_line(const PricedSchedule *ps, const ClaimLine *line, PriceTrace *trace)
{
	const RateSchedule *s = ps->schedule;
	int			i;

	/* no memset: the arrays are filled as far as nadjusts says */
	trace->nadjusts = 0;
	trace->base = trace->after_mppr = NULL;
	trace->lesser_of_applied = false;
	trace->unpriced = NULL;
	if (!match_line(ps, line, trace))
	{
		trace->match = NULL;
		trace->unpriced = "no entry matches the code and the schedule has no default";
		return false;
	}
	if (trace->method == RM_PCT_MEDICARE && !line->has_medicare)
		trace->unpriced = "the rule is a percent of medicare and the medicare amount is NULL";
	if (trace->method == RM_PCT_BILLED && !line->has_billed)
		trace->unpriced = "the rule is a percent of billed and the billed amount is NULL";
	for (i = 0; i < line->nmodifiers; i++)
	{
		int64		pct;

		if (trace->entry_modifier && memcmp(trace->entry_modifier, line->modifiers[i], 2) == 0)
			continue;			/* the entry is written for this modifier */
		if ((pct = modifier_adjustment(s, line->modifiers[i])) < 0)
			continue;
		memcpy(trace->adjust_modifier[trace->nadjusts], line->modifiers[i], 2);
		trace->adjust_percent[trace->nadjusts++] = pct;
	}
	trace->mppr_percent = mppr_percent(s, line->rank);
	return trace->unpriced == NULL;
}

/* The rule's base amount in numeric. */
static Numeric
numeric_base(const RateSchedule *s, const PriceTrace *t, const ClaimLine *line)
{
	int64		value = t->entry ? t->entry->value : s->default_value;

	switch (t->method)
	{
		case RM_AMOUNT:
			return num_mul(int64_div_fast_to_numeric(value, 6), line_numeric(line->units));
		case RM_CASE:
			return int64_div_fast_to_numeric(value, 6);
		case RM_PCT_MEDICARE:
			return num_mul(num_percent(line_numeric(line->medicare), value),
						   line_numeric(line->units));
		case RM_PCT_BILLED:
			return num_percent(line_numeric(line->billed), value);
	}
	elog(ERROR, "unrecognized rate method %d", t->method);
	return NULL;
}

/*
 * Price a resolved line in numeric, recording each step in the trace:
 * base, adjustments, MPPR, lesser of billed, rounding half up to cents.
 */
static Numeric
price_numeric(const RateSchedule *s, const ClaimLine *line, PriceTrace *t)
{
	Numeric		amount = t->base = numeric_base(s, t, line);
	int			i;

	for (i = 0; i < t->nadjusts; i++)
		amount = t->adjust_amount[i] = num_percent(amount, t->adjust_percent[i]);
	if (t->mppr_percent != 100 * RS_MICRO)
		amount = num_percent(amount, t->mppr_percent);
	t->after_mppr = amount;
	if (s->lesser_of && line->has_billed && num_cmp(line_numeric(line->billed), amount) < 0)
	{
		amount = line_numeric(line->billed);
		t->lesser_of_applied = true;
	}
	return DatumGetNumeric(DirectFunctionCall2(numeric_round, NumericGetDatum(amount),
											   Int32GetDatum(2)));
}

/*
 * The same computation in exact 64-bit fixed point, with no allocation:
 * the hot path.  False when a number does not fit; the caller then uses
 * price_numeric, which gives the same answer.  Rounding half up never
 * decreases a value, so the lesser of the rounded amounts is the rounded
 * lesser amount: lesser-of compares cents.
 */
static bool
price_fixed(const RateSchedule *s, const ClaimLine *line, const PriceTrace *t, int64 *cents)
{
	Fixed64		amount = t->factor;
	Fixed64		x;
	int64		billed_cents;
	int			i;

	switch (t->method)
	{
		case RM_AMOUNT:
			if (!fixed64_from_numeric(line->units, &x) || !fixed64_mul(&amount, x))
				return false;
			break;
		case RM_CASE:
			break;
		case RM_PCT_MEDICARE:
			if (!fixed64_from_numeric(line->medicare, &x) || !fixed64_mul(&amount, x) ||
				!fixed64_from_numeric(line->units, &x) || !fixed64_mul(&amount, x))
				return false;
			break;
		case RM_PCT_BILLED:
			if (!fixed64_from_numeric(line->billed, &x) || !fixed64_mul(&amount, x))
				return false;
			break;
	}
	for (i = 0; i < t->nadjusts; i++)
		if (!fixed64_mul(&amount, fixed64_make(t->adjust_percent[i], 8)))
			return false;
	if (t->mppr_percent != 100 * RS_MICRO && !fixed64_mul(&amount, fixed64_make(t->mppr_percent, 8)))
		return false;
	if (!fixed64_round_cents(amount, cents))
		return false;
	if (s->lesser_of && line->has_billed)
	{
		if (!fixed64_from_numeric(line->billed, &x) || !fixed64_round_cents(x, &billed_cents))
			return false;
		*cents = Min(*cents, billed_cents);
	}
	return true;
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

/* Codes and modifiers are ASCII; no locale-aware case mapping per row. */
static inline char
ascii_upper(char c)
{
	return (c >= 'a' && c <= 'z') ? c - ('a' - 'A') : c;
}

static inline bool
ascii_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* One modifier element: spaces trimmed, empty skipped, validated, upper-cased. */
static void
read_modifier(const text *t, ClaimLine *line)
{
	const char *s = VARDATA_ANY(t);
	int			len = VARSIZE_ANY_EXHDR(t);

	while (len > 0 && s[0] == ' ')
		s++, len--;
	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (len == 0)
		return;
	if (len != 2 || !ascii_alnum(s[0]) || !ascii_alnum(s[1]))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid modifier: \"%.*s\"", len, s),
				 errdetail("Modifiers are exactly 2 letters or digits.")));
	if (line->nmodifiers == MAX_LINE_MODIFIERS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("a claim line has at most %d modifiers", MAX_LINE_MODIFIERS)));
	line->modifiers[line->nmodifiers][0] = ascii_upper(s[0]);
	line->modifiers[line->nmodifiers][1] = ascii_upper(s[1]);
	if (!modifier_seen(line, line->modifiers[line->nmodifiers]))
		line->nmodifiers++;		/* a repeated modifier counts once */
}

/*
 * Read the modifiers text[]; NULL and empty elements are skipped.
 *
 * A short-header array (the usual stored form of a few modifiers) is read
 * where it lies, without the copy detoasting would make.  Its contents are
 * laid out as if its header were the usual four bytes at an aligned
 * address, so header fields and element alignment are taken from offsets
 * counted from there; nothing before the value itself is read.
 */
static void
read_modifiers(Datum d, ClaimLine *line)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);
	const char *base;
	int32		ndim;
	int32		dataoffset;
	Oid			elemtype;
	const bits8 *nulls = NULL;
	int			nitems = 1;
	Size		offset;
	int			i;

	if (VARATT_IS_SHORT(v))
		base = (const char *) v - (VARHDRSZ - VARHDRSZ_SHORT);
	else
		base = (const char *) DatumGetArrayTypeP(d);
	memcpy(&ndim, base + offsetof(ArrayType, ndim), sizeof(int32));
	memcpy(&dataoffset, base + offsetof(ArrayType, dataoffset), sizeof(int32));
	memcpy(&elemtype, base + offsetof(ArrayType, elemtype), sizeof(Oid));
	if (elemtype != TEXTOID)
		elog(ERROR, "modifiers must be text[]");
	if (ndim <= 0)
		return;
	for (i = 0; i < ndim; i++)
	{
		int32		dim;

		memcpy(&dim, base + sizeof(ArrayType) + i * sizeof(int32), sizeof(int32));
		nitems *= dim;			/* the array's constructor checked the product */
	}
	offset = ARR_OVERHEAD_NONULLS(ndim);
	if (dataoffset != 0)
	{
		nulls = (const bits8 *) base + offset;
		offset = dataoffset;
	}
	for (i = 0; i < nitems; i++)
	{
		const text *t;

		if (nulls && !(nulls[i / 8] & (1 << (i % 8))))
			continue;
		t = (const text *) (base + offset);
		offset = INTALIGN(offset + VARSIZE_ANY(t));
		read_modifier(t, line);
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
		code[i] = ascii_upper(s[i]);
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
		read_modifiers(PG_GETARG_DATUM(2), line);
	line->units = PG_GETARG_DATUM(3);
	line->has_billed = !PG_ARGISNULL(4);
	line->billed = PG_GETARG_DATUM(4);
	line->has_medicare = !PG_ARGISNULL(5);
	line->medicare = PG_GETARG_DATUM(5);
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
	PriceTrace	trace;
	const PricedSchedule *ps;
	int64		cents;

	if (!read_line(fcinfo, &line))
		PG_RETURN_NULL();
	ps = priced_schedule(fcinfo, 0);
	if (!resolve_line(ps, &line, &trace))
		PG_RETURN_NULL();
	if (price_fixed(ps->schedule, &line, &trace, &cents))
		PG_RETURN_NUMERIC(money_from_cents(cents));
	PG_RETURN_NUMERIC(price_numeric(ps->schedule, &line, &trace));
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
	const PricedSchedule *ps;
	const RateSchedule *s;
	int			i;

	if (!read_line(fcinfo, &line))
		PG_RETURN_NULL();
	ps = priced_schedule(fcinfo, 0);
	s = ps->schedule;
	result = resolve_line(ps, &line, &t) ? price_numeric(s, &line, &t) : NULL;

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
		push_numeric(&state, "amount", t.base ? t.adjust_amount[i] : NULL, true);
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
		push_numeric(&state, "billed", line.has_billed ? line_numeric(line.billed) : NULL, true);
		push_bool(&state, "applied", t.lesser_of_applied);
		pushJsonbValue(&state, WJB_END_OBJECT, NULL);
	}
	push_text(&state, "unpriced", t.unpriced);
	push_numeric(&state, "allowed", result, false);
	PG_RETURN_JSONB_P(JsonbValueToJsonb(pushJsonbValue(&state, WJB_END_OBJECT, NULL)));
}
