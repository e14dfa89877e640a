/*-------------------------------------------------------------------------
 * bizdays.c
 *	  US federal business days, and the SQL functions over them.
 *
 * A business day is a weekday that is not a federal holiday (5 U.S.C.
 * 6103) as observed by federal offices, following the law's history:
 *
 *   New Year's Day, Independence Day, Christmas Day, Labor Day (1st Monday
 *     of September): every year of the calendar (1900-2199).
 *   Washington's Birthday: February 22 until 1970, 3rd Monday of February
 *     from 1971 (Uniform Monday Holiday Act, Pub. L. 90-363).
 *   Memorial Day: May 30 until 1970, last Monday of May from 1971 (same).
 *   Armistice/Veterans Day: November 11 from 1938 (Act of May 13, 1938);
 *     4th Monday of October 1971-1977 (Pub. L. 90-363); November 11 again
 *     from 1978 (Pub. L. 94-97).
 *   Columbus Day: 2nd Monday of October from 1971 (Pub. L. 90-363).
 *   Thanksgiving: by proclamation the last Thursday of November until
 *     1938 and the second-to-last in 1939-1941; the 4th Thursday from 1942
 *     (Pub. L. 77-379).
 *   Martin Luther King Jr. Day: 3rd Monday of January from 1986.
 *   Juneteenth: June 19 from 2021.
 *
 * Observance: a fixed-date holiday on a Sunday is observed the Monday
 * after (every year: Act of March 3, 1901 and Executive Order 10358 of
 * 1952).  One on a Saturday is observed the Friday before only from 1960:
 * Pub. L. 86-362 of September 22, 1959 created that rule (before it a
 * Saturday holiday gave Monday-Friday workers no day off, as Executive
 * Order 10825 shows by granting Friday, July 3, 1959 specially).  So New
 * Year's Day can be observed on December 31.  One-off closures by
 * executive order (December 24, 2007 ...) are not holidays here.
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
	switch (month)
	{
		case 1:
			return day == 1;
		case 2:
			return day == 22 && year < 1971;
		case 5:
			return day == 30 && year < 1971;
		case 6:
			return day == 19 && year >= 2021;
		case 7:
			return day == 4;
		case 11:
			return day == 11 && year >= 1938 && (year < 1971 || year >= 1978);
		case 12:
			return day == 25;
	}
	return false;
}

/*
 * Is the fixed-date holiday whose actual date is julian observed on
 * another day?  dow_of_holiday 0 (Sunday) moves it to Monday in every
 * year; 6 (Saturday) to Friday only from 1960.
 */
static bool
is_fixed_holiday_moved(int julian, int dow_of_holiday)
{
	int			year,
				month,
				day;

	j2date(julian, &year, &month, &day);
	if (!is_fixed_holiday(year, month, day))
		return false;
	return dow_of_holiday == 0 || (dow_of_holiday == 6 && year >= 1960);
}

/* Is day the n-th of its weekday in the month? */
static bool
is_nth(int day, int n)
{
	return (day - 1) / 7 == n - 1;
}

/* Is a Monday the holiday of a "Monday" rule? */
static bool
is_monday_holiday(int year, int month, int day)
{
	switch (month)
	{
		case 1:
			return year >= 1986 && is_nth(day, 3);
		case 2:
			return year >= 1971 && is_nth(day, 3);
		case 5:
			return year >= 1971 && day >= 25;	/* last Monday of May */
		case 9:
			return is_nth(day, 1);
		case 10:
			return year >= 1971 && (is_nth(day, 2) || (year < 1978 && is_nth(day, 4)));
	}
	return false;
}

/* Is a Thursday in November Thanksgiving Day? */
static bool
is_thanksgiving(int year, int day)
{
	if (year < 1939)
		return day >= 24;		/* the last Thursday */
	if (year < 1942)
		return day >= 17 && day <= 23;	/* the second-to-last */
	return is_nth(day, 4);
}

/* Is a Monday-Friday date (dow 1-5) a federal holiday, as observed? */
static bool
is_observed_holiday(int julian, int dow)
{
	int			year,
				month,
				day;

	j2date(julian, &year, &month, &day);
	if (is_fixed_holiday(year, month, day) ||
		(dow == 5 && is_fixed_holiday_moved(julian + 1, 6)) ||
		(dow == 1 && is_fixed_holiday_moved(julian - 1, 0)))
		return true;
	if (dow == 1)
		return is_monday_holiday(year, month, day);
	return dow == 4 && month == 11 && is_thanksgiving(year, day);
}

/* The rules themselves, for any date: used to build the table. */
static bool
rules_say_business_day(DateADT d)
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
		if (rules_say_business_day(bizcal_first + i))
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

/* Is d a business day?  Errors outside the calendar's years. */
bool
bizdays_is_business_day(DateADT d)
{
	int32		offset = bizcal_offset(d);

	return bizcal_before[offset + 1] != bizcal_before[offset];
}

/*
 * The n-th business day after d (n > 0), before d (n < 0), or d (n = 0).
 * Adding zero needs no calendar, so it works for every date.
 */
DateADT
bizdays_add(DateADT d, int32 n)
{
	int32		offset;
	int64		k;

	if (n == 0)
		return d;
	offset = bizcal_offset(d);
	if (n > 0)
		k = (int64) bizcal_before[offset + 1] + n - 1;
	else
		k = (int64) bizcal_before[offset] + n;
	if (k < 0 || k >= bizcal_nbiz)
		bizcal_out_of_range();
	return bizcal_first + bizcal_list[k];
}

/* d itself if it is a business day, else the next business day. */
DateADT
bizdays_roll_forward(DateADT d)
{
	return bizdays_is_business_day(d) ? d : bizdays_add(d, 1);
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
