/*-------------------------------------------------------------------------
 * bizdays.c
 *	  US federal business days, and the SQL functions over them.
 *
 * A business day is a weekday that is not a federal holiday (5 U.S.C.
 * 6103): New Year's Day, Martin Luther King Jr. Day (3rd Monday of
 * January, from 1986), Washington's Birthday (3rd Monday of February),
 * Memorial Day (last Monday of May), Juneteenth (June 19, from 2021),
 * Independence Day, Labor Day (1st Monday of September), Columbus Day
 * (2nd Monday of October), Veterans Day (November 11), Thanksgiving (4th
 * Thursday of November) and Christmas.  A fixed-date holiday on a Saturday
 * is observed the Friday before (so New Year's Day can be observed on
 * December 31), on a Sunday the Monday after.  The Monday rules are applied
 * to every year, as they stand today.
 *
 * Adding and counting business days runs millions of times a query, so it
 * uses a table built once per backend for 1900-2199: for each day, how
 * many business days precede it, and the list of business days itself.
 * Both operations are then two array reads.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "bizdays.h"

#include "fmgr.h"
#include "utils/datetime.h"
#include "utils/memutils.h"

#define BIZCAL_FIRST_YEAR 1900
#define BIZCAL_END_YEAR 2200	/* exclusive */

static int32 bizcal_first;		/* DateADT of the table's first day */
static int32 bizcal_ndays;		/* days in the table */
static int32 *bizcal_before;	/* [i]: business days in [first, first + i) */
static int32 *bizcal_list;		/* offsets from first of every business day */
static int32 bizcal_nbiz;

/* Is (year, month, day) the date of a fixed-date federal holiday? */
static bool
is_fixed_holiday(int year, int month, int day)
{
	return (month == 1 && day == 1) ||
		(month == 6 && day == 19 && year >= 2021) ||
		(month == 7 && day == 4) ||
		(month == 11 && day == 11) ||
		(month == 12 && day == 25);
}

/* Is a fixed-date holiday's actual date (not its observed day) julian? */
static bool
is_fixed_holiday_on(int julian)
{
	int			year,
				month,
				day;

	j2date(julian, &year, &month, &day);
	return is_fixed_holiday(year, month, day);
}

/* Is day the n-th of its weekday in the month? */
static bool
is_nth(int day, int n)
{
	return (day - 1) / 7 == n - 1;
}

/* Is a Monday-Friday date (dow 1-5) a federal holiday, as observed? */
static bool
is_observed_holiday(int julian, int dow)
{
	int			year,
				month,
				day;

	if (is_fixed_holiday_on(julian) ||
		(dow == 5 && is_fixed_holiday_on(julian + 1)) ||
		(dow == 1 && is_fixed_holiday_on(julian - 1)))
		return true;
	j2date(julian, &year, &month, &day);
	if (dow == 1)
		return (month == 1 && is_nth(day, 3) && year >= 1986) ||
			(month == 2 && is_nth(day, 3)) ||
			(month == 5 && day >= 25) ||	/* last Monday of May */
			(month == 9 && is_nth(day, 1)) ||
			(month == 10 && is_nth(day, 2));
	return dow == 4 && month == 11 && is_nth(day, 4);
}

bool
bizdays_is_business_day(DateADT d)
{
	int			julian = d + POSTGRES_EPOCH_JDATE;
	int			dow = j2day(julian);

	return dow != 0 && dow != 6 && !is_observed_holiday(julian, dow);
}

/* Build the per-backend table on first use; it never changes after. */
static void
bizcal_build(void)
{
	int32		i;

	if (bizcal_before != NULL)
		return;
	bizcal_first = date2j(BIZCAL_FIRST_YEAR, 1, 1) - POSTGRES_EPOCH_JDATE;
	bizcal_ndays = date2j(BIZCAL_END_YEAR, 1, 1) - date2j(BIZCAL_FIRST_YEAR, 1, 1);
	bizcal_list = MemoryContextAlloc(TopMemoryContext, bizcal_ndays * sizeof(int32));
	bizcal_before = MemoryContextAlloc(TopMemoryContext, (bizcal_ndays + 1) * sizeof(int32));
	bizcal_nbiz = 0;
	for (i = 0; i < bizcal_ndays; i++)
	{
		bizcal_before[i] = bizcal_nbiz;
		if (bizdays_is_business_day(bizcal_first + i))
			bizcal_list[bizcal_nbiz++] = i;
	}
	bizcal_before[bizcal_ndays] = bizcal_nbiz;
}

static void
bizcal_out_of_range(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
			 errmsg("date out of range for the business-day calendar"),
			 errdetail("Business days are known from %d-01-01 to %d-12-31.",
					   BIZCAL_FIRST_YEAR, BIZCAL_END_YEAR - 1)));
}

/* Offset of d in the table; errors outside it. */
static int32
bizcal_offset(DateADT d)
{
	int64		offset;

	bizcal_build();
	offset = (int64) d - bizcal_first;
	if (offset < 0 || offset >= bizcal_ndays)
		bizcal_out_of_range();
	return (int32) offset;
}

/*
 * The n-th business day after d (n > 0), before d (n < 0), or d (n = 0).
 */
DateADT
bizdays_add(DateADT d, int32 n)
{
	int32		offset = bizcal_offset(d);
	int64		k;

	if (n == 0)
		return d;
	if (n > 0)
		k = (int64) bizcal_before[offset + 1] + n - 1;
	else
		k = (int64) bizcal_before[offset] + n;
	if (k < 0 || k >= bizcal_nbiz)
		bizcal_out_of_range();
	return bizcal_first + bizcal_list[k];
}

/*
 * Business days from a to b: those in (a, b] when b >= a, minus those in
 * [b, a) when b < a; so bizdays_between(a, bizdays_add(a, n)) = n.
 */
int32
bizdays_between(DateADT a, DateADT b)
{
	int32		oa = bizcal_offset(a);
	int32		ob = bizcal_offset(b);

	if (ob >= oa)
		return bizcal_before[ob + 1] - bizcal_before[oa + 1];
	return bizcal_before[ob] - bizcal_before[oa];
}

PG_FUNCTION_INFO_V1(is_business_day);
Datum
is_business_day(PG_FUNCTION_ARGS)
{
	DateADT		d = PG_GETARG_DATEADT(0);

	if (DATE_NOT_FINITE(d))
		PG_RETURN_BOOL(false);
	PG_RETURN_BOOL(bizdays_is_business_day(d));
}

PG_FUNCTION_INFO_V1(add_business_days);
Datum
add_business_days(PG_FUNCTION_ARGS)
{
	DateADT		d = PG_GETARG_DATEADT(0);

	if (DATE_NOT_FINITE(d))
		PG_RETURN_DATEADT(d);
	PG_RETURN_DATEADT(bizdays_add(d, PG_GETARG_INT32(1)));
}

PG_FUNCTION_INFO_V1(business_days_between);
Datum
business_days_between(PG_FUNCTION_ARGS)
{
	DateADT		a = PG_GETARG_DATEADT(0);
	DateADT		b = PG_GETARG_DATEADT(1);

	if (DATE_NOT_FINITE(a) || DATE_NOT_FINITE(b))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("cannot count business days to or from an infinite date")));
	PG_RETURN_INT32(bizdays_between(a, b));
}
