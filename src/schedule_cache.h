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
 * One code of a schedule in the hash index.  Most codes have a plain entry
 * (no modifier or setting) and nothing else, or nothing that can match a
 * line without modifiers; the plain rule is kept in the slot itself, so
 * pricing such a line reads one cache line and never the entries.
 */
typedef struct CodeSlot
{
	uint64		key;			/* code_key() of the code; 0: an empty slot */
	int64		plain_factor;	/* the plain entry's rule as fixed point... */
	uint8		plain_scale;	/* ...value x 10^-scale */
	uint8		plain_method;	/* its method; RM_NONE: the code has no plain entry */
	uint8		flags;			/* CODE_HAS_* */
	uint8		padding;
	int32		first;			/* the code's first entry (the plain one, if any) */
	int32		nentries;		/* its entries: one per modifier and setting */
	int32		padding2;
} CodeSlot;

#define CODE_HAS_MODIFIER_ENTRIES 0x01	/* an entry for the code with a modifier */
#define CODE_HAS_SETTING_ENTRIES 0x02	/* an entry for the code with a setting */

/* An entry as matching and the fixed-point path read it: 16 bytes. */
typedef struct PricingEntry
{
	char		modifier[2];
	uint8		setting;
	uint8		method;
	int32		scale;			/* the rule as fixed point: */
	int64		factor;			/* factor x 10^-scale */
} PricingEntry;

/* A modifier's payment adjustment: micro-percent and fixed-point factor. */
typedef struct ModifierFactor
{
	char		modifier[2];
	int64		percent;
	Fixed64		factor;
} ModifierFactor;

/* A schedule ready for pricing. */
typedef struct PricedSchedule
{
	RateSchedule *schedule;		/* detoasted */
	MemoryContext context;		/* where the index grows */
	uint32		mask;			/* slots - 1 */
	uint32		nslots_used;
	bool		indexed_all;	/* every code of the schedule has a slot */
	CodeSlot   *slots;			/* open addressing, linear probing */
	void	   *slots_mem;		/* the allocation slots lies in */
	Fixed64		default_factor; /* the default rule, when there is one */
	PricingEntry *entries;		/* the schedule's entries, same order; those
								 * of codes looked up so far are filled */
	int64		mppr_percent[RS_MAX_MPPR];	/* by rank - 1; the last holds on */
	Fixed64		mppr_factor[RS_MAX_MPPR];
	int			nadjusts;		/* the modifier adjustments in force, */
	ModifierFactor *adjusts;	/* the schedule's first, then built-in */
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
 * Claim lines of several payers arrive interleaved, so the cache holds a
 * few schedules at once; a miss replaces the slots round-robin.
 */
#define SCHEDULE_CACHE_SLOTS 32

typedef struct CacheEntry
{
	struct varlena *raw;		/* an inline value's bytes (its key) */
	MemoryContext context;		/* holds raw and ps */
	PricedSchedule *ps;
} CacheEntry;

/*
 * The keys are kept apart from the entries, so finding a schedule reads one
 * or two cache lines: an on-disk value's key is its TOAST pointer's value
 * and relation OIDs (never 0); an inline value's is 0 and its bytes.  The
 * hint maps a hash of the key to the entry last found for it, so a query
 * over many contracts finds each schedule at the first try; a hint is only
 * a guess, checked like any entry.
 */
#define SCHEDULE_CACHE_HINTS 64

typedef struct ScheduleCache
{
	int			nentries;
	int			next_victim;
	int8		hint[SCHEDULE_CACHE_HINTS]; /* entry index, or -1 */
	uint64		keys[SCHEDULE_CACHE_SLOTS];
	CacheEntry	entries[SCHEDULE_CACHE_SLOTS];
} ScheduleCache;

/* Is cache entry i the value raw, of this key? */
static inline bool
schedule_cache_matches(const ScheduleCache *cache, int i, const struct varlena *raw, uint64 key)
{
	return cache->keys[i] == key &&
		(key != 0 || (VARSIZE_ANY(cache->entries[i].raw) == VARSIZE_ANY(raw) &&
					  memcmp(cache->entries[i].raw, raw, VARSIZE_ANY(raw)) == 0));
}

/*
 * The schedule of argument argno ready for pricing, from the cache when it
 * holds the same value: same TOAST pointer, or for an inline value the same
 * bytes.  Finding it in the cache is inline; decoding is not.
 */
static inline PricedSchedule *
priced_schedule(FunctionCallInfo fcinfo, int argno)
{
	struct varlena *raw = (struct varlena *) PG_GETARG_POINTER(argno);
	ScheduleCache *cache = fcinfo->flinfo->fn_extra;
	uint64		key = 0;
	uint32		h;
	int			i;

	if (unlikely(cache == NULL))
		return priced_schedule_slow(fcinfo, argno);
	if (VARATT_IS_EXTERNAL_ONDISK(raw))
	{
		struct varatt_external ext;

		VARATT_EXTERNAL_GET_POINTER(ext, raw);
		key = ((uint64) ext.va_valueid << 32) | ext.va_toastrelid;
		h = ext.va_valueid;
	}
	else if (VARATT_IS_EXTERNAL(raw))
		return priced_schedule_slow(fcinfo, argno);	/* in memory: no stable key */
	else
		h = VARSIZE_ANY(raw);
	h %= SCHEDULE_CACHE_HINTS;
	i = cache->hint[h];
	if (i >= 0 && schedule_cache_matches(cache, i, raw, key))
		return cache->entries[i].ps;
	for (i = 0; i < cache->nentries; i++)
		if (schedule_cache_matches(cache, i, raw, key))
		{
			cache->hint[h] = i;
			return cache->entries[i].ps;
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

/* The slot of a code's key, indexed at its first lookup. */
static inline const CodeSlot *
priced_schedule_find_key(PricedSchedule *ps, uint64 key)
{
	uint32		h;

	for (h = code_hash(key) & ps->mask; ps->slots[h].key != 0; h = (h + 1) & ps->mask)
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
