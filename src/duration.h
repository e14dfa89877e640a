/*-------------------------------------------------------------------------
 * duration.h
 *	  Contract durations ("90 days", "15 business days", "18 months",
 *	  "72 hours")
 *	  and the date arithmetic they drive.
 *-------------------------------------------------------------------------
 */
#ifndef CONTRACTS_DURATION_H
#define CONTRACTS_DURATION_H

#include "items.h"

typedef enum DurationUnit
{
	DUR_NONE = 0,				/* absent */
	DUR_DAYS,
	DUR_BUSINESS_DAYS,
	DUR_MONTHS,
	DUR_YEARS,
	DUR_HOURS					/* decision clocks only: no date arithmetic */
} DurationUnit;

/* Largest count accepted for any unit: a thousand years of days. */
#define DURATION_MAX_COUNT 365000

typedef struct Duration
{
	int32		count;
	int32		unit;			/* a DurationUnit */
} Duration;

extern bool parse_duration(ItemParser *p, const ParsedItem *item, const char *s,
						   bool allow_hours, Duration *result);
extern char *format_duration(Duration d);
extern DateADT date_add_duration(DateADT d, Duration dur, int sign);
extern DateADT date_add_months(DateADT d, int64 months);
extern void check_date_in_range(int64 d);

#endif							/* CONTRACTS_DURATION_H */
