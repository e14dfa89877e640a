/*-------------------------------------------------------------------------
 * schedule_cache.h
 *	  Rate schedules decoded once per query for pricing: detoasted, their
 *	  policies in fixed point, and a hash index of the codes looked up.
 *-------------------------------------------------------------------------
 */
#ifndef CONTRACTS_SCHEDULE_CACHE_H
#define CONTRACTS_SCHEDULE_CACHE_H

#include "fmgr.h"
#include "access/detoast.h"
#include "port/pg_bswap.h"

#include "fixed.h"
#include "rate_schedule.h"

/*
 * One code of a schedule in the hash index: 16 bytes, four to a cache line,
 * so the index of a thousand schedules of a thousand codes stays small
 * enough for the CPU caches.  Most codes have one entry, a plain rule (no
 * modifier, setting or payment indicator) whose factor fits 32 bits: such a
 * slot carries the rule itself (SLOT_PLAIN), and pricing the line reads one
 * cache line and never the entries.  Any other code's slot points at its
 * run of entries.
 */
typedef struct CodeSlot
{
	uint64		key;			/* code_key() of the code; 0: an empty slot */
	int32		value;			/* SLOT_PLAIN: the rule's factor; else the
								 * code's number of entries */
	uint32		info;			/* first entry << SLOT_FIRST_SHIFT, SLOT_PLAIN,
								 * the plain rule's scale and method */
} CodeSlot;

#define SLOT_METHOD_MASK 0x07	/* a RateMethod */
#define SLOT_SCALE_SHIFT 3		/* 4 bits: the factor is value x 10^-scale */
#define SLOT_SCALE_MASK 0x0F
#define SLOT_PLAIN 0x80
#define SLOT_FIRST_SHIFT 8		/* 24 bits: room for RS_MAX_ENTRIES */

StaticAssertDecl(RS_MAX_ENTRIES < (1 << (32 - SLOT_FIRST_SHIFT)), "entry numbers must fit a slot");

static inline int
slot_first(const CodeSlot *slot)
{
	return (int) (slot->info >> SLOT_FIRST_SHIFT);
}

/*
 * An entry as matching and the fixed-point path read it: 16 bytes, with
 * the payment indicators, so pricing never reads the schedule's entries.
 */
typedef struct PricingEntry
{
	char		modifier[2];
	uint8		setting;
	uint8		method;
	uint8		scale;			/* the rule as fixed point: */
	uint8		indicators;		/* RE_* */
	uint16		bilateral_percent;	/* with RE_BILATERAL */
	int64		factor;			/* factor x 10^-scale */
} PricingEntry;

/* A modifier's payment adjustment: micro-percent and fixed-point factor. */
typedef struct ModifierFactor
{
	char		modifier[2];
	int64		percent;
	Fixed64		factor;
} ModifierFactor;

/*
 * A schedule ready for pricing.  Pricing a line reads the fields up to
 * mppr_percent[0] (and the code's slot), not the schedule itself: in a cache entry they share one cache line with
 * the entry's key, which matters when lines of a thousand schedules come in
 * random order and each row's schedule is a miss in the CPU caches.
 */
typedef struct PricedSchedule
{
	RateSchedule *schedule;		/* detoasted */
	CodeSlot   *slots;			/* open addressing, linear probing */
	uint32		nslots;			/* any size: see slot_home */
	bool		used;			/* in a cache: used since eviction passed it */
	bool		lesser_of;		/* the schedule's lesser_of policy */
	PricingEntry *entries;		/* the schedule's entries, same order; those
								 * of codes looked up so far are filled */
	const RateEntry *rs_entries;	/* RS_ENTRIES(schedule) */
	int64		mppr_percent[RS_MAX_MPPR];	/* by rank - 1; the last holds on */
	Fixed64		mppr_factor[RS_MAX_MPPR];
	Fixed64		default_factor; /* the default rule, when there is one */
	uint32		nslots_used;
	bool		indexed_all;	/* every code of the schedule has a slot */
	MemoryContext context;		/* where the index grows */
	void	   *slots_mem;		/* the allocation slots lies in */
	int			nadjusts;		/* the modifier adjustments in force, */
	ModifierFactor *adjusts;	/* the schedule's first, then built-in */
	struct CacheEntry *owner;	/* the cache entry holding it, or NULL */
} PricedSchedule;

extern PricedSchedule *priced_schedule_slow(FunctionCallInfo fcinfo, int argno);
extern PricedSchedule *priced_schedule_from(RateSchedule *schedule);
extern const CodeSlot *priced_schedule_add_code(PricedSchedule *ps, uint64 key);
extern Fixed64 rule_factor(uint8 method, int64 value);

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

/*
 * The decoded schedules of one call site (fn_extra), for the life of the
 * query: a hash table on the schedule's identity, and a ring in order of
 * decoding so that past the memory budget (contracts_ext.schedule_cache_size)
 * the least recently used are evicted.  The order of use is kept the way
 * PostgreSQL's buffer manager keeps it, by the clock (second-chance)
 * approximation of LRU: a hit only sets the entry's used flag, in the
 * cache line the lookup reads anyway, and eviction passes over (and clears)
 * the entries used since its last pass.  Keeping an exact order would move
 * an entry on nearly every row when lines arrive in random order, writing
 * to two other entries each time, scattered over memory.  An on-disk
 * value's key is its TOAST pointer's value and relation OIDs; an inline
 * value's is the hash of its bytes, and a hit compares the bytes.  An
 * entry's raw bytes and decoded schedule live in a memory context of their
 * own; the entry itself, in the cache's memory with the other entries, is
 * published only once fully built.
 */
typedef struct CacheEntry
{
	uint64		key;			/* TOAST identity, or inline_key() of the hash */
	struct CacheEntry *next;	/* in its bucket */
	PricedSchedule ps;			/* its first fields in the key's cache line */
	uint32		hash;			/* of the key, or of an inline value's bytes */
	struct CacheEntry *newer;	/* in the ring: decoded, or given a second */
	struct CacheEntry *older;	/* chance, after/before this one */
	struct varlena *raw;		/* an inline value's bytes (its key) */
	MemoryContext context;		/* holds raw and ps's pieces */
	void	   *alloc;			/* the entry's own allocation, in the cache's */
	Size		charged;		/* bytes counted against the budget */
	struct ScheduleCache *cache;
} CacheEntry;

typedef struct ScheduleCache
{
	CacheEntry **buckets;
	uint32		mask;			/* buckets - 1, and hints - 1 */
	uint32		nentries;
	CacheEntry *newest;			/* the ring's ends: the next to evict, */
	CacheEntry *oldest;			/* unless used since, is the oldest */
	CacheEntry *last;			/* the entry last used, or NULL */
	uint32	   *hints;			/* by an inline value's address: its hash */
	Size		total;			/* bytes charged by the entries */
	MemoryContext context;		/* fn_mcxt */
} ScheduleCache;

/* The budget in kB (contracts_ext.schedule_cache_size; contracts_ext.c). */
#define SCHEDULE_CACHE_DEFAULT_KB (128 * 1024)
extern int	schedule_cache_size;

/* Test-only behaviour (contracts_ext.schedule_cache_test); never in production. */
typedef enum ScheduleCacheTest
{
	SCHEDULE_CACHE_TEST_NONE,
	SCHEDULE_CACHE_TEST_CONSTANT_HASH,	/* every inline value hashes alike */
	SCHEDULE_CACHE_TEST_FAIL_BUILD,	/* an error after decoding, before publishing */
	SCHEDULE_CACHE_TEST_INDEX_WHOLE	/* every schedule indexed whole as decoded */
} ScheduleCacheTest;
extern int	schedule_cache_test;

/* The key of an on-disk (TOASTed) value: its value and relation OIDs. */
static inline uint64
toast_key(const struct varlena *raw)
{
	struct varatt_external ext;

	VARATT_EXTERNAL_GET_POINTER(ext, raw);
	return ((uint64) ext.va_valueid << 32) | ext.va_toastrelid;
}

/*
 * An inline value's key: the hash of its bytes in the high half.  A TOAST
 * key's low half is a relation OID, never 0, so the two never meet.
 */
static inline uint64
inline_key(uint32 hash)
{
	return (uint64) hash << 32;
}

static inline bool
key_is_inline(uint64 key)
{
	return (uint32) key == 0;
}

/* Is the inline value raw the bytes of entry e? */
static inline bool
schedule_cache_same_bytes(const CacheEntry *e, const struct varlena *raw)
{
	return e->raw != NULL && VARSIZE_ANY(e->raw) == VARSIZE_ANY(raw) &&
		memcmp(e->raw, raw, VARSIZE_ANY(raw)) == 0;
}

/* Mark e used: it gets a second chance when its turn to be evicted comes. */
static inline PricedSchedule *
schedule_cache_use(ScheduleCache *cache, CacheEntry *e)
{
	e->ps.used = true;
	cache->last = e;
	return &e->ps;
}

/*
 * An inline schedule usually comes from the same address row after row (a
 * hash join's inner tuple, a constant), so the hash of the value last found
 * at an address is tried before hashing the bytes: a hint, checked by the
 * byte comparison like any hit; a wrong or stale one costs a comparison.
 */
static inline uint32
schedule_cache_hint(const struct varlena *raw)
{
	return (uint32) (((uint64) (uintptr_t) raw * UINT64CONST(0x9e3779b97f4a7c15)) >> 32);
}

/*
 * The schedule of argument argno ready for pricing, from the cache when it
 * holds the same value: same TOAST pointer, or for an inline value the same
 * bytes.  Inline here: an on-disk value found in its bucket, and an inline
 * value equal to the schedule last used or to its address's hint (which
 * saves hashing its bytes).
 */
static inline PricedSchedule *
priced_schedule(FunctionCallInfo fcinfo, int argno)
{
	struct varlena *raw = (struct varlena *) PG_GETARG_POINTER(argno);
	ScheduleCache *cache = fcinfo->flinfo->fn_extra;
	CacheEntry *e;

	if (unlikely(cache == NULL))
		return priced_schedule_slow(fcinfo, argno);
	if (VARATT_IS_EXTERNAL_ONDISK(raw))
	{
		uint64		key = toast_key(raw);

		for (e = cache->buckets[code_hash(key) & cache->mask]; e != NULL; e = e->next)
			if (e->key == key)
				return schedule_cache_use(cache, e);
	}
	else if (!VARATT_IS_EXTERNAL(raw))
	{
		uint32		hash = cache->hints[schedule_cache_hint(raw) & cache->mask];

		if (cache->last != NULL && schedule_cache_same_bytes(cache->last, raw))
			return schedule_cache_use(cache, cache->last);
		for (e = cache->buckets[hash & cache->mask]; hash != 0 && e != NULL; e = e->next)
			if (e->key == inline_key(hash) && schedule_cache_same_bytes(e, raw))
				return schedule_cache_use(cache, e);
	}
	return priced_schedule_slow(fcinfo, argno);
}

/* A modifier's adjustment, or NULL when it has none. */
static inline const ModifierFactor *
priced_schedule_adjustment(const PricedSchedule *ps, const char *modifier)
{
	int			i;

	for (i = 0; i < ps->nadjusts; i++)
		if (ps->adjusts[i].modifier[0] == modifier[0] && ps->adjusts[i].modifier[1] == modifier[1])
			return &ps->adjusts[i];
	return NULL;
}

/*
 * Where a key's probe starts: its hash scaled to the table's size (a
 * multiply and shift, so the size need not be a power of 2 and the table
 * can be sized to its codes), and the next slot of a probe.
 */
static inline uint32
slot_home(const PricedSchedule *ps, uint64 key)
{
	return (uint32) (((uint64) code_hash(key) * ps->nslots) >> 32);
}

static inline uint32
slot_next(const PricedSchedule *ps, uint32 h)
{
	return h + 1 == ps->nslots ? 0 : h + 1;
}

/* The slot of a code's key, indexed at its first lookup. */
static inline const CodeSlot *
priced_schedule_find_key(PricedSchedule *ps, uint64 key)
{
	uint32		h;

	for (h = slot_home(ps, key); ps->slots[h].key != 0; h = slot_next(ps, h))
		if (ps->slots[h].key == key)
			return &ps->slots[h];
	return priced_schedule_add_code(ps, key);
}

/* The slot of a code (NUL-padded to RS_CODE_LEN). */
static inline const CodeSlot *
priced_schedule_find(PricedSchedule *ps, const char *code)
{
	return priced_schedule_find_key(ps, code_key(code));
}

#endif							/* CONTRACTS_SCHEDULE_CACHE_H */
