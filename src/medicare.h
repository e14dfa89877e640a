/*-------------------------------------------------------------------------
 * medicare.h
 *	  The Medicare physician fee schedule: amounts from CMS's RVUs and
 *	  GPCIs (medicare_fee.c), a locality's schedule from the pfs_rvu and
 *	  pfs_gpci tables (medicare_schedule.c), priced by pricing.c's rules.
 *-------------------------------------------------------------------------
 */
#ifndef CONTRACTS_MEDICARE_H
#define CONTRACTS_MEDICARE_H

#include "fmgr.h"
#include "utils/numeric.h"

#include "rate_schedule.h"
#include "schedule_cache.h"

/* One pfs_rvu row with its locality's GPCIs, as medicare_schedule reads it. */
typedef struct PfsRow
{
	const char *hcpcs;
	const char *modifier;		/* "" for the global row */
	const char *status;
	Numeric		work_rvu;		/* NULL when the column is NULL */
	Numeric		pe_nonfacility;
	Numeric		pe_facility;
	Numeric		mp_rvu;
	const char *mult_proc;		/* indicators: NULL when the column is NULL */
	const char *bilateral;
	const char *assistant;
	const char *co_surgeon;
	Numeric		conversion_factor;
	Numeric		gpci_work;
	Numeric		gpci_pe;
	Numeric		gpci_mp;
} PfsRow;

/* medicare_fee.c */
extern Numeric medicare_fee_amount(Numeric work_rvu, Numeric pe_rvu, Numeric mp_rvu,
								   Numeric gpci_work, Numeric gpci_pe, Numeric gpci_mp,
								   Numeric conversion_factor);
extern int	pfs_row_entries(const PfsRow *row, RateEntry *out);
extern void medicare_schedule_policies(RateSchedule *s);

/* pricing.c */
extern Numeric price_medicare_line(FunctionCallInfo fcinfo, PricedSchedule *ps);

#endif							/* CONTRACTS_MEDICARE_H */
