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
 * computed exactly in 64-bit fixed point without allocating (the hot path),
 * and in numeric when a number does not fit or when the steps are to be
 * explained; both give the same answer.  The hot path's helpers are forced
 * inline: pricing a line is a few hundred instructions, and calls and
 * spilled structs were a good share of them.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "rate_schedule.h"
#include "schedule_cache.h"
#include "fixed.h"
#include "medicare.h"
#include "money.h"

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

/* ---------- matching ---------- */

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

/* Where a modifier stands among the line's, or -1. */
static pg_attribute_always_inline int
modifier_index(const ClaimLine *line, const char *modifier)
{
	int			i;

	for (i = 0; i < line->nmodifiers; i++)
		if (line->modifiers[i][0] == modifier[0] && line->modifiers[i][1] == modifier[1])
			return i;
	return -1;
}

/* How a line is priced: the hot path's plan, and the steps expected_allowed_explain shows. */
typedef struct PriceTrace
{
	const char *match;			/* which rule of the match order hit */
	const RateEntry *entry;		/* NULL: the default rule */
	uint8		indicators;		/* the entry's payment indicators (RE_*) */
	uint16		bilateral_percent;	/* and its bilateral percent */
	const char *entry_modifier; /* the entry's modifier; NULL if it has none */
	uint8		method;			/* the matched rule... */
	Fixed64		factor;			/* ...its rate or percent as a fraction */
	Numeric		base;
	int			nadjusts;
	const ModifierFactor *adjusts[MAX_LINE_MODIFIERS];	/* that apply, in order */
	ModifierFactor entry_adjusts[MAX_LINE_MODIFIERS];	/* set by the entry's indicators */
	Numeric		adjust_amount[MAX_LINE_MODIFIERS];
	int			mppr_rank;		/* index into the schedule's MPPR list... */
	int64		mppr_percent;	/* ...and the percent there */
	Numeric		after_mppr;
	bool		lesser_of_applied;
	bool		bilateral_one_unit; /* modifier 50 and units > 1: priced as 1 */
	const char *unpriced;		/* why the line could not be priced */
} PriceTrace;

/*
 * The entry of a code's run that the match order picks, in one pass: each
 * entry that fits the line gets its place in the order (modifier and
 * setting by the line's modifier order, then modifier alone, then setting,
 * then the code alone) and the first place wins.  Sets *match.
 */
static pg_attribute_always_inline const PricingEntry *
match_in_run(const PricingEntry *run, int n, const ClaimLine *line, const char **match)
{
	static const char *const names[] = {"code, modifier and setting", "code and modifier",
	"code and setting", "code"};
	const PricingEntry *best = NULL;
	int			best_place = INT_MAX;
	int			i;

	for (i = 0; i < n; i++)
	{
		const PricingEntry *e = &run[i];
		bool		any_setting = (e->setting == SETTING_ANY);
		int			place;

		if (!any_setting && e->setting != line->setting)
			continue;
		if (e->modifier[0] == '\0')
			place = (any_setting ? 3 : 2) * MAX_LINE_MODIFIERS;
		else
		{
			int			k = modifier_index(line, e->modifier);

			if (k < 0)
				continue;
			place = (any_setting ? 1 : 0) * MAX_LINE_MODIFIERS + k;
		}
		if (place < best_place)
		{
			best_place = place;
			best = e;
		}
	}
	if (best != NULL)
		*match = names[best_place / MAX_LINE_MODIFIERS];
	return best;
}

/*
 * Match the line to a rule: the code's plain entry straight from its index
 * slot when no other entry of the code can match the line, else the match
 * order over the code's entries, else the default.  Sets trace->match,
 * entry, entry_modifier, method and factor; false when nothing matches.
 */
static pg_attribute_always_inline bool
match_line(PricedSchedule *ps, const ClaimLine *line, PriceTrace *trace)
{
	const RateSchedule *s = ps->schedule;
	const CodeSlot *slot = priced_schedule_find(ps, line->code);
	const PricingEntry *e;

	trace->entry_modifier = NULL;
	trace->indicators = 0;
	trace->bilateral_percent = 0;
	if (slot->info & SLOT_PLAIN)
	{
		trace->match = "code";
		trace->entry = ps->rs_entries + slot_first(slot);
		trace->method = slot->info & SLOT_METHOD_MASK;
		trace->factor.value = slot->value;
		trace->factor.scale = (slot->info >> SLOT_SCALE_SHIFT) & SLOT_SCALE_MASK;
		return true;
	}
	/* an absent code's slot has no entries (and the array may not exist) */
	e = slot->value > 0 ? match_in_run(ps->entries + slot_first(slot), slot->value, line, &trace->match) : NULL;
	if (e != NULL)
	{
		trace->entry = ps->rs_entries + (e - ps->entries);
		trace->method = e->method;
		trace->factor.value = e->factor;
		trace->factor.scale = e->scale;
		trace->indicators = e->indicators;
		trace->bilateral_percent = e->bilateral_percent;
		if (e->modifier[0] != '\0')
			trace->entry_modifier = e->modifier;
		return true;
	}
	trace->entry = NULL;
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
	return DatumGetNumeric(d);	/* detoasts */
}

/* Are the units more than one?  (Modifier 50 lines only.) */
static bool
units_over_one(Datum units)
{
	Fixed64		x;

	/* the fast reader's scale is at most 16, so 10^scale is in the table */
	if (fixed64_from_numeric(units, &x))
		return x.value > fixed_pow10[x.scale];
	return num_cmp(line_numeric(units), int64_to_numeric(1)) > 0;
}

/* 80, 81, 82 (assistant surgeon) and AS (non-physician assistant). */
static pg_attribute_always_inline bool
is_assistant_modifier(const char *m)
{
	return (m[0] == '8' && m[1] >= '0' && m[1] <= '2') || (m[0] == 'A' && m[1] == 'S');
}

static pg_attribute_always_inline bool
modifier_is(const char *m, const char *name)
{
	return m[0] == name[0] && m[1] == name[1];
}

/*
 * The assistant modifier whose adjustment applies, as an index into the
 * line's modifiers, or -1.  Payers require AS together with 80, 81 or 82,
 * and the pair is one assistant: AS's adjustment alone when present, else
 * the first of 80/81/82; none when the entry is written for one of them.
 */
static pg_attribute_always_inline int
line_assistant(const ClaimLine *line, const PriceTrace *trace)
{
	int			chosen = -1;
	int			i;

	if (trace->entry_modifier && is_assistant_modifier(trace->entry_modifier))
		return -1;
	for (i = 0; i < line->nmodifiers; i++)
		if (is_assistant_modifier(line->modifiers[i]))
		{
			if (modifier_is(line->modifiers[i], "AS"))
				return i;
			if (chosen < 0)
				chosen = i;
		}
	return chosen;
}

/*
 * A professional (26) or technical (TC) component priced by a fixed rule
 * that is not written for it and that no `modifier 26`/`modifier TC` rule
 * adjusts would be paid the global rate: the line is unpriced instead.
 * (A percent rule's basis, the Medicare amount or the charge, is the
 * component's own.)  NULL when the line can be priced.
 */
static pg_attribute_always_inline const char *
component_unpriced(const char *modifier, const PriceTrace *trace, const ModifierFactor *adjust)
{
	bool		is_26 = modifier_is(modifier, "26");

	if ((!is_26 && !modifier_is(modifier, "TC")) || adjust != NULL ||
		(trace->method != RM_AMOUNT && trace->method != RM_CASE))
		return NULL;
	if (trace->entry_modifier && modifier_is(trace->entry_modifier, modifier))
		return NULL;
	return is_26 ?
		"the line carries modifier 26 and the schedule has neither an entry for the code with modifier 26 nor a modifier 26 rule" :
		"the line carries modifier TC and the schedule has neither an entry for the code with modifier TC nor a modifier TC rule";
}

/*
 * A modifier's adjustment as the matched entry's payment indicators set it
 * (bilateral N%, no_assistant, no_cosurgeon), in *own; else adjust as is.
 */
static const ModifierFactor *
indicated_adjustment(const char *modifier, uint8 indicators, uint16 bilateral_percent,
					 const ModifierFactor *adjust, ModifierFactor *own)
{
	int64		percent;

	if ((indicators & RE_BILATERAL) && modifier_is(modifier, "50"))
		percent = bilateral_percent * RS_MICRO;
	else if (((indicators & RE_NO_ASSISTANT) && is_assistant_modifier(modifier)) ||
			 ((indicators & RE_NO_COSURGEON) && modifier_is(modifier, "62")))
		percent = 0;
	else
		return adjust;
	memset(own, 0, sizeof(ModifierFactor));
	memcpy(own->modifier, modifier, 2);
	own->percent = percent;
	own->factor = fixed64_make(percent, 8);
	return own;
}

/*
 * Decide how a line is priced, without arithmetic: the matched rule, the
 * modifier adjustments that apply and the MPPR percent.  False (with the
 * reason in trace->unpriced) when the line cannot be priced.
 */
static pg_attribute_always_inline bool
resolve_line(PricedSchedule *ps, const ClaimLine *line, PriceTrace *trace)
{
	int			assistant;
	uint8		indicators;
	uint16		bilateral_percent;
	int			i;

	/* no memset: the arrays are filled as far as nadjusts says */
	trace->nadjusts = 0;
	trace->base = trace->after_mppr = NULL;
	trace->lesser_of_applied = false;
	trace->bilateral_one_unit = false;
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
	indicators = trace->indicators;
	bilateral_percent = trace->bilateral_percent;
	assistant = line->nmodifiers ? line_assistant(line, trace) : -1;
	for (i = 0; i < line->nmodifiers; i++)
	{
		const char *modifier = line->modifiers[i];
		const ModifierFactor *adjust;
		const char *component;

		if (modifier_is(modifier, "50"))
			trace->bilateral_one_unit = units_over_one(line->units);
		if (trace->entry_modifier && modifier_is(trace->entry_modifier, modifier))
			continue;			/* the entry is written for this modifier */
		if (is_assistant_modifier(modifier) && i != assistant)
			continue;			/* one assistant adjustment per line */
		adjust = priced_schedule_adjustment(ps, modifier);
		if (unlikely(indicators != 0))
			adjust = indicated_adjustment(modifier, indicators, bilateral_percent, adjust,
										  &trace->entry_adjusts[trace->nadjusts]);
		if (unlikely((component = component_unpriced(modifier, trace, adjust)) != NULL))
			trace->unpriced = component;
		if (adjust != NULL)
			trace->adjusts[trace->nadjusts++] = adjust;
	}
	trace->mppr_rank = Min(line->rank, RS_MAX_MPPR) - 1;
	trace->mppr_percent = (indicators & RE_NO_MPPR) ? 100 * RS_MICRO : ps->mppr_percent[trace->mppr_rank];
	return trace->unpriced == NULL;
}

/* The units a per-unit rule multiplies by: one for a bilateral procedure. */
static Numeric
priced_units(const ClaimLine *line, const PriceTrace *t)
{
	return t->bilateral_one_unit ? int64_to_numeric(1) : line_numeric(line->units);
}

/* The rule's base amount in numeric. */
static Numeric
numeric_base(const RateSchedule *s, const PriceTrace *t, const ClaimLine *line)
{
	int64		value = t->entry ? t->entry->value : s->default_value;

	switch (t->method)
	{
		case RM_AMOUNT:
			return num_mul(int64_div_fast_to_numeric(value, 6), priced_units(line, t));
		case RM_CASE:
			return int64_div_fast_to_numeric(value, 6);
		case RM_PCT_MEDICARE:
			return num_mul(num_percent(line_numeric(line->medicare), value),
						   priced_units(line, t));
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
		amount = t->adjust_amount[i] = num_percent(amount, t->adjusts[i]->percent);
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
 * A line's number in 64-bit fixed point: stored short values inline, the
 * rest (a constant such as units' default 1 has a 4-byte header) through
 * the general reader; false when it does not fit.
 */
static pg_attribute_always_inline bool
line_fixed64(Datum d, Fixed64 *x)
{
	Fixed		f;

	if (likely(fixed64_from_numeric(d, x)))
		return true;
	if (!fixed_from_numeric_slow(d, &f) || !fixed_fits_int64(f.value) || f.scale > FIXED64_MAX_SCALE)
		return false;
	x->value = (int64) f.value;
	x->scale = f.scale;
	return true;
}

/*
 * The same computation in exact 64-bit fixed point, with no allocation:
 * the hot path.  False when a number does not fit; the caller then uses
 * price_numeric, which gives the same answer.  Rounding half up never
 * decreases a value, so the lesser of the rounded amounts is the rounded
 * lesser amount: lesser-of compares cents.
 */
static pg_attribute_always_inline bool
price_fixed(const PricedSchedule *ps, const ClaimLine *line, const PriceTrace *t, int64 *cents)
{
	Fixed64		amount = t->factor;
	Fixed64		x;
	int64		billed_cents;
	int			i;

	switch (t->method)
	{
		case RM_AMOUNT:
			if (!t->bilateral_one_unit &&
				(!line_fixed64(line->units, &x) || !fixed64_mul(&amount, x)))
				return false;
			break;
		case RM_CASE:
			break;
		case RM_PCT_MEDICARE:
			if (!line_fixed64(line->medicare, &x) || !fixed64_mul(&amount, x))
				return false;
			if (!t->bilateral_one_unit &&
				(!line_fixed64(line->units, &x) || !fixed64_mul(&amount, x)))
				return false;
			break;
		case RM_PCT_BILLED:
			if (!line_fixed64(line->billed, &x) || !fixed64_mul(&amount, x))
				return false;
			break;
	}
	for (i = 0; i < t->nadjusts; i++)
		if (!fixed64_mul(&amount, t->adjusts[i]->factor))
			return false;
	if (t->mppr_percent != 100 * RS_MICRO && !fixed64_mul(&amount, ps->mppr_factor[t->mppr_rank]))
		return false;
	if (!fixed64_round_cents(amount, cents))
		return false;
	if (ps->lesser_of && line->has_billed)
	{
		if (!line_fixed64(line->billed, &x) || !fixed64_round_cents(x, &billed_cents))
			return false;
		*cents = Min(*cents, billed_cents);
	}
	return true;
}

/* ---------- arguments ---------- */

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
	if (modifier_index(line, line->modifiers[line->nmodifiers]) < 0)
		line->nmodifiers++;		/* a repeated modifier counts once */
}

/*
 * Read the modifiers text[]; NULL and empty elements are skipped.
 *
 * A short-header array (the usual stored form of a few modifiers) is read
 * where it lies, without the copy detoasting would make.  Its contents are
 * laid out as if its header were the usual four bytes at an aligned
 * address, so header fields and element alignment are taken from offsets
 * counted from there; nothing before the value itself is read.  Anything
 * else (a TOAST pointer or an expanded array, such as a PL/pgSQL text[]
 * variable or array_append's result, whose one-byte headers are not
 * short-header arrays) is flattened by DatumGetArrayTypeP first.
 */
static pg_attribute_always_inline void
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

	if (VARATT_IS_SHORT(v) && !VARATT_IS_EXTERNAL(v))
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
		if (nitems <= 8 && (nulls[0] & ((1 << nitems) - 1)) == 0)
			return;				/* all NULL, as modifier1..4 columns often are */
	}
	for (i = 0; i < nitems; i++)
	{
		const text *t;

		if (nulls && !(nulls[(uint32) i >> 3] & (1 << ((uint32) i & 7))))
			continue;
		t = (const text *) (base + offset);
		offset = INTALIGN(offset + VARSIZE_ANY(t));
		read_modifier(t, line);
	}
}

/*
 * Read the code into code[]: up to 7 characters, upper-cased, NUL-padded;
 * false when no code has that shape.  Most codes are CPT digits, so the
 * bytes are moved in two (overlapping) 4-byte copies and only a code with
 * letters in it is upper-cased byte by byte.
 */
static pg_attribute_always_inline bool
read_code(Datum d, char *code)
{
	struct varlena *t = (struct varlena *) DatumGetPointer(d);
	const char *s;
	int			len;
	uint64		word;
	int			i;

	if (unlikely(VARATT_IS_EXTERNAL(t) || VARATT_IS_COMPRESSED(t)))
		t = pg_detoast_datum_packed(t);
	s = VARDATA_ANY(t);
	len = VARSIZE_ANY_EXHDR(t);
	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (len < 1 || len >= RS_CODE_LEN)
		return false;
	memset(code, 0, RS_CODE_LEN);
	if (len >= 4)
	{
		memcpy(code, s, 4);
		memcpy(code + len - 4, s + len - 4, 4);
	}
	else
		memcpy(code, s, len);
	memcpy(&word, code, sizeof(word));
	if (word & UINT64CONST(0x4040404040404040))	/* a byte from '@' up: maybe a letter */
		for (i = 0; i < len; i++)
			code[i] = ascii_upper(code[i]);
	return true;
}

/* Is a numeric argument negative?  Read from the header where it can be. */
static pg_attribute_always_inline bool
numeric_arg_negative(Datum d)
{
	const char *p = DatumGetPointer(d);
	uint16		header;

	if (likely(VARATT_IS_SHORT(p)))
		memcpy(&header, p + VARHDRSZ_SHORT, sizeof(uint16));
	else if (!VARATT_IS_EXTENDED(p))
		memcpy(&header, p + VARHDRSZ, sizeof(uint16));	/* a constant: 4-byte header */
	else
		return numeric_is_negative(line_numeric(d));
	if ((header & FIXED_NUMERIC_FORM_MASK) == FIXED_NUMERIC_SHORT)
		return (header & FIXED_NUMERIC_SHORT_SIGN_MASK) != 0;
	return numeric_is_negative(line_numeric(d));
}

/* Units, billed and Medicare amounts are never negative: a reversal is not a line to price. */
static void
report_negative(Datum d, const char *name)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s must not be negative: %s", name,
					DatumGetCString(DirectFunctionCall1(numeric_out, d))),
			 errdetail("A claim line's units, billed charge and Medicare amount are zero or more."),
			 errhint("Price the original line; a reversal or credit line is its negative.")));
}

/* Where a pricing function's arguments are; -1: not an argument (NULL). */
typedef struct LineArgs
{
	int			code;
	int			modifiers;
	int			units;
	int			billed;
	int			medicare;
	int			rank;
	int			facility;
	int			schedule;
} LineArgs;

static const LineArgs expected_allowed_args = {1, 2, 3, 4, 5, 6, 7, 0};

/* medicare_allowed(code, modifiers, year, locality, facility, units, procedure_rank) */
static const LineArgs medicare_allowed_args = {0, 1, 5, -1, -1, 6, 4, -1};

/*
 * Read a claim line from the arguments at args' positions (constants, so
 * this compiles to direct reads); false when the result is NULL (NULL
 * schedule, code, units, rank or facility).
 */
static pg_attribute_always_inline bool
read_line(FunctionCallInfo fcinfo, const LineArgs *args, ClaimLine *line)
{
	if ((args->schedule >= 0 && PG_ARGISNULL(args->schedule)) || PG_ARGISNULL(args->code) ||
		PG_ARGISNULL(args->units) || PG_ARGISNULL(args->rank) || PG_ARGISNULL(args->facility))
		return false;
	line->nmodifiers = 0;		/* no memset: modifiers[] is filled as far as this says */
	if (!read_code(PG_GETARG_DATUM(args->code), line->code))
		return false;			/* no code of that shape has an entry */
	if (!PG_ARGISNULL(args->modifiers))
		read_modifiers(PG_GETARG_DATUM(args->modifiers), line);
	line->units = PG_GETARG_DATUM(args->units);
	line->has_billed = args->billed >= 0 && !PG_ARGISNULL(args->billed);
	line->billed = line->has_billed ? PG_GETARG_DATUM(args->billed) : (Datum) 0;
	line->has_medicare = args->medicare >= 0 && !PG_ARGISNULL(args->medicare);
	line->medicare = line->has_medicare ? PG_GETARG_DATUM(args->medicare) : (Datum) 0;
	if (numeric_datum_is_special(line->units) ||
		(line->has_billed && numeric_datum_is_special(line->billed)) ||
		(line->has_medicare && numeric_datum_is_special(line->medicare)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("units, billed and medicare amounts must be finite numbers"),
				 errdetail("NaN and infinity are not amounts; pass NULL for an unknown amount.")));
	line->rank = PG_GETARG_INT32(args->rank);
	line->setting = PG_GETARG_BOOL(args->facility) ? SETTING_FACILITY : SETTING_NONFACILITY;
	if (line->rank < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("procedure_rank must be 1 or more, not %d", line->rank),
				 errhint("Rank same-day procedures by fee, highest first, starting at 1.")));
	if (unlikely(numeric_arg_negative(line->units)))
		report_negative(line->units, "units");
	if (line->has_billed && unlikely(numeric_arg_negative(line->billed)))
		report_negative(line->billed, "billed");
	if (line->has_medicare && unlikely(numeric_arg_negative(line->medicare)))
		report_negative(line->medicare, "medicare");
	return true;
}

/* The allowed amount of a read line, or NULL when it cannot be priced. */
static pg_attribute_always_inline Numeric
price_line(PricedSchedule *ps, const ClaimLine *line)
{
	PriceTrace	trace;
	int64		cents;

	if (!resolve_line(ps, line, &trace))
		return NULL;
	if (price_fixed(ps, line, &trace, &cents))
		return money_from_cents(cents);
	return price_numeric(ps->schedule, line, &trace);
}

/*
 * medicare_allowed's line, from its arguments, priced by its locality's
 * fee schedule (see medicare_schedule.c): the same rules as
 * expected_allowed, so the two agree by construction.  NULL when the line
 * cannot be priced.
 */
Numeric
price_medicare_line(FunctionCallInfo fcinfo, PricedSchedule *ps)
{
	ClaimLine	line;

	if (!read_line(fcinfo, &medicare_allowed_args, &line))
		return NULL;
	return price_line(ps, &line);
}

PG_FUNCTION_INFO_V1(expected_allowed);
Datum
expected_allowed(PG_FUNCTION_ARGS)
{
	ClaimLine	line;
	Numeric		result;

	if (!read_line(fcinfo, &expected_allowed_args, &line))
		PG_RETURN_NULL();
	result = price_line(priced_schedule(fcinfo, 0), &line);
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
	PricedSchedule *ps;
	const RateSchedule *s;
	int			i;

	if (!read_line(fcinfo, &expected_allowed_args, &line))
		PG_RETURN_NULL();
	ps = priced_schedule(fcinfo, 0);
	s = ps->schedule;
	result = resolve_line(ps, &line, &t) ? price_numeric(s, &line, &t) : NULL;

	pushJsonbValue(&state, WJB_BEGIN_OBJECT, NULL);
	push_text(&state, "code", line.code);
	push_text(&state, "match", t.match);
	push_text(&state, "selector", t.match == NULL ? NULL : t.entry ? format_selector(t.entry) : "default");
	push_text(&state, "rule", t.match == NULL ? NULL :
			  t.entry ? format_entry_rule(t.entry) : format_rule(s->default_method, s->default_value));
	push_numeric(&state, "base", t.base, true);
	if (t.bilateral_one_unit)
		push_text(&state, "bilateral", "modifier 50 is one bilateral procedure: the base is for 1 unit");
	push_key(&state, "adjustments");
	pushJsonbValue(&state, WJB_BEGIN_ARRAY, NULL);
	for (i = 0; i < t.nadjusts; i++)
	{
		pushJsonbValue(&state, WJB_BEGIN_OBJECT, NULL);
		push_text(&state, "modifier", pnstrdup(t.adjusts[i]->modifier, 2));
		push_numeric(&state, "percent", int64_div_fast_to_numeric(t.adjusts[i]->percent, 6), true);
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
