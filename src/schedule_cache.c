/*-------------------------------------------------------------------------
 * schedule_cache.c
 *	  Rate schedules decoded once per query for pricing.
 *
 * Pricing a million lines joined to their payers' schedules hands
 * expected_allowed the same (usually TOASTed) schedule on every row.  The
 * detoasted schedule is kept in fn_extra for the life of the query, keyed
 * on its TOAST pointer (or, for an inline value, its bytes), together with
 * a hash index of its codes whose slots carry the usual lone rule inline:
 * a lookup reads one cache line and allocates nothing.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "schedule_cache.h"

#include "access/detoast.h"
#include "port/pg_bswap.h"
#include "utils/memutils.h"

#define CACHE_LINE 64

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
	memset(slot, 0, sizeof(CodeSlot));
	slot->key = code_key(run->code);
	slot->first = first;
	slot->nentries = n;
	slot->lone_method = RM_NONE;
	if (n == 1 && run->modifier[0] == '\0' && run->setting == SETTING_ANY)
	{
		Fixed64		f = rule_factor(run->method, run->value);

		slot->lone_method = run->method;
		slot->lone_factor = f.value;
		slot->lone_scale = f.scale;
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
	if (s->flags & RS_HAS_DEFAULT)
		ps->default_factor = rule_factor(s->default_method, s->default_value);
}

/* The slot of a code (NUL-padded to RS_CODE_LEN), or NULL. */
const CodeSlot *
priced_schedule_find(const PricedSchedule *ps, const char *code)
{
	uint64		key = code_key(code);
	uint32		h;

	for (h = code_hash(key) & ps->mask; ps->slots[h].key != 0; h = (h + 1) & ps->mask)
		if (ps->slots[h].key == key)
			return &ps->slots[h];
	return NULL;
}

/* ---------- the per-query cache ---------- */

/*
 * Claim lines of several payers arrive interleaved, so the cache holds a
 * few schedules at once; a miss replaces the slots round-robin.
 */
#define SCHEDULE_CACHE_SLOTS 32

typedef struct CacheEntry
{
	bool		on_disk;		/* keyed on a TOAST pointer */
	Oid			toastrelid;
	Oid			valueid;
	struct varlena *raw;		/* else keyed on these bytes */
	MemoryContext context;		/* holds raw and ps's memory */
	PricedSchedule ps;
} CacheEntry;

typedef struct ScheduleCache
{
	int			nentries;
	int			next_victim;
	CacheEntry	entries[SCHEDULE_CACHE_SLOTS];
} ScheduleCache;

static bool
entry_matches(const CacheEntry *entry, struct varlena *raw, bool on_disk,
			  const struct varatt_external *ext)
{
	if (entry->on_disk != on_disk)
		return false;
	if (on_disk)
		return entry->toastrelid == ext->va_toastrelid && entry->valueid == ext->va_valueid;
	return VARSIZE_ANY(entry->raw) == VARSIZE_ANY(raw) &&
		memcmp(entry->raw, raw, VARSIZE_ANY(raw)) == 0;
}

/* Decode raw into ps, in the current memory context. */
static void
decode(PricedSchedule *ps, struct varlena *raw)
{
	ps->schedule = (RateSchedule *) PG_DETOAST_DATUM(PointerGetDatum(raw));
	index_build(ps);
}

/* Decode raw into a cache entry of its own context under fn_mcxt. */
static void
entry_fill(FunctionCallInfo fcinfo, CacheEntry *entry, struct varlena *raw,
		   bool on_disk, const struct varatt_external *ext)
{
	MemoryContext oldcontext;

	entry->context = AllocSetContextCreate(fcinfo->flinfo->fn_mcxt, "contracts_ext schedule",
										   ALLOCSET_DEFAULT_SIZES);
	oldcontext = MemoryContextSwitchTo(entry->context);
	entry->on_disk = on_disk;
	entry->toastrelid = ext->va_toastrelid;
	entry->valueid = ext->va_valueid;
	entry->raw = NULL;
	if (!on_disk)
	{
		entry->raw = palloc(VARSIZE_ANY(raw));
		memcpy(entry->raw, raw, VARSIZE_ANY(raw));
	}
	decode(&entry->ps, on_disk ? raw : entry->raw);
	MemoryContextSwitchTo(oldcontext);
}

/*
 * The schedule of argument argno ready for pricing: from the cache when it
 * holds the same value (same TOAST pointer, or for an inline value the same
 * bytes).  An in-memory TOAST pointer has no stable key; such a value is
 * decoded afresh in the calling context.
 */
const PricedSchedule *
priced_schedule(FunctionCallInfo fcinfo, int argno)
{
	struct varlena *raw = (struct varlena *) PG_GETARG_POINTER(argno);
	ScheduleCache *cache = fcinfo->flinfo->fn_extra;
	struct varatt_external ext = {0};
	bool		on_disk = VARATT_IS_EXTERNAL_ONDISK(raw);
	CacheEntry *entry;
	int			i;

	if (VARATT_IS_EXTERNAL(raw) && !on_disk)
	{
		PricedSchedule *ps = palloc(sizeof(PricedSchedule));

		decode(ps, raw);
		return ps;
	}
	if (cache == NULL)
		cache = fcinfo->flinfo->fn_extra =
			MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(ScheduleCache));
	if (on_disk)
		VARATT_EXTERNAL_GET_POINTER(ext, raw);
	for (i = 0; i < cache->nentries; i++)
		if (entry_matches(&cache->entries[i], raw, on_disk, &ext))
			return &cache->entries[i].ps;

	if (cache->nentries < SCHEDULE_CACHE_SLOTS)
		entry = &cache->entries[cache->nentries++];
	else
	{
		entry = &cache->entries[cache->next_victim];
		cache->next_victim = (cache->next_victim + 1) % SCHEDULE_CACHE_SLOTS;
		MemoryContextDelete(entry->context);
	}
	entry_fill(fcinfo, entry, raw, on_disk, &ext);
	return &entry->ps;
}
