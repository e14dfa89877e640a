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
#include "miscadmin.h"
#include "utils/memutils.h"

#define CACHE_LINE 64

int			schedule_cache_size = SCHEDULE_CACHE_DEFAULT_KB;
int			schedule_cache_test = SCHEDULE_CACHE_TEST_NONE;

static void cache_charge(struct ScheduleCache *cache, struct CacheEntry *e);
#define INDEX_ALL_MIN 64		/* codes looked up before indexing them all... */
#define INDEX_ALL_FRACTION 16	/* ...or this fraction of the schedule's entries */
#define INDEX_EAGER_MAX 1024	/* a schedule of at most this many entries is
								 * indexed whole as it is decoded */

/* A rule's rate or percent as an exact fraction, trailing zeros dropped. */
Fixed64
rule_factor(uint8 method, int64 value)
{
	bool		percent = (method == RM_PCT_MEDICARE || method == RM_PCT_BILLED);

	return fixed64_make(value, percent ? 8 : 6);
}

/*
 * Fill a code's slot from its run of entries (n may be 0: no entries): the
 * rule itself when the code has one plain entry, without payment indicators,
 * whose factor fits the slot; else where its entries are.  True for the
 * former, whose entries pricing never reads.
 */
static bool
slot_set(CodeSlot *slot, uint64 key, const RateEntry *run, int first, int n)
{
	slot->key = key;
	slot->info = (uint32) first << SLOT_FIRST_SHIFT;
	slot->value = n;
	if (n == 1 && run->modifier[0] == '\0' && run->setting == SETTING_ANY && run->indicators == 0)
	{
		Fixed64		f = rule_factor(run->method, run->value);

		if (f.value >= PG_INT32_MIN && f.value <= PG_INT32_MAX && f.scale <= SLOT_SCALE_MASK)
		{
			slot->value = (int32) f.value;
			slot->info |= SLOT_PLAIN | (uint32) f.scale << SLOT_SCALE_SHIFT | run->method;
			return true;
		}
	}
	return false;
}

/*
 * Ready the rules of entries [first, first + n) for matching and pricing.
 * The array is allocated for the first code whose slot cannot carry its
 * rule: a schedule of plain entries never needs it.
 */
static void
entries_set(PricedSchedule *ps, int first, int n)
{
	const RateEntry *entries = RS_ENTRIES(ps->schedule);
	int			i;

	if (n == 0)
		return;
	if (ps->entries == NULL)
		ps->entries = MemoryContextAlloc(ps->context, ps->schedule->nentries * sizeof(PricingEntry));

	for (i = first; i < first + n; i++)
	{
		PricingEntry *pe = &ps->entries[i];
		Fixed64		f = rule_factor(entries[i].method, entries[i].value);

		memcpy(pe->modifier, entries[i].modifier, 2);
		pe->setting = entries[i].setting;
		pe->method = entries[i].method;
		pe->scale = (uint8) f.scale;
		pe->indicators = entries[i].indicators;
		pe->bilateral_percent = entries[i].bilateral_percent;
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

/* An empty table of size slots, aligned to cache lines. */
static void
index_alloc(PricedSchedule *ps, uint32 size)
{
	ps->slots_mem = MemoryContextAllocZero(ps->context, size * sizeof(CodeSlot) + CACHE_LINE);
	ps->slots = (CodeSlot *) TYPEALIGN(CACHE_LINE, ps->slots_mem);
	ps->nslots = size;
}

/* Slots for n codes: the table is kept at most three-quarters full. */
static uint32
index_size_for(uint32 n)
{
	return n + n / 3 + 2;
}

/* The free slot where key goes (it is not in the table). */
static CodeSlot *
slot_for(PricedSchedule *ps, uint64 key)
{
	uint32		h;

	for (h = slot_home(ps, key); ps->slots[h].key != 0; h = slot_next(ps, h))
		;
	return &ps->slots[h];
}

/* Move the index to a table of size slots (a larger one). */
static void
index_resize(PricedSchedule *ps, uint32 size)
{
	CodeSlot   *old = ps->slots;
	void	   *old_mem = ps->slots_mem;
	uint32		old_size = ps->nslots;
	uint32		i;

	index_alloc(ps, size);
	for (i = 0; i < old_size; i++)
		if (old[i].key != 0)
			*slot_for(ps, old[i].key) = old[i];
	if (old_mem != NULL)
		pfree(old_mem);
	if (ps->owner)
		cache_charge(ps->owner->cache, ps->owner);
}

/*
 * Slot a code with its run of entries [first, first + n) and ready their
 * rules.  The slot is filled last, once nothing can fail: an error (out of
 * memory) caught by PL/pgSQL never leaves a slot pointing at unready
 * entries.
 */
static CodeSlot *
index_code(PricedSchedule *ps, uint64 key, int first, int n)
{
	CodeSlot	filled;
	CodeSlot   *slot;

	if (index_size_for(ps->nslots_used + 1) > ps->nslots)
		index_resize(ps, ps->nslots * 2);
	if (!slot_set(&filled, key, RS_ENTRIES(ps->schedule) + first, first, n))
		entries_set(ps, first, n);
	slot = slot_for(ps, key);
	*slot = filled;
	ps->nslots_used++;
	return slot;
}

/*
 * Index every code of the schedule not indexed yet, in one pass over the
 * entries: cheaper than a binary search per code once many are looked up.
 * A million codes take a good part of a second, so the passes check for
 * interrupts every INDEX_CHECK_INTERVAL codes.  The entry is in the cache
 * already; a cancel half-way leaves it consistent all the same: some codes
 * more indexed, each slot complete (index_code), indexed_all false, so a
 * later lookup of a missing code would index the rest.  (PL/pgSQL does not
 * reuse an expression whose evaluation failed within the transaction, so
 * no later call reaches it in practice.)
 */
#define INDEX_CHECK_INTERVAL 65536

static void
index_all(PricedSchedule *ps)
{
	const RateSchedule *s = ps->schedule;
	const RateEntry *entries = RS_ENTRIES(s);
	uint32		ncodes = 0;
	uint32		done = 0;
	int			i;
	int			end;

	/*
	 * Straight to the final size, for every code and those looked up so far
	 * (present or absent: a bound).
	 */
	for (i = 0; i < s->nentries; i = end, ncodes++)
	{
		if (ncodes % INDEX_CHECK_INTERVAL == 0)
			CHECK_FOR_INTERRUPTS();
		end = run_end(s, i, code_key(entries[i].code));
	}
	if (index_size_for(ncodes + ps->nslots_used) > ps->nslots)
		index_resize(ps, index_size_for(ncodes + ps->nslots_used));
	for (i = 0; i < s->nentries; i = end, done++)
	{
		uint64		key = code_key(entries[i].code);
		uint32		h;

		if (done % INDEX_CHECK_INTERVAL == 0)
			CHECK_FOR_INTERRUPTS();
		end = run_end(s, i, key);
		for (h = slot_home(ps, key); ps->slots[h].key != 0 && ps->slots[h].key != key;
			 h = slot_next(ps, h))
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
 * a query turns out to use many of them (a sixteenth of the entries, about
 * where the binary searches cost as much as one pass: 625 codes of a
 * 10,000-code exhibit), the rest are indexed in one pass.  A schedule of
 * up to INDEX_EAGER_MAX entries is indexed whole when it is decoded.  Once every code has a slot, a code without one is absent
 * from the schedule, and is not added: the table does not grow.
 */
const CodeSlot *
priced_schedule_add_code(PricedSchedule *ps, uint64 key)
{
	static const CodeSlot absent = {0};	/* no entries: the default prices */
	int			n;
	int			first;

	if (ps->indexed_all)
		return &absent;			/* every code of the schedule has a slot */
	if (ps->nslots_used >= Max(INDEX_ALL_MIN, ps->schedule->nentries / INDEX_ALL_FRACTION))
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

/* A first index: 64 slots, or fewer when that is room for every code. */
static uint32
initial_index_size(int32 nentries)
{
	return Min(64, index_size_for((uint32) nentries));
}

/* Decode raw into ps, in the current memory context. */
static void
decode(PricedSchedule *ps, struct varlena *raw)
{
	ps->context = CurrentMemoryContext;
	ps->owner = NULL;
	ps->schedule = DatumGetRateScheduleP(PointerGetDatum(raw));
	ps->rs_entries = RS_ENTRIES(ps->schedule);
	ps->lesser_of = ps->schedule->lesser_of;
	ps->entries = NULL;
	ps->nslots_used = 0;
	ps->indexed_all = false;
	policies_build(ps);
	/*
	 * A small schedule is indexed whole: cheaper than a few binary searches
	 * (and any schedule with the test-only setting index_whole, which times
	 * the whole build at a first call).
	 */
	if (ps->schedule->nentries <= INDEX_EAGER_MAX ||
		schedule_cache_test == SCHEDULE_CACHE_TEST_INDEX_WHOLE)
	{
		ps->slots = ps->slots_mem = NULL;
		ps->nslots = 0;
		index_all(ps);
	}
	else
		index_alloc(ps, initial_index_size(ps->schedule->nentries));
}

/* ---------- the cache: a hash table, an order of use and a budget ---------- */

/*
 * A hash of an inline value's bytes, eight at a time.  Only entries of equal
 * hash are compared byte for byte, so a collision costs a comparison, never
 * a wrong schedule.  The test-only setting makes every hash equal.
 */
static uint32
inline_hash(const struct varlena *raw)
{
	const char *p = (const char *) raw;
	Size		len = VARSIZE_ANY(raw);
	uint64		h = len;
	uint64		w;
	Size		i;

	if (schedule_cache_test == SCHEDULE_CACHE_TEST_CONSTANT_HASH)
		return 42;
	for (i = 0; i + sizeof(w) <= len; i += sizeof(w))
	{
		memcpy(&w, p + i, sizeof(w));
		h = (h ^ w) * UINT64CONST(0x9e3779b97f4a7c15);
		h ^= h >> 29;
	}
	w = 0;
	memcpy(&w, p + i, len - i);
	return code_hash(h ^ w);
}

static void
cache_create(FunctionCallInfo fcinfo)
{
	MemoryContext mcxt = fcinfo->flinfo->fn_mcxt;
	ScheduleCache *cache = MemoryContextAllocZero(mcxt, sizeof(ScheduleCache));

	cache->context = mcxt;
	cache->mask = 63;
	cache->buckets = MemoryContextAllocZero(mcxt, (cache->mask + 1) * sizeof(CacheEntry *));
	cache->hints = MemoryContextAllocZero(mcxt, (cache->mask + 1) * sizeof(uint32));
	fcinfo->flinfo->fn_extra = cache;
}

/* Double the buckets once they are half full: chains of one entry, mostly. */
static void
cache_grow(ScheduleCache *cache)
{
	uint32		size = (cache->mask + 1) * 2;
	CacheEntry **buckets = MemoryContextAllocZero(cache->context, size * sizeof(CacheEntry *));
	uint32		i;

	for (i = 0; i <= cache->mask; i++)
	{
		CacheEntry *e = cache->buckets[i];

		while (e != NULL)
		{
			CacheEntry *next = e->next;

			e->next = buckets[e->hash & (size - 1)];
			buckets[e->hash & (size - 1)] = e;
			e = next;
		}
	}
	pfree(cache->buckets);
	cache->buckets = buckets;
	pfree(cache->hints);
	cache->hints = MemoryContextAllocZero(cache->context, size * sizeof(uint32));	/* hints start over */
	cache->mask = size - 1;
}

/* The entry for raw (of this key and hash), or NULL. */
static CacheEntry *
cache_find(ScheduleCache *cache, const struct varlena *raw, uint64 key, uint32 hash)
{
	CacheEntry *e;

	for (e = cache->buckets[hash & cache->mask]; e != NULL; e = e->next)
		if (e->key == key && (!key_is_inline(key) || schedule_cache_same_bytes(e, raw)))
			return e;
	return NULL;
}

/* Take e out of the ring. */
static void
ring_remove(ScheduleCache *cache, CacheEntry *e)
{
	if (e->newer)
		e->newer->older = e->older;
	else
		cache->newest = e->older;
	if (e->older)
		e->older->newer = e->newer;
	else
		cache->oldest = e->newer;
}

/* Put e at the ring's newest end. */
static void
ring_push(ScheduleCache *cache, CacheEntry *e)
{
	e->older = cache->newest;
	e->newer = NULL;
	if (cache->newest)
		cache->newest->newer = e;
	else
		cache->oldest = e;
	cache->newest = e;
}

/* Remove e from the cache and free it. */
static void
cache_evict(ScheduleCache *cache, CacheEntry *e)
{
	CacheEntry **link = &cache->buckets[e->hash & cache->mask];

	while (*link != e)
		link = &(*link)->next;
	*link = e->next;
	ring_remove(cache, e);
	if (cache->last == e)
		cache->last = NULL;

	cache->total -= e->charged;
	cache->nentries--;
	MemoryContextDelete(e->context);
	pfree(e->alloc);
}

/*
 * Count e's memory as it is now (its index grows as codes are looked up),
 * and evict the least recently used schedules while the cache is over its
 * budget: the clock passes over the ring from its oldest end, giving an
 * entry used since its last pass a second chance (to the newest end, its
 * flag cleared) and evicting the first that was not.  e itself, the
 * schedule in use, stays even if it alone is over.
 */
static void
cache_charge(ScheduleCache *cache, CacheEntry *e)
{
	Size		now = MemoryContextMemAllocated(e->context, false) + sizeof(CacheEntry) + CACHE_LINE;
	Size		budget = (Size) schedule_cache_size * 1024;

	cache->total += now - e->charged;
	e->charged = now;
	while (cache->total > budget && cache->nentries > 1)
	{
		CacheEntry *victim = cache->oldest;

		if (victim == e || victim->ps.used)
		{
			victim->ps.used = false;
			ring_remove(cache, victim);
			ring_push(cache, victim);
		}
		else
			cache_evict(cache, victim);
	}
}

/*
 * Make the fully built entry the newest of the cache, and return it.  The
 * entries themselves (their first cache line is read on every row) are
 * kept together in the cache's own memory, not each with its schedule, so
 * that a thousand of them span a few pages rather than a thousand.
 */
static CacheEntry *
cache_publish(ScheduleCache *cache, const CacheEntry *built)
{
	void	   *alloc = MemoryContextAlloc(cache->context, sizeof(CacheEntry) + CACHE_LINE);
	CacheEntry *e = (CacheEntry *) TYPEALIGN(CACHE_LINE, alloc);
	CacheEntry **bucket;

	*e = *built;
	e->alloc = alloc;
	if (cache->nentries * 2 >= cache->mask + 1)
		cache_grow(cache);
	MemoryContextSetParent(e->context, cache->context);
	bucket = &cache->buckets[e->hash & cache->mask];
	e->next = *bucket;
	*bucket = e;
	ring_push(cache, e);
	cache->nentries++;
	e->cache = cache;
	e->ps.owner = e;
	cache->last = e;
	cache_charge(cache, e);
	return e;
}

/*
 * Decode raw into entry e, its pieces in a memory context of their own.
 * Until it is published, the context hangs under the caller's, so an error
 * half-way (caught by PL/pgSQL, say) frees it with the caller's context and
 * leaves the cache as it was.
 */
static void
entry_build(CacheEntry *e, struct varlena *raw, uint64 key, uint32 hash)
{
	/* small blocks: pieces over 2 kB (schedule, entries, index) get blocks of their size */
	MemoryContext context = AllocSetContextCreate(CurrentMemoryContext, "contracts_ext schedule",
												  ALLOCSET_SMALL_SIZES);
	MemoryContext oldcontext = MemoryContextSwitchTo(context);

	memset(e, 0, sizeof(CacheEntry));

	e->context = context;
	e->key = key;
	e->hash = hash;
	if (key_is_inline(key))
	{
		e->raw = palloc(VARSIZE_ANY(raw));
		memcpy(e->raw, raw, VARSIZE_ANY(raw));
	}
	decode(&e->ps, key_is_inline(key) ? e->raw : raw);
	if (schedule_cache_test == SCHEDULE_CACHE_TEST_FAIL_BUILD)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("schedule cache test: build failed on purpose"),
				 errdetail("contracts_ext.schedule_cache_test is fail_build (a test-only setting).")));
	MemoryContextSwitchTo(oldcontext);
}

/*
 * priced_schedule beyond its inline fast path: a value not in the cache yet,
 * an inline value other than the last used (found by the hash of its
 * bytes), or an in-memory TOAST pointer, which has no stable key (such a
 * value is decoded afresh in the calling context).
 */
PricedSchedule *
priced_schedule_slow(FunctionCallInfo fcinfo, int argno)
{
	struct varlena *raw = (struct varlena *) PG_GETARG_POINTER(argno);
	ScheduleCache *cache;
	CacheEntry *e;
	uint64		key = 0;
	uint32		hash;

	if (VARATT_IS_EXTERNAL_ONDISK(raw))
	{
		key = toast_key(raw);
		hash = code_hash(key);
	}
	else if (VARATT_IS_EXTERNAL(raw))
	{
		PricedSchedule *ps = palloc(sizeof(PricedSchedule));

		decode(ps, raw);
		return ps;
	}
	else
	{
		hash = inline_hash(raw);
		key = inline_key(hash);
	}
	if (fcinfo->flinfo->fn_extra == NULL)
		cache_create(fcinfo);
	cache = fcinfo->flinfo->fn_extra;
	if ((e = cache_find(cache, raw, key, hash)) == NULL)
	{
		CacheEntry	built;

		entry_build(&built, raw, key, hash);
		e = cache_publish(cache, &built);
	}
	if (key_is_inline(key))
		cache->hints[schedule_cache_hint(raw) & cache->mask] = hash;
	return schedule_cache_use(cache, e);
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
