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
#include "fixed.h"
#include "money.h"

#include "access/detoast.h"
#include "catalog/pg_type.h"
#include "port/pg_bswap.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

/* ---------- the code index ---------- */

/*
 * A cached schedule gets an open-addressing hash table from code to the
 * first of its entries, so a lookup touches one or two cache lines where
 * a binary search over a large schedule misses the cache a dozen times.
 */
typedef struct CodeIndex
{
	uint32		mask;			/* table size - 1; 0: no index */
	int32	   *first;			/* entry index of a code's first entry, or -1 */
} CodeIndex;

/* A code as an integer that orders like its bytes (big-endian load). */
static inline uint64
code_key(const char *code)
{
	uint64		key;

	memcpy(&key, code, sizeof(key));
	return pg_hton64(key);
}

static inline uint32
code_hash(uint64 key)
{
	key ^= key >> 33;
	key *= UINT64CONST(0xff51afd7ed558ccd);
	key ^= key >> 33;
	return (uint32) key;
}

/* Build the index in the current memory context. */
static void
code_index_build(CodeIndex *index, const RateSchedule *s)
{
	const RateEntry *entries = RS_ENTRIES(s);
	uint32		size = 16;
	int			i;

	while (size < (uint32) s->nentries * 2)
		size *= 2;
	index->mask = size - 1;
	index->first = palloc(size * sizeof(int32));
	memset(index->first, -1, size * sizeof(int32));
	for (i = 0; i < s->nentries; i++)
	{
		uint64		key = code_key(entries[i].code);
		uint32		h;

		if (i > 0 && code_key(entries[i - 1].code) == key)
			continue;
		for (h = code_hash(key) & index->mask; index->first[h] >= 0; h = (h + 1) & index->mask)
			;
		index->first[h] = i;
	}
}

/* The first entry of a code, by the index, or -1. */
static int
code_index_find(const CodeIndex *index, const RateEntry *entries, uint64 key)
{
	uint32		h;

	for (h = code_hash(key) & index->mask; index->first[h] >= 0; h = (h + 1) & index->mask)
		if (code_key(entries[index->first[h]].code) == key)
			return index->first[h];
	return -1;
}

/* ---------- the schedule cache ---------- */

/*
 * Claim lines of several payers arrive interleaved, so the cache holds a
 * few schedules at once; a miss replaces the slots round-robin.
 */
#define SCHEDULE_CACHE_SLOTS 32

typedef struct CachedSchedule
{
	bool		on_disk;		/* keyed on a TOAST pointer */
	Oid			toastrelid;
	Oid			valueid;
	struct varlena *raw;		/* else keyed on these bytes */
	RateSchedule *schedule;		/* detoasted, in fn_mcxt */
	CodeIndex	index;			/* its codes, hashed */
} CachedSchedule;

typedef struct ScheduleCache
{
	int			nslots;
	int			next_victim;
	CachedSchedule slots[SCHEDULE_CACHE_SLOTS];
} ScheduleCache;

static bool
slot_matches(const CachedSchedule *slot, struct varlena *raw, bool on_disk,
			 const struct varatt_external *ext)
{
	if (slot->on_disk != on_disk)
		return false;
	if (on_disk)
		return slot->toastrelid == ext->va_toastrelid && slot->valueid == ext->va_valueid;
	return VARSIZE_ANY(slot->raw) == VARSIZE_ANY(raw) &&
		memcmp(slot->raw, raw, VARSIZE_ANY(raw)) == 0;
}

static void
slot_free(CachedSchedule *slot)
{
	pfree(slot->index.first);
	if ((Pointer) slot->schedule != (Pointer) slot->raw)
		pfree(slot->schedule);
	if (slot->raw)
		pfree(slot->raw);
}

/* Detoast raw into a slot of fn_mcxt, remembering its key. */
static void
slot_fill(FunctionCallInfo fcinfo, CachedSchedule *slot, struct varlena *raw,
		  bool on_disk, const struct varatt_external *ext)
{
	MemoryContext oldcontext = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

	slot->on_disk = on_disk;
	slot->toastrelid = ext->va_toastrelid;
	slot->valueid = ext->va_valueid;
	slot->raw = NULL;
	if (!on_disk)
	{
		slot->raw = palloc(VARSIZE_ANY(raw));
		memcpy(slot->raw, raw, VARSIZE_ANY(raw));
	}
	slot->schedule = (RateSchedule *) detoast_attr(on_disk ? raw : slot->raw);
	code_index_build(&slot->index, slot->schedule);
	MemoryContextSwitchTo(oldcontext);
}

/*
 * The detoasted schedule of argument argno, from the cache when it holds
 * the same value: same TOAST pointer, or for an inline value same bytes.
 */
static RateSchedule *
cached_schedule(FunctionCallInfo fcinfo, int argno, const CodeIndex **index)
{
	struct varlena *raw = (struct varlena *) PG_GETARG_POINTER(argno);
	ScheduleCache *cache = fcinfo->flinfo->fn_extra;
	struct varatt_external ext = {0};
	bool		on_disk = VARATT_IS_EXTERNAL_ONDISK(raw);
	CachedSchedule *slot;
	int			i;

	*index = NULL;
	if (VARATT_IS_EXTERNAL(raw) && !on_disk)
		return DatumGetRateScheduleP(PointerGetDatum(raw));	/* in-memory pointer: no stable key */
	if (cache == NULL)
		cache = fcinfo->flinfo->fn_extra =
			MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(ScheduleCache));
	if (on_disk)
		VARATT_EXTERNAL_GET_POINTER(ext, raw);
	for (i = 0; i < cache->nslots; i++)
		if (slot_matches(&cache->slots[i], raw, on_disk, &ext))
		{
			*index = &cache->slots[i].index;
			return cache->slots[i].schedule;
		}

	if (cache->nslots < SCHEDULE_CACHE_SLOTS)
		slot = &cache->slots[cache->nslots++];
	else
	{
		slot = &cache->slots[cache->next_victim];
		cache->next_victim = (cache->next_victim + 1) % SCHEDULE_CACHE_SLOTS;
		slot_free(slot);
	}
	slot_fill(fcinfo, slot, raw, on_disk, &ext);
	*index = &slot->index;
	return slot->schedule;
}

/* ---------- matching ---------- */

/*
 * The entries for a code: the first by the index (or a binary search when
 * there is none), then the run of them (one per modifier and setting,
 * usually a handful).  Sets *n.
 */
static const RateEntry *
code_entries(const RateSchedule *s, const CodeIndex *index, const char *code, int *n)
{
	const RateEntry *entries = RS_ENTRIES(s);
	uint64		key = code_key(code);
	int			lo = 0;
	int			hi = s->nentries;
	int			end;

	if (index != NULL)
	{
		lo = code_index_find(index, entries, key);
		if (lo < 0)
		{
			*n = 0;
			return entries;
		}
		hi = lo;
	}
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (code_key(entries[mid].code) < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < s->nentries && code_key(entries[end].code) == key; end++)
		;
	*n = end - lo;
	return entries + lo;
}

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
	uint8		method;			/* the matched rule */
	int64		value;
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
match_entry(const RateSchedule *s, const CodeIndex *index, const ClaimLine *line,
			const char **match)
{
	int			n;
	const RateEntry *run = code_entries(s, index, line->code, &n);
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
	if ((e = find_in_run(run, n, NULL, SETTING_ANY)) != NULL)
	{
		*match = "code";
		return e;
	}
	*match = "default";
	return NULL;
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
resolve_line(const RateSchedule *s, const CodeIndex *index, const ClaimLine *line,
			 PriceTrace *trace)
{
	const RateEntry *e;
	int			i;

	/* no memset: the arrays are filled as far as nadjusts says */
	trace->nadjusts = 0;
	trace->base = trace->after_mppr = NULL;
	trace->lesser_of_applied = false;
	trace->unpriced = NULL;
	e = trace->entry = match_entry(s, index, line, &trace->match);
	if (e == NULL && !(s->flags & RS_HAS_DEFAULT))
	{
		trace->match = NULL;
		trace->unpriced = "no entry matches the code and the schedule has no default";
		return false;
	}
	trace->method = e ? e->method : s->default_method;
	trace->value = e ? e->value : s->default_value;
	if (trace->method == RM_PCT_MEDICARE && !line->has_medicare)
		trace->unpriced = "the rule is a percent of medicare and the medicare amount is NULL";
	if (trace->method == RM_PCT_BILLED && !line->has_billed)
		trace->unpriced = "the rule is a percent of billed and the billed amount is NULL";
	for (i = 0; i < line->nmodifiers; i++)
	{
		int64		pct;

		if (e && memcmp(e->modifier, line->modifiers[i], 2) == 0)
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
numeric_base(const PriceTrace *t, const ClaimLine *line)
{
	switch (t->method)
	{
		case RM_AMOUNT:
			return num_mul(int64_div_fast_to_numeric(t->value, 6), line_numeric(line->units));
		case RM_CASE:
			return int64_div_fast_to_numeric(t->value, 6);
		case RM_PCT_MEDICARE:
			return num_mul(num_percent(line_numeric(line->medicare), t->value),
						   line_numeric(line->units));
		case RM_PCT_BILLED:
			return num_percent(line_numeric(line->billed), t->value);
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
	Numeric		amount = t->base = numeric_base(t, line);
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
 * The same computation in exact 128-bit fixed point, with no allocation:
 * the hot path.  False when a number does not fit; the caller then uses
 * price_numeric, which gives the same answer.
 */
static bool
price_fixed(const RateSchedule *s, const ClaimLine *line, const PriceTrace *t, int64 *cents)
{
#ifdef CONTRACTS_HAVE_FIXED
	Fixed		amount;
	Fixed		units;
	Fixed		basis;
	Fixed		billed;
	int			i;
	int			c;

	if (!fixed_from_numeric(line->units, &units))
		return false;
	switch (t->method)
	{
		case RM_AMOUNT:
			amount = fixed_make(t->value, 6);
			if (!fixed_mul(&amount, units))
				return false;
			break;
		case RM_CASE:
			amount = fixed_make(t->value, 6);
			break;
		default:
			amount = fixed_make(t->value, 8);
			if (!fixed_from_numeric(t->method == RM_PCT_BILLED ? line->billed : line->medicare, &basis) ||
				!fixed_mul(&amount, basis) ||
				(t->method == RM_PCT_MEDICARE && !fixed_mul(&amount, units)))
				return false;
			break;
	}
	for (i = 0; i < t->nadjusts; i++)
		if (!fixed_mul(&amount, fixed_make(t->adjust_percent[i], 8)))
			return false;
	if (t->mppr_percent != 100 * RS_MICRO && !fixed_mul(&amount, fixed_make(t->mppr_percent, 8)))
		return false;
	if (s->lesser_of && line->has_billed)
	{
		if (!fixed_from_numeric(line->billed, &billed) || !fixed_cmp(billed, amount, &c))
			return false;
		if (c < 0)
			amount = billed;
	}
	return fixed_round_cents(amount, cents);
#else
	return false;
#endif
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

/*
 * The modifiers array without a palloc per row: a short-header array (the
 * usual stored form of a few modifiers) is copied into the caller's
 * aligned buffer instead of being detoasted.
 */
typedef union
{
	ArrayType	header;
	char		bytes[VARATT_SHORT_MAX + VARHDRSZ];
	int64		align;
} ModifiersBuffer;

static ArrayType *
modifiers_array(Datum d, ModifiersBuffer *buffer)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);

	if (!VARATT_IS_SHORT(v))
		return DatumGetArrayTypeP(d);
	memcpy(buffer->bytes + VARHDRSZ, VARDATA_SHORT(v), VARSIZE_SHORT(v) - VARHDRSZ_SHORT);
	SET_VARSIZE(buffer->bytes, VARSIZE_SHORT(v) - VARHDRSZ_SHORT + VARHDRSZ);
	return &buffer->header;
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
		line->modifiers[line->nmodifiers][0] = ascii_upper(s[0]);
		line->modifiers[line->nmodifiers][1] = ascii_upper(s[1]);
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
	ModifiersBuffer buffer;
	int			i;

	for (i = 0; i < (int) lengthof(required); i++)
		if (PG_ARGISNULL(required[i]))
			return false;
	memset(line, 0, sizeof(ClaimLine));
	if (!read_code(PG_GETARG_TEXT_PP(1), line->code))
		return false;			/* no code of that shape has an entry */
	if (!PG_ARGISNULL(2))
		read_modifiers(modifiers_array(PG_GETARG_DATUM(2), &buffer), line);
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
	RateSchedule *s;
	const CodeIndex *index;
	int64		cents;

	if (!read_line(fcinfo, &line))
		PG_RETURN_NULL();
	s = cached_schedule(fcinfo, 0, &index);
	if (!resolve_line(s, index, &line, &trace))
		PG_RETURN_NULL();
	if (price_fixed(s, &line, &trace, &cents))
		PG_RETURN_NUMERIC(money_from_cents(cents));
	PG_RETURN_NUMERIC(price_numeric(s, &line, &trace));
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
	const CodeIndex *index;
	int			i;

	if (!read_line(fcinfo, &line))
		PG_RETURN_NULL();
	s = cached_schedule(fcinfo, 0, &index);
	result = resolve_line(s, index, &line, &t) ? price_numeric(s, &line, &t) : NULL;

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
