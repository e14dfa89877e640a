/*-------------------------------------------------------------------------
 * schedule_cache.c
 *	  Rate schedules decoded once per query for pricing.
 *
 * Pricing a million lines joined to their payers' schedules hands
 * expected_allowed the same (usually TOASTed) schedule on every row.  The
 * detoasted schedule is kept in fn_extra for the life of the query, keyed
 * on its TOAST pointer (or, for an inline value, its bytes), together with
 * a hash index of the codes looked up so far, whose slots carry the usual
 * plain rule inline: a lookup reads one cache line and allocates nothing.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "schedule_cache.h"

#include "access/detoast.h"
#include "utils/memutils.h"

#define CACHE_LINE 64
#define INDEX_ALL_AFTER 512		/* codes looked up before indexing them all */

/* A rule's rate or percent as an exact fraction, trailing zeros dropped. */
Fixed64
rule_factor(uint8 method, int64 value)
{
	bool		percent = (method == RM_PCT_MEDICARE || method == RM_PCT_BILLED);

	return fixed64_make(value, percent ? 8 : 6);
}

/* Fill a code's slot from its run of entries (n may be 0: no entries). */
static void
slot_set(CodeSlot *slot, uint64 key, const RateEntry *run, int first, int n)
{
	int			i;

	memset(slot, 0, sizeof(CodeSlot));
	slot->key = key;
	slot->first = first;
	slot->nentries = n;
	slot->plain_method = RM_NONE;
	/* entries sort by modifier, then setting: a plain entry comes first */
	if (n > 0 && run->modifier[0] == '\0' && run->setting == SETTING_ANY)
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

/* Ready the rules of entries [first, first + n) for matching and pricing. */
static void
entries_set(PricedSchedule *ps, int first, int n)
{
	const RateEntry *entries = RS_ENTRIES(ps->schedule);
	int			i;

	for (i = first; i < first + n; i++)
	{
		PricingEntry *pe = &ps->entries[i];
		Fixed64		f = rule_factor(entries[i].method, entries[i].value);

		memcpy(pe->modifier, entries[i].modifier, 2);
		pe->setting = entries[i].setting;
		pe->method = entries[i].method;
		pe->scale = f.scale;
		pe->factor = f.value;
	}
}

/* Where the run of entries for key that starts at first ends. */
static int
run_end(const RateSchedule *s, int first, uint64 key)
{
	const RateEntry *entries = RS_ENTRIES(s);
	int			end;

	for (end = first; end < s->nentries && code_key(entries[end].code) == key; end++)
		;
	return end;
}

/* A code's first entry, by binary search, and the length of its run in *n. */
static int
code_run(const RateSchedule *s, uint64 key, int *n)
{
	const RateEntry *entries = RS_ENTRIES(s);
	int			lo = 0;
	int			hi = s->nentries;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (code_key(entries[mid].code) < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	*n = run_end(s, lo, key) - lo;
	return lo;
}

/* An empty table of size slots (a power of 2), aligned to cache lines. */
static void
index_alloc(PricedSchedule *ps, uint32 size)
{
	ps->slots_mem = MemoryContextAllocZero(ps->context, size * sizeof(CodeSlot) + CACHE_LINE);
	ps->slots = (CodeSlot *) TYPEALIGN(CACHE_LINE, ps->slots_mem);
	ps->mask = size - 1;
}

/* The free slot where key goes (it is not in the table). */
static CodeSlot *
slot_for(PricedSchedule *ps, uint64 key)
{
	uint32		h;

	for (h = code_hash(key) & ps->mask; ps->slots[h].key != 0; h = (h + 1) & ps->mask)
		;
	return &ps->slots[h];
}

/* Move the index to a table of size slots (a larger power of 2). */
static void
index_resize(PricedSchedule *ps, uint32 size)
{
	CodeSlot   *old = ps->slots;
	void	   *old_mem = ps->slots_mem;
	uint32		old_size = ps->mask + 1;
	uint32		i;

	index_alloc(ps, size);
	for (i = 0; i < old_size; i++)
		if (old[i].key != 0)
			*slot_for(ps, old[i].key) = old[i];
	pfree(old_mem);
}

/* Slot a code with its run of entries [first, first + n) and ready their rules. */
static CodeSlot *
index_code(PricedSchedule *ps, uint64 key, int first, int n)
{
	CodeSlot   *slot;

	if ((ps->nslots_used + 1) * 3 > (ps->mask + 1) * 2)
		index_resize(ps, (ps->mask + 1) * 2);
	slot = slot_for(ps, key);
	slot_set(slot, key, RS_ENTRIES(ps->schedule) + first, first, n);
	entries_set(ps, first, n);
	ps->nslots_used++;
	return slot;
}

/*
 * Index every code of the schedule not indexed yet, in one pass over the
 * entries: cheaper than a binary search per code once many are looked up.
 */
static void
index_all(PricedSchedule *ps)
{
	const RateSchedule *s = ps->schedule;
	const RateEntry *entries = RS_ENTRIES(s);
	uint32		size = ps->mask + 1;
	int			i;
	int			end;

	/* straight to the final size: at most two-thirds full with every code */
	while (size * 2 < ((uint32) s->nentries + ps->nslots_used + 1) * 3)
		size *= 2;
	if (size > ps->mask + 1)
		index_resize(ps, size);
	for (i = 0; i < s->nentries; i = end)
	{
		uint64		key = code_key(entries[i].code);
		uint32		h;

		end = run_end(s, i, key);
		for (h = code_hash(key) & ps->mask; ps->slots[h].key != 0 && ps->slots[h].key != key;
			 h = (h + 1) & ps->mask)
			;
		if (ps->slots[h].key == 0)
			index_code(ps, key, i, end - i);
	}
	ps->indexed_all = true;
}

/*
 * Index a code at its first lookup: find its entries by binary search,
 * ready their rules, and give it a slot (a code with no entries gets one
 * too, so its next lookup is as quick).  A practice bills a few hundred of
 * a full exhibit's thousands of codes, so indexing codes as they come costs
 * far less than indexing every code of every schedule in every query; when
 * a query turns out to use many of them, the rest are indexed in one pass.
 * The table is kept at most two-thirds full.
 */
const CodeSlot *
priced_schedule_add_code(PricedSchedule *ps, uint64 key)
{
	int			n;
	int			first;

	if (!ps->indexed_all && ps->nslots_used >= INDEX_ALL_AFTER)
	{
		index_all(ps);
		return priced_schedule_find_key(ps, key);
	}
	first = code_run(ps->schedule, key, &n);
	return index_code(ps, key, first, n);
}

/*
 * The schedule's policies as fixed point, once: the default rule, the
 * modifier adjustments in force and the MPPR percent by rank (rank - 1, up
 * to RS_MAX_MPPR).  Entries are readied as their codes are first looked up.
 */
static void
policies_build(PricedSchedule *ps)
{
	const RateSchedule *s = ps->schedule;
	ModifierAdjust *adjusts;
	int			i;

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

/* Decode raw into ps, in the current memory context. */
static void
decode(PricedSchedule *ps, struct varlena *raw)
{
	ps->context = CurrentMemoryContext;
	ps->schedule = (RateSchedule *) PG_DETOAST_DATUM(PointerGetDatum(raw));
	/* filled as codes are looked up; a large block is not even touched before */
	ps->entries = palloc(Max(ps->schedule->nentries, 1) * sizeof(PricingEntry));
	ps->nslots_used = 0;
	ps->indexed_all = false;
	index_alloc(ps, 64);
	policies_build(ps);
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
PricedSchedule *
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
	{
		cache = fcinfo->flinfo->fn_extra =
			MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(ScheduleCache));
		memset(cache->hint, -1, sizeof(cache->hint));
	}
	for (i = 0; i < cache->nentries; i++)
		if (schedule_cache_matches(cache, i, raw, key))
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

/*
 * A schedule built in memory (medicare_schedule.c's) ready for pricing, in
 * the current memory context; the caller keeps it as long as it needs.
 */
PricedSchedule *
priced_schedule_from(RateSchedule *schedule)
{
	PricedSchedule *ps = palloc(sizeof(PricedSchedule));

	decode(ps, (struct varlena *) schedule);
	return ps;
}
