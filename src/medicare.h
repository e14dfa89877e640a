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

#include "fixed.h"
#include "rate_schedule.h"
#include "schedule_cache.h"

/*
 * One pfs_rvu row as medicare_schedule reads it: numbers in exact fixed
 * point (has_* false for NULL), indicators as their first character ('\0'
 * for NULL or blank).
 */
typedef struct PfsRow
{
	char		hcpcs[RS_CODE_LEN];
	char		modifier[2];	/* two NULs for the global row */
	char		status;
	char		mult_proc;
	char		bilateral;
	char		assistant;
	char		co_surgeon;
	bool		has_work;
	bool		has_pe_nonfacility;
	bool		has_pe_facility;
	bool		has_mp;
	bool		has_conversion_factor;
	Fixed		work_rvu;
	Fixed		pe_nonfacility;
	Fixed		pe_facility;
	Fixed		mp_rvu;
	Fixed		conversion_factor;
} PfsRow;

/* A locality's GPCIs. */
typedef struct PfsGpci
{
	Fixed		work;
	Fixed		pe;
	Fixed		mp;
} PfsGpci;

/* medicare_fee.c */
extern bool medicare_fee_cents(Fixed work_rvu, Fixed pe_rvu, Fixed mp_rvu, const PfsGpci *gpci,
							   Fixed conversion_factor, int64 *cents);
extern int	pfs_row_entries(const PfsRow *row, const PfsGpci *gpci, RateEntry *out);
extern void medicare_schedule_policies(RateSchedule *s);

/* pricing.c */
extern Numeric price_medicare_line(FunctionCallInfo fcinfo, PricedSchedule *ps);

#endif							/* CONTRACTS_MEDICARE_H */
