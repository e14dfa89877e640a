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

/* The fee schedule amount, rounded half up to cents. */
Numeric
medicare_fee_amount(Numeric work_rvu, Numeric pe_rvu, Numeric mp_rvu,
					Numeric gpci_work, Numeric gpci_pe, Numeric gpci_mp,
					Numeric conversion_factor)
{
	Numeric		rvus;

	check_factor(work_rvu, "work_rvu");
	check_factor(pe_rvu, "pe_rvu");
	check_factor(mp_rvu, "mp_rvu");
	check_factor(gpci_work, "gpci_work");
	check_factor(gpci_pe, "gpci_pe");
	check_factor(gpci_mp, "gpci_mp");
	check_factor(conversion_factor, "conversion_factor");
	rvus = num_add(num_add(num_mul(work_rvu, gpci_work), num_mul(pe_rvu, gpci_pe)),
				   num_mul(mp_rvu, gpci_mp));
	return DatumGetNumeric(DirectFunctionCall2(numeric_round,
											   NumericGetDatum(num_mul(rvus, conversion_factor)),
											   Int32GetDatum(2)));
}

PG_FUNCTION_INFO_V1(medicare_fee);
Datum
medicare_fee(PG_FUNCTION_ARGS)
{
	PG_RETURN_NUMERIC(medicare_fee_amount(PG_GETARG_NUMERIC(0), PG_GETARG_NUMERIC(1),
										  PG_GETARG_NUMERIC(2), PG_GETARG_NUMERIC(3),
										  PG_GETARG_NUMERIC(4), PG_GETARG_NUMERIC(5),
										  PG_GETARG_NUMERIC(6)));
}

/* An indicator's value: its first non-blank character, or '\0' for NULL or blank. */
static char
indicator(const char *value)
{
	if (value == NULL)
		return '\0';
	while (*value == ' ')
		value++;
	return *value;
}

/* Is the status one Medicare pays (A, R, T), bundles (B, P, at 0.00), or neither? */
static bool
status_priced(const char *status, bool *bundled)
{
	char		c = indicator(status);

	*bundled = (c == 'B' || c == 'P');
	return c == 'A' || c == 'R' || c == 'T' || *bundled;
}

/* The rate_schedule indicators of a row's CMS indicators. */
static void
set_indicators(const PfsRow *row, RateEntry *e)
{
	char		mult = indicator(row->mult_proc);
	char		bilat = indicator(row->bilateral);
	char		asst = indicator(row->assistant);
	char		cosurg = indicator(row->co_surgeon);

	if (mult != '2' && mult != '3')
		e->indicators |= RE_NO_MPPR;
	if (bilat != '1')
	{
		e->indicators |= RE_BILATERAL;
		e->bilateral_percent = (bilat == '3') ? 200 : 100;
	}
	if (asst != '0' && asst != '2')
		e->indicators |= RE_NO_ASSISTANT;
	if (cosurg != '1' && cosurg != '2')
		e->indicators |= RE_NO_COSURGEON;
}

/* A rounded amount as micro-dollars; error beyond what a rate_schedule holds. */
static int64
amount_micro(Numeric amount, const PfsRow *row)
{
	Numeric		micro = num_mul(amount, int64_to_numeric(RS_MICRO));
	int64		value;

	if (num_cmp(micro, int64_to_numeric(RS_MAX_AMOUNT)) > 0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("Medicare amount of %s is out of range", row->hcpcs),
				 errdetail("A rate_schedule amount is at most 100000000.")));
	value = DatumGetInt64(DirectFunctionCall1(numeric_int8, NumericGetDatum(micro)));
	return value;
}

/* Zero e and fill its selector from the row (the table's checks keep codes upper case). */
static void
set_selector(const PfsRow *row, RateEntry *e, uint8 setting)
{
	size_t		len = strlen(row->hcpcs);
	size_t		modlen = strlen(row->modifier);

	memset(e, 0, sizeof(RateEntry));
	if (len < 3 || len >= RS_CODE_LEN || (modlen != 0 && modlen != 2))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("pfs_rvu row \"%s\" modifier \"%s\" is not a code and modifier", row->hcpcs,
						row->modifier),
				 errdetail("Codes are 3 to 7 letters and digits; modifiers are empty or 2 letters or digits.")));
	memcpy(e->code, row->hcpcs, len);
	memcpy(e->modifier, row->modifier, modlen);
	e->setting = setting;
	e->method = RM_AMOUNT;
}

/*
 * A pfs_rvu row as entries of its locality's schedule, into out[] (room for
 * 2): none when Medicare does not price the code's status or a number is
 * missing; one when the facility and non-facility amounts agree; else one
 * per setting.  Returns how many.
 */
int
pfs_row_entries(const PfsRow *row, RateEntry *out)
{
	bool		bundled;
	Numeric		facility;
	Numeric		nonfacility;

	if (!status_priced(row->status, &bundled))
		return 0;
	if (bundled)
	{
		set_selector(row, &out[0], SETTING_ANY);
		return 1;				/* 0.00, whatever the modifiers */
	}
	if (row->work_rvu == NULL || row->pe_facility == NULL || row->mp_rvu == NULL ||
		row->conversion_factor == NULL)
		return 0;
	facility = medicare_fee_amount(row->work_rvu, row->pe_facility, row->mp_rvu, row->gpci_work,
								   row->gpci_pe, row->gpci_mp, row->conversion_factor);
	nonfacility = row->pe_nonfacility == NULL ? facility :
		medicare_fee_amount(row->work_rvu, row->pe_nonfacility, row->mp_rvu, row->gpci_work,
							row->gpci_pe, row->gpci_mp, row->conversion_factor);
	if (num_cmp(facility, nonfacility) == 0)
	{
		set_selector(row, &out[0], SETTING_ANY);
		out[0].value = amount_micro(facility, row);
		set_indicators(row, &out[0]);
		return 1;
	}
	set_selector(row, &out[0], SETTING_FACILITY);
	out[0].value = amount_micro(facility, row);
	set_indicators(row, &out[0]);
	set_selector(row, &out[1], SETTING_NONFACILITY);
	out[1].value = amount_micro(nonfacility, row);
	set_indicators(row, &out[1]);
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
