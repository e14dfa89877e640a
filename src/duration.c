/*-------------------------------------------------------------------------
 * duration.c
 *	  Contract durations and date arithmetic with them.
 *
 * A duration is a count of days, business days, months, years or hours
 * (hours only for the decision clocks, which give timestamps).  Month
 * and year arithmetic clamps to the month's end, as PostgreSQL's
 * date + interval does (January 31 + 1 month = February 28 or 29).
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>

#include "duration.h"
#include "bizdays.h"

#include "utils/datetime.h"

static const char *const unit_names[] = {
	[DUR_DAYS] = "day",
	[DUR_BUSINESS_DAYS] = "business day",
	[DUR_MONTHS] = "month",
	[DUR_YEARS] = "year",
	[DUR_HOURS] = "hour",
};

#define DURATION_HINT "Write a duration as \"N days\", \"N business days\", \"N months\", \"N years\" or, for a decision clock, \"N hours\"."

/* Does s spell the unit, in singular or plural, any case and spacing? */
static bool
unit_matches(const char *s, const char *unit)
{
	while (*unit)
	{
		if (*unit == ' ')
		{
			if (!isspace((unsigned char) *s))
				return false;
			while (isspace((unsigned char) *s))
				s++;
			unit++;
			continue;
		}
		if (tolower((unsigned char) *s) != *unit)
			return false;
		s++;
		unit++;
	}
	return *s == '\0' || ((*s == 's' || *s == 'S') && s[1] == '\0');
}

/*
 * Parse "N days", "N business days", "N months", "N years" or, when the
 * key's result is a timestamp (allow_hours), "N hours".
 */
bool
parse_duration(ItemParser *p, const ParsedItem *item, const char *s, bool allow_hours,
			   Duration *result)
{
	const char *c = s;
	int64		count = 0;
	int			unit;

	if (*c == '-')
		return items_fail(p, item->text, NULL, "\"%s\" is negative; %s must not be negative.", s, item->key);
	if (!isdigit((unsigned char) *c))
		return items_fail(p, item->text, DURATION_HINT,
						  "\"%s\" is not a duration.", s);
	for (; isdigit((unsigned char) *c); c++)
	{
		count = count * 10 + (*c - '0');
		if (count > DURATION_MAX_COUNT)
			return items_fail_code(p, ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE, item->text, NULL,
								   "\"%s\" is longer than %d units.", s, DURATION_MAX_COUNT);
	}
	while (isspace((unsigned char) *c))
		c++;
	if (*c == '\0')
		return items_fail(p, item->text, DURATION_HINT,
						  "\"%s\" has no unit of time.", s);
	for (unit = DUR_DAYS; unit <= DUR_HOURS; unit++)
	{
		if (unit_matches(c, unit_names[unit]))
		{
			if (unit == DUR_HOURS && !allow_hours)
				return items_fail(p, item->text,
								  "Hours are accepted only by auth_decision and auth_decision_urgent; write days, business days, months or years.",
								  "\"%s\" is in hours, but %s needs a date.", s, item->key);
			result->count = (int32) count;
			result->unit = unit;
			return true;
		}
	}
	return items_fail(p, item->text, DURATION_HINT,
					  "\"%s\" is not a unit of time.", c);
}

/* Canonical text: "1 day", "15 business days", "18 months". */
char *
format_duration(Duration d)
{
	return psprintf("%d %s%s", d.count, unit_names[d.unit], d.count == 1 ? "" : "s");
}

/* Raise the standard error for a date outside PostgreSQL's range. */
void
check_date_in_range(int64 d)
{
	if (d < (DATETIME_MIN_JULIAN - POSTGRES_EPOCH_JDATE) ||
		d >= (DATE_END_JULIAN - POSTGRES_EPOCH_JDATE))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("date out of range")));
}

/* d + months, clamped to the end of the resulting month. */
DateADT
date_add_months(DateADT d, int64 months)
{
	int			year,
				month,
				day;
	int64		total;
	int64		new_year;
	int			new_month;

	j2date(d + POSTGRES_EPOCH_JDATE, &year, &month, &day);
	total = (int64) year * 12 + (month - 1) + months;
	new_year = total >= 0 ? total / 12 : -((-total + 11) / 12);
	new_month = (int) (total - new_year * 12) + 1;
	if (new_year < -4713 || new_year > 5874898)
		check_date_in_range(PG_INT64_MAX);
	day = Min(day, day_tab[isleap(new_year)][new_month - 1]);
	total = (int64) date2j((int) new_year, new_month, day) - POSTGRES_EPOCH_JDATE;
	check_date_in_range(total);
	return (DateADT) total;
}

/*
 * d plus (sign = 1) or minus (sign = -1) a duration.  An infinite date
 * stays infinite, as with date + integer.
 */
DateADT
date_add_duration(DateADT d, Duration dur, int sign)
{
	int64		result;

	if (DATE_NOT_FINITE(d))
		return d;
	switch (dur.unit)
	{
		case DUR_DAYS:
			result = (int64) d + (int64) sign * dur.count;
			check_date_in_range(result);
			return (DateADT) result;
		case DUR_BUSINESS_DAYS:
			return bizdays_add(d, sign * dur.count);
		case DUR_MONTHS:
			return date_add_months(d, (int64) sign * dur.count);
		case DUR_YEARS:
			return date_add_months(d, (int64) sign * dur.count * 12);
		case DUR_HOURS:
			/* the parser admits hours only where no date is computed */
			elog(ERROR, "a duration in hours cannot be added to a date");
	}
	elog(ERROR, "unrecognized duration unit: %d", dur.unit);
	return d;					/* keep compiler quiet */
}
