/*-------------------------------------------------------------------------
 * rate_schedule.h
 *	  The rate_schedule type: a contract's reimbursement exhibit, rate
 *	  entries sorted by selector plus payment policies.
 *-------------------------------------------------------------------------
 */
#ifndef CONTRACTS_RATE_SCHEDULE_H
#define CONTRACTS_RATE_SCHEDULE_H

#include "items.h"

#define RS_FORMAT_VERSION 1		/* the stored struct's layout */
#define RS_BINARY_VERSION 1		/* send/recv: canonical text of the 1.0 grammar */
#define RS_BINARY_VERSION_INDICATORS 2	/* ...with per-entry indicators */
#define RS_MAX_ENTRIES 1000000
#define RS_MAX_MPPR 20
#define RS_MAX_MODIFIER_ADJUSTS 100
#define RS_BUILTIN_ADJUSTS 6		/* 50, 62, 80, 81, 82, AS */
#define RS_CODE_LEN 8			/* 3 to 7 characters and a NUL */

/* Rates are integers of a millionth: of a dollar, or of a percent. */
#define RS_MICRO INT64CONST(1000000)
#define RS_MAX_AMOUNT (INT64CONST(100000000) * RS_MICRO)	/* $100,000,000 */
#define RS_MAX_PERCENT (INT64CONST(10000) * RS_MICRO)	/* 10,000% */

typedef enum RateMethod
{
	RM_NONE = 0,
	RM_AMOUNT,					/* amount per unit */
	RM_CASE,					/* flat amount per line */
	RM_PCT_MEDICARE,			/* percent of the Medicare amount per unit */
	RM_PCT_BILLED				/* percent of the line's billed charge */
} RateMethod;

typedef enum RateSetting
{
	SETTING_ANY = 0,
	SETTING_FACILITY,
	SETTING_NONFACILITY
} RateSetting;

/* One rate entry; the array is sorted by (code, modifier, setting). */
typedef struct RateEntry
{
	char		code[RS_CODE_LEN];	/* upper case, NUL padded */
	char		modifier[2];	/* upper case, or two NULs */
	uint8		setting;		/* a RateSetting */
	uint8		method;			/* a RateMethod */
	uint8		indicators;		/* RE_* payment indicators; 0 in 1.0 values */
	uint8		padding;		/* zero */
	uint16		bilateral_percent;	/* modifier 50's percent, when RE_BILATERAL */
	int64		value;			/* micro-dollars or micro-percent */
} RateEntry;

/*
 * Per-entry payment indicators, written after the rule ("27130: 1500.00
 * bilateral 200% no_assistant"): which of the schedule's payment policies
 * the code is eligible for, as CMS's indicators say per code.  They take
 * the bytes that were padding in 1.0, where stored values hold zeros: no
 * indicators, the old meaning.
 */
#define RE_NO_MPPR 0x01			/* no_mppr: paid in full at any rank */
#define RE_BILATERAL 0x02		/* bilateral N%: modifier 50 pays N% */
#define RE_NO_ASSISTANT 0x04	/* no_assistant: 80/81/82/AS pay nothing */
#define RE_NO_COSURGEON 0x08	/* no_cosurgeon: 62 pays nothing */
#define RE_MAX_BILATERAL 1000	/* whole percent */

/* A payment adjustment a schedule sets for a modifier. */
typedef struct ModifierAdjust
{
	char		modifier[2];
	char		padding[6];		/* zero */
	int64		percent;		/* micro-percent of the amount */
} ModifierAdjust;

/* Which policies the schedule states (the rest take their defaults). */
#define RS_HAS_DEFAULT 0x01
#define RS_HAS_MPPR 0x02
#define RS_HAS_LESSER_OF 0x04
#define RS_UNSORTED 0x80		/* aggregate state: entries not yet sorted */

typedef struct RateSchedule
{
	int32		vl_len_;		/* varlena header */
	uint8		version;		/* RS_FORMAT_VERSION */
	uint8		flags;			/* RS_HAS_* */
	uint8		lesser_of;		/* pay the lesser of billed and computed */
	uint8		nmppr;			/* ranks in mppr[] */
	int32		nadjusts;		/* modifier adjustments */
	int32		nentries;
	uint8		default_method; /* the default rule, when RS_HAS_DEFAULT */
	uint8		padding[3];
	int32		capacity;		/* aggregate state: entry slots; else 0 */
	int64		default_value;
	int64		mppr[RS_MAX_MPPR];	/* micro-percent by rank */
	/* ModifierAdjust adjusts[nadjusts], then RateEntry entries[nentries] */
	char		data[FLEXIBLE_ARRAY_MEMBER];
} RateSchedule;

#define RS_ADJUSTS(s) ((ModifierAdjust *) (s)->data)
#define RS_ENTRIES(s) ((RateEntry *) ((s)->data + (s)->nadjusts * sizeof(ModifierAdjust)))
#define RS_SIZE(nadjusts, nentries) \
	(offsetof(RateSchedule, data) + (Size) (nadjusts) * sizeof(ModifierAdjust) + \
	 (Size) (nentries) * sizeof(RateEntry))

StaticAssertDecl(offsetof(RateSchedule, version) == VARHDRSZ,
				 "items_detoast_versioned reads the version right after the header");

/* a stored schedule (or aggregate state), its format version checked */
#define DatumGetRateScheduleP(X) \
	((RateSchedule *) items_detoast_versioned(X, "rate_schedule", RS_FORMAT_VERSION, RS_FORMAT_VERSION))
#define PG_GETARG_RATE_SCHEDULE_P(n) DatumGetRateScheduleP(PG_GETARG_DATUM(n))

/* rate_schedule.c */
extern RateSchedule *rate_schedule_parse(ItemParser *p, const char *text);
extern RateSchedule *rate_schedule_alloc(int nadjusts, int nentries);
extern RateSchedule *rate_schedule_alloc_unset(int nadjusts, int nentries);
extern bool rate_schedule_finish(ItemParser *p, RateSchedule *s);
extern int	rate_entry_cmp(const void *a, const void *b);
extern bool parse_selector(ItemParser *p, const ParsedItem *item, const char *key,
						   RateEntry *entry);
extern bool parse_rule(ItemParser *p, const ParsedItem *item, const char *s,
					   uint8 *method, int64 *value);
extern char *format_rule(uint8 method, int64 value);
extern char *format_entry_rule(const RateEntry *e);
extern bool parse_entry_rule(ItemParser *p, const ParsedItem *item, const char *s,
							 RateEntry *entry);
extern char *format_selector(const RateEntry *e);
extern Term *rate_schedule_terms(const RateSchedule *s, int *nterms);
extern const char *method_name(uint8 method);
extern int	modifier_adjustments(const RateSchedule *s, ModifierAdjust *out);
extern int64 mppr_percent(const RateSchedule *s, int32 rank);


#endif							/* CONTRACTS_RATE_SCHEDULE_H */
