/*-------------------------------------------------------------------------
 * schedule_cache.h
 *	  Rate schedules decoded once per query for pricing: detoasted, with
 *	  a hash index of their codes.
 *-------------------------------------------------------------------------
 */
#ifndef CONTRACTS_SCHEDULE_CACHE_H
#define CONTRACTS_SCHEDULE_CACHE_H

#include "fmgr.h"

#include "fixed.h"
#include "rate_schedule.h"

/*
 * One code of a schedule in the hash index.  Most codes have a single
 * entry with no modifier or setting; its rule is kept in the slot itself,
 * so pricing such a code reads one cache line and never the entry.
 */
typedef struct CodeSlot
{
	uint64		key;			/* code_key() of the code; 0: an empty slot */
	int64		lone_factor;	/* the lone entry's rule as fixed point... */
	uint8		lone_scale;		/* ...value x 10^-scale */
	uint8		lone_method;	/* the lone entry's method; RM_NONE: see entries */
	uint16		padding;
	int32		first;			/* the code's first entry */
	int32		nentries;		/* its entries: one per modifier and setting */
	int32		padding2;
} CodeSlot;

/* A schedule ready for pricing. */
typedef struct PricedSchedule
{
	RateSchedule *schedule;		/* detoasted */
	uint32		mask;			/* slots - 1 */
	CodeSlot   *slots;			/* open addressing, linear probing */
	Fixed64		default_factor; /* the default rule, when there is one */
} PricedSchedule;

extern const PricedSchedule *priced_schedule(FunctionCallInfo fcinfo, int argno);
extern const CodeSlot *priced_schedule_find(const PricedSchedule *ps, const char *code);
extern Fixed64 rule_factor(uint8 method, int64 value);

#endif							/* CONTRACTS_SCHEDULE_CACHE_H */
