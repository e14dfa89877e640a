/*-------------------------------------------------------------------------
 * schedule_cache.c
 *	  Rate schedules decoded once per query for pricing.
 *
 * Pricing a million lines joined to their payers' schedules hands
 * expected_allowed the same (usually TOASTed) schedule on every row.  The
 * detoasted schedule is kept in fn_extra for the life of the query, keyed
 * on its TOAST pointer (or, for an inline value, its bytes), together with
 * a hash index of its codes whose slots carry the usual plain rule inline:
 * a lookup reads one cache line and allocates nothing.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "schedule_cache.h"

#include "access/detoast.h"
#include "utils/memutils.h"

#define CACHE_LINE 64

/* A rule's rate or percent as an exact fraction, trailing zeros dropped. */
Fixed64
rule_factor(uint8 method, int64 value)
{
	bool		percent = (method == RM_PCT_MEDICARE || method == RM_PCT_BILLED);

	return fixed64_make(value, percent ? 8 : 6);
}

/* Fill a code's slot from its run of entries. */
static void
slot_set(CodeSlot *slot, const RateEntry *run, int first, int n)
{
	int			i;

	memset(slot, 0, sizeof(CodeSlot));
	slot->key = code_key(run->code);
	slot->first = first;
	slot->nentries = n;
	slot->plain_method = RM_NONE;
	/* entries sort by modifier, then setting: a plain entry comes first */
	if (run->modifier[0] == '\0' && run->setting == SETTING_ANY)
	{
		Fixed64		f = rule_factor(run->method, run->value);

		slot->plain_method = run->method;
		slot->plain_factor = f.value;
		slot->plain_scale = f.scale;
	}
	for (i = 0; i < n; i++)
	{
		if (run[i].modifier[0] != '\0')
			slot->flags |= CODE_HAS_MODIFIER_ENTRIES;
		if (run[i].setting != SETTING_ANY)
			slot->flags |= CODE_HAS_SETTING_ENTRIES;
	}
}

/*
 * Index the codes of ps->schedule in the current memory context: a table
 * at most two-thirds full, aligned to cache lines (two slots per line).
 */
static void
index_build(PricedSchedule *ps)
{
	const RateSchedule *s = ps->schedule;
	const RateEntry *entries = RS_ENTRIES(s);
	uint32		size = 16;
	char	   *mem;
	int			i;
	int			end;

	while (size < (uint32) s->nentries + (uint32) s->nentries / 2)
		size *= 2;
	ps->mask = size - 1;
	mem = palloc0(size * sizeof(CodeSlot) + CACHE_LINE);
	ps->slots = (CodeSlot *) TYPEALIGN(CACHE_LINE, mem);
	for (i = 0; i < s->nentries; i = end)
	{
		uint64		key = code_key(entries[i].code);
		uint32		h;

		for (end = i + 1; end < s->nentries && code_key(entries[end].code) == key; end++)
			;
		for (h = code_hash(key) & ps->mask; ps->slots[h].key != 0; h = (h + 1) & ps->mask)
			;
		slot_set(&ps->slots[h], &entries[i], i, end - i);
	}
}

/*
 * The schedule's rules as fixed point, once: the entries (compactly, with
 * what matching reads), the default, the modifier adjustments in force and
 * the MPPR percent by rank (rank - 1, up to RS_MAX_MPPR).
 */
static void
rules_build(PricedSchedule *ps)
{
	const RateSchedule *s = ps->schedule;
	const RateEntry *entries = RS_ENTRIES(s);
	ModifierAdjust *adjusts;
	int			i;

	ps->entries = palloc(Max(s->nentries, 1) * sizeof(PricingEntry));
	for (i = 0; i < s->nentries; i++)
	{
		PricingEntry *pe = &ps->entries[i];
		Fixed64		f = rule_factor(entries[i].method, entries[i].value);

		memcpy(pe->modifier, entries[i].modifier, 2);
		pe->setting = entries[i].setting;
		pe->method = entries[i].method;
		pe->scale = f.scale;
		pe->factor = f.value;
	}
	if (s->flags & RS_HAS_DEFAULT)
		ps->default_factor = rule_factor(s->default_method, s->default_value);
	adjusts = palloc((s->nadjusts + RS_BUILTIN_ADJUSTS) * sizeof(ModifierAdjust));
	ps->nadjusts = modifier_adjustments(s, adjusts);
	ps->adjusts = palloc(ps->nadjusts * sizeof(ModifierFactor));
	for (i = 0; i < ps->nadjusts; i++)
	{
		memcpy(ps->adjusts[i].modifier, adjusts[i].modifier, 2);
		ps->adjusts[i].percent = adjusts[i].percent;
		ps->adjusts[i].factor = fixed64_make(adjusts[i].percent, 8);
	}
	pfree(adjusts);
	/* a list has at most RS_MAX_MPPR ranks, so the last slot holds for any later rank */
	for (i = 0; i < RS_MAX_MPPR; i++)
	{
		ps->mppr_percent[i] = mppr_percent(s, i + 1);
		ps->mppr_factor[i] = fixed64_make(ps->mppr_percent[i], 8);
	}
}

/* ---------- the per-query cache ---------- */

/* Decode raw into ps, in the current memory context. */
static void
decode(PricedSchedule *ps, struct varlena *raw)
{
	ps->schedule = (RateSchedule *) PG_DETOAST_DATUM(PointerGetDatum(raw));
	index_build(ps);
	rules_build(ps);
}

/* Decode raw into cache entry i, in a context of its own under fn_mcxt. */
static void
entry_fill(FunctionCallInfo fcinfo, ScheduleCache *cache, int i, struct varlena *raw, uint64 key)
{
	CacheEntry *entry = &cache->entries[i];
	MemoryContext oldcontext;

	entry->context = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt, "contracts_ext schedule",
										   ALLOCSET_DEFAULT_SIZES);
	oldcontext = MemoryContextSwitchTo(entry->context);
	cache->keys[i] = key;
	entry->raw = NULL;
	if (key == 0)
	{
		entry->raw = palloc(VARSIZE_ANY(raw));
		memcpy(entry->raw, raw, VARSIZE_ANY(raw));
	}
	entry->ps = palloc(sizeof(PricedSchedule));
	decode(entry->ps, key == 0 ? entry->raw : raw);
	MemoryContextSwitchTo(oldcontext);
}

/*
 * priced_schedule beyond its inline fast path: an inline value, a value not
 * in the cache yet, or an in-memory TOAST pointer, which has no stable key
 * (such a value is decoded afresh in the calling context).
 */
const PricedSchedule *
priced_schedule_slow(FunctionCallInfo fcinfo, int argno)
{
	struct varlena *raw = (struct varlena *) PG_GETARG_POINTER(argno);
	ScheduleCache *cache = fcinfo->flinfo->fn_extra;
	uint64		key = 0;
	int			i;

	if (VARATT_IS_EXTERNAL_ONDISK(raw))
	{
		struct varatt_external ext;

		VARATT_EXTERNAL_GET_POINTER(ext, raw);
		key = ((uint64) ext.va_valueid << 32) | ext.va_toastrelid;
	}
	else if (VARATT_IS_EXTERNAL(raw))
	{
		PricedSchedule *ps = palloc(sizeof(PricedSchedule));

		decode(ps, raw);
		return ps;
	}
	if (cache == NULL)
		cache = fcinfo->flinfo->fn_extra =
			MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(ScheduleCache));
	for (i = 0; i < cache->nentries; i++)
		if (cache->keys[i] == key &&
			(key != 0 || (VARSIZE_ANY(cache->entries[i].raw) == VARSIZE_ANY(raw) &&
						  memcmp(cache->entries[i].raw, raw, VARSIZE_ANY(raw)) == 0)))
			return cache->entries[i].ps;

	if (cache->nentries < SCHEDULE_CACHE_SLOTS)
		i = cache->nentries++;
	else
	{
		i = cache->next_victim;
		cache->next_victim = (cache->next_victim + 1) % SCHEDULE_CACHE_SLOTS;
		MemoryContextDelete(cache->entries[i].context);
	}
	entry_fill(fcinfo, cache, i, raw, key);
	return cache->entries[i].ps;
}
