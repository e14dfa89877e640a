/*-------------------------------------------------------------------------
 * medicare_fee.c
 *	  The Medicare physician fee schedule amount of a code, and a pfs_rvu
 *	  row as rate_schedule entries with CMS's payment indicators.
 *
 * Fee schedule amount = (work RVU x work GPCI + PE RVU x PE GPCI + MP RVU
 * x MP GPCI) x conversion factor, rounded half up to cents (CMS Claims
 * Processing Manual ch. 12, sec. 20).  Computed exactly in numeric.
 *
 * The payment rules of ch. 12 become entries and indicators of a
 * rate_schedule, so pricing.c applies them like any contract's:
 *	- status A, R, T priced; B, P (bundled) 0.00; any other: no entry (NULL);
 *	- facility PE when priced in a facility, else the non-facility PE, or
 *	  the facility PE where CMS prints NA (a NULL non-facility PE);
 *	- multiple procedure indicator 2 or 3: the schedule's MPPR (100 50);
 *	  any other: no_mppr (indicators 4-7, imaging and therapy reductions,
 *	  are priced at 100%);
 *	- bilateral indicator 1: modifier 50 at 150%; 3: 200%; others 100%;
 *	- assistant indicator 0 or 2: 80/81/82 at 16%, AS at 13.6%; others 0;
 *	- co-surgeon indicator 1 or 2: 62 at 62.5%; others 0.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "medicare.h"
#include "money.h"

#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

/* Reject a negative RVU, GPCI or conversion factor (they never are). */
static void
check_factor(Numeric value, const char *name)
{
	if (numeric_is_nan(value) || numeric_is_inf(value) || numeric_is_negative(value))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a non-negative finite number: %s", name,
						DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(value)))),
				 errdetail("RVUs, GPCIs and conversion factors in CMS's files are zero or more.")));
}

/*
 * The fee schedule amount in cents, exactly in fixed point (RVUs have 2
 * decimals, GPCIs 3, conversion factors 4: far inside 128 bits), rounded
 * half up; false if a number does not fit.
 */
bool
medicare_fee_cents(Fixed work_rvu, Fixed pe_rvu, Fixed mp_rvu, const PfsGpci *gpci,
				   Fixed conversion_factor, int64 *cents)
{
	Fixed		sum = work_rvu;
	Fixed		pe = pe_rvu;
	Fixed		mp = mp_rvu;

	return fixed_mul(&sum, gpci->work) && fixed_mul(&pe, gpci->pe) && fixed_mul(&mp, gpci->mp) &&
		fixed_add(&sum, pe) && fixed_add(&sum, mp) && fixed_mul(&sum, conversion_factor) &&
		fixed_round_cents(sum, cents);
}

/* The same in numeric, for arguments fixed point cannot hold. */
static Numeric
medicare_fee_numeric(Numeric work_rvu, Numeric pe_rvu, Numeric mp_rvu,
					 Numeric gpci_work, Numeric gpci_pe, Numeric gpci_mp,
					 Numeric conversion_factor)
{
	Numeric		rvus = num_add(num_add(num_mul(work_rvu, gpci_work), num_mul(pe_rvu, gpci_pe)),
							   num_mul(mp_rvu, gpci_mp));

	return DatumGetNumeric(DirectFunctionCall2(numeric_round,
											   NumericGetDatum(num_mul(rvus, conversion_factor)),
											   Int32GetDatum(2)));
}

PG_FUNCTION_INFO_V1(medicare_fee);
Datum
medicare_fee(PG_FUNCTION_ARGS)
{
	static const char *const names[] = {"work_rvu", "pe_rvu", "mp_rvu", "gpci_work", "gpci_pe",
	"gpci_mp", "conversion_factor"};
	Fixed		f[7];
	bool		fits = true;
	int64		cents;
	int			i;

	for (i = 0; i < 7; i++)
	{
		check_factor(PG_GETARG_NUMERIC(i), names[i]);
		fits = fits && fixed_from_numeric(PG_GETARG_DATUM(i), &f[i]);
	}
	if (fits)
	{
		PfsGpci		gpci = {f[3], f[4], f[5]};

		if (medicare_fee_cents(f[0], f[1], f[2], &gpci, f[6], &cents))
			PG_RETURN_NUMERIC(money_from_cents(cents));
	}
	PG_RETURN_NUMERIC(medicare_fee_numeric(PG_GETARG_NUMERIC(0), PG_GETARG_NUMERIC(1),
										   PG_GETARG_NUMERIC(2), PG_GETARG_NUMERIC(3),
										   PG_GETARG_NUMERIC(4), PG_GETARG_NUMERIC(5),
										   PG_GETARG_NUMERIC(6)));
}

/* Is the status one Medicare pays (A, R, T), bundles (B, P, at 0.00), or neither? */
static bool
status_priced(char status, bool *bundled)
{
	*bundled = (status == 'B' || status == 'P');
	return status == 'A' || status == 'R' || status == 'T' || *bundled;
}

/* The rate_schedule indicators of a row's CMS indicators. */
static void
set_indicators(const PfsRow *row, RateEntry *e)
{
	if (row->mult_proc != '2' && row->mult_proc != '3')
		e->indicators |= RE_NO_MPPR;
	if (row->bilateral != '1')
	{
		e->indicators |= RE_BILATERAL;
		e->bilateral_percent = (row->bilateral == '3') ? 200 : 100;
	}
	if (row->assistant != '0' && row->assistant != '2')
		e->indicators |= RE_NO_ASSISTANT;
	if (row->co_surgeon != '1' && row->co_surgeon != '2')
		e->indicators |= RE_NO_COSURGEON;
}

/* An entry of the row for a setting, at an amount in cents. */
static void
set_entry(const PfsRow *row, RateEntry *e, uint8 setting, int64 cents, bool indicators)
{
	memset(e, 0, sizeof(RateEntry));
	memcpy(e->code, row->hcpcs, RS_CODE_LEN);
	memcpy(e->modifier, row->modifier, 2);
	e->setting = setting;
	e->method = RM_AMOUNT;
	if (cents > RS_MAX_AMOUNT / (RS_MICRO / 100))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("Medicare amount of %s is out of range", row->hcpcs),
				 errdetail("A rate_schedule amount is at most 100000000.")));
	e->value = cents * (RS_MICRO / 100);
	if (indicators)
		set_indicators(row, e);
}

/* A row's fee for a PE RVU, in cents. */
static int64
row_fee_cents(const PfsRow *row, Fixed pe_rvu, const PfsGpci *gpci)
{
	int64		cents;

	if (!medicare_fee_cents(row->work_rvu, pe_rvu, row->mp_rvu, gpci, row->conversion_factor, &cents))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("Medicare amount of %s is out of range", row->hcpcs)));
	return cents;
}

/*
 * A pfs_rvu row as entries of its locality's schedule, into out[] (room for
 * 2): none when Medicare does not price the code's status or a number is
 * missing; one when the facility and non-facility amounts agree (the
 * non-facility PE is NULL where CMS prints NA: the facility PE stands for
 * it); else one per setting.  Returns how many.
 */
int
pfs_row_entries(const PfsRow *row, const PfsGpci *gpci, RateEntry *out)
{
	bool		bundled;
	int64		facility;
	int64		nonfacility;

	if (!status_priced(row->status, &bundled))
		return 0;
	if (bundled)
	{
		set_entry(row, &out[0], SETTING_ANY, 0, false); /* 0.00, whatever the modifiers */
		return 1;
	}
	if (!row->has_work || !row->has_pe_facility || !row->has_mp || !row->has_conversion_factor)
		return 0;
	facility = row_fee_cents(row, row->pe_facility, gpci);
	nonfacility = row->has_pe_nonfacility ? row_fee_cents(row, row->pe_nonfacility, gpci) : facility;
	if (facility == nonfacility)
	{
		set_entry(row, &out[0], SETTING_ANY, facility, true);
		return 1;
	}
	set_entry(row, &out[0], SETTING_FACILITY, facility, true);
	set_entry(row, &out[1], SETTING_NONFACILITY, nonfacility, true);
	return 2;
}

/* Medicare's own policies: rank 1 at 100%, every later rank at 50%. */
void
medicare_schedule_policies(RateSchedule *s)
{
	s->flags |= RS_HAS_MPPR;
	s->nmppr = 2;
	s->mppr[0] = 100 * RS_MICRO;
	s->mppr[1] = 50 * RS_MICRO;
}
