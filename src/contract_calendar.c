/*-------------------------------------------------------------------------
 * contract_calendar.c
 *	  What a contract's terms mean in dates and dollars: filing and appeal
 *	  deadlines, prompt-pay due dates and interest, the audit lookback, and
 *	  the renewal and notice calendar.
 *
 * Every function returns NULL when the contract lacks a term it needs.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "contract.h"
#include "bizdays.h"
#include "money.h"
#include "fixed.h"

#include "access/htup_details.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/tuplestore.h"

#define HAS(c, key) CONTRACT_HAS(c, key)

/*
 * A deadline as the contract counts it: with `deadline_roll:
 * next_business_day` one that falls on a weekend or federal holiday moves
 * to the next business day (CMS Pub. 100-04 ch. 1 sec. 70.7; the prompt
 * pay rules allow payment on the next business day).
 */
static DateADT
rolled(Contract *c, DateADT d)
{
	const ContractExt *e = contract_ext(c);

	if (e == NULL || e->deadline_roll != ROLL_NEXT_BUSINESS_DAY || DATE_NOT_FINITE(d))
		return d;
	return bizdays_roll_forward(d);
}

PG_FUNCTION_INFO_V1(filing_deadline);
Datum
filing_deadline(PG_FUNCTION_ARGS)
{
	Contract   *c = PG_GETARG_CONTRACT_P(0);

	if (!HAS(c, CK_FILING))
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(rolled(c, date_add_duration(PG_GETARG_DATEADT(1), c->dur[CK_FILING], 1)));
}

/* Level n's window runs from the presumed receipt of the notice. */
PG_FUNCTION_INFO_V1(appeal_deadline);
Datum
appeal_deadline(PG_FUNCTION_ARGS)
{
	Contract   *c = PG_GETARG_CONTRACT_P(0);
	DateADT		notice_date = PG_GETARG_DATEADT(1);
	int32		level = PG_GETARG_INT32(2);

	if (level < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("appeal level must be 1 or more, not %d", level)));
	if (!HAS(c, CK_APPEAL) || level > c->nappeal)
		PG_RETURN_NULL();
	if (HAS(c, CK_NOTICE_RECEIPT))
		notice_date = date_add_duration(notice_date, c->dur[CK_NOTICE_RECEIPT], 1);
	PG_RETURN_DATEADT(rolled(c, date_add_duration(notice_date, c->appeal[level - 1], 1)));
}

/* Last day a clean claim received on `received` may be paid on time. */
static bool
payment_due_date(Contract *c, DateADT received, bool paper, DateADT *due)
{
	int			key = (paper && HAS(c, CK_PROMPT_PAY_PAPER)) ? CK_PROMPT_PAY_PAPER : CK_PROMPT_PAY;

	if (!HAS(c, key))
		return false;
	*due = rolled(c, date_add_duration(received, c->dur[key], 1));
	return true;
}

PG_FUNCTION_INFO_V1(payment_due);
Datum
payment_due(PG_FUNCTION_ARGS)
{
	DateADT		due;

	if (!payment_due_date(PG_GETARG_CONTRACT_P(0), PG_GETARG_DATEADT(1),
						  PG_GETARG_BOOL(2), &due))
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(due);
}

/* An interest rate given as numeric percent, in millionths of a percent. */
static int64
rate_to_micro(Numeric rate)
{
	Numeric		scaled = DatumGetNumeric(DirectFunctionCall2(numeric_mul, NumericGetDatum(rate),
															 NumericGetDatum(int64_to_numeric(1000000))));
	Numeric		whole = DatumGetNumeric(DirectFunctionCall2(numeric_round, NumericGetDatum(scaled),
															Int32GetDatum(0)));

	if (numeric_is_nan(rate) || numeric_is_inf(rate) || numeric_is_negative(rate) ||
		num_cmp(rate, int64_to_numeric(100)) > 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("interest rate must be between 0 and 100 percent")));
	if (num_cmp(scaled, whole) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("interest rate has more than 6 decimal places")));
	return DatumGetInt64(DirectFunctionCall1(numeric_int8, NumericGetDatum(whole)));
}

/*
 * Interest in cents: amount x rate_days / (basis x 10^8) rounded half up,
 * where rate_days is the rate in millionths of a percent times days late.
 * The fixed-point form covers every ordinary amount without allocating;
 * it declines (false) what it cannot hold exactly, and the numeric form
 * (which also rejects NaN, infinities and negative amounts) takes over.
 */
static bool
interest_cents_fixed(Datum amount, int64 rate_days, int32 basis, int64 *cents)
{
	Fixed		a;
	int128		num;
	int128		den = basis;
	int128		q;
	int			i;

	if (!fixed_from_numeric(amount, &a) || a.value < 0 || a.scale > 12 ||
		__builtin_mul_overflow((int128) a.value, (int128) rate_days, &num) ||
		num > (((int128) 1) << 120))
		return false;
	for (i = 0; i < a.scale + 6; i++)
		den *= 10;
	q = (2 * num + den) / (2 * den);
	if (q > PG_INT64_MAX)
		return false;
	*cents = (int64) q;
	return true;
}

static int64
interest_cents_numeric(Numeric amount, int64 rate_days, int32 basis)
{
	Numeric		product;
	Numeric		interest;

	if (numeric_is_nan(amount) || numeric_is_inf(amount) || numeric_is_negative(amount))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("interest amount must be a non-negative finite number"),
				 errhint("Interest is owed on amounts paid; leave reversals and recoupments out.")));
	product = num_mul(amount, int64_to_numeric(rate_days));
	/* cents = product / (basis x 10^6) must fit in an int64, with room to round */
	if (num_cmp(product, num_mul(int64_to_numeric((int64) basis * 1000000),
								 int64_to_numeric(PG_INT64_MAX / 4))) > 0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("interest is out of range"),
				 errdetail("The interest on %s would exceed %s.",
						   DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(amount))),
						   format_decimal(PG_INT64_MAX / 4, 2, 2))));
	interest = num_mul(money_div_round(product, (int64) basis * 100000000),
					   int64_to_numeric(100));
	return DatumGetInt64(DirectFunctionCall1(numeric_int8, NumericGetDatum(interest)));
}

/*
 * Simple interest on a clean claim paid late:
 *   amount x rate% x (paid - due) / basis, rounded half up to cents,
 * zero when paid on or before the due date or when under interest_min.
 * Not strict: a NULL rate means the contract's rate.
 */
PG_FUNCTION_INFO_V1(interest_due);
Datum
interest_due(PG_FUNCTION_ARGS)
{
	Contract   *c;
	DateADT		due;
	DateADT		paid;
	int64		rate_micro;
	int64		days_late;
	int64		cents;
	int			i;

	for (i = 0; i < 5; i++)
		if (PG_ARGISNULL(i))
			PG_RETURN_NULL();
	c = PG_GETARG_CONTRACT_P(0);
	paid = PG_GETARG_DATEADT(2);
	if (DATE_NOT_FINITE(PG_GETARG_DATEADT(1)) || DATE_NOT_FINITE(paid))
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("interest needs finite received and paid dates")));
	if (!payment_due_date(c, PG_GETARG_DATEADT(1), PG_GETARG_BOOL(4), &due))
		PG_RETURN_NULL();
	if (PG_ARGISNULL(5) && !HAS(c, CK_INTEREST))
		PG_RETURN_NULL();
	if (paid <= due)
		PG_RETURN_NUMERIC(money_from_cents(0));

	rate_micro = PG_ARGISNULL(5) ? c->interest_micro : rate_to_micro(PG_GETARG_NUMERIC(5));
	days_late = (int64) paid - due;
	if (!interest_cents_fixed(PG_GETARG_DATUM(3), rate_micro * days_late, c->interest_basis, &cents))
		cents = interest_cents_numeric(PG_GETARG_NUMERIC(3), rate_micro * days_late, c->interest_basis);
	PG_RETURN_NUMERIC(money_from_cents(cents < c->interest_min_cents ? 0 : cents));
}

PG_FUNCTION_INFO_V1(recoupment_deadline);
Datum
recoupment_deadline(PG_FUNCTION_ARGS)
{
	Contract   *c = PG_GETARG_CONTRACT_P(0);

	if (!HAS(c, CK_LOOKBACK))
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(rolled(c, date_add_duration(PG_GETARG_DATEADT(1), c->dur[CK_LOOKBACK], 1)));
}

/* ---------- renewal calendar ---------- */

static bool
in_months(Duration d)
{
	return d.unit == DUR_MONTHS || d.unit == DUR_YEARS;
}

static int64
months_of(Duration d)
{
	return d.unit == DUR_YEARS ? (int64) d.count * 12 : d.count;
}

static bool
renews(Contract *c)
{
	return HAS(c, CK_RENEWAL);
}

/*
 * The k-th renewal date: k = 0 ends the initial term (a renewal, or the
 * expiry when the contract does not renew).  Month-based terms count from
 * the effective date, so anniversaries do not drift after a short month.
 */
static DateADT
renewal_n(Contract *c, int64 k)
{
	Duration	term = c->dur[CK_TERM];
	Duration	renewal = c->dur[CK_RENEWAL];
	DateADT		first;

	if (k > 0 && in_months(term) && in_months(renewal))
		return date_add_months(c->effective, months_of(term) + k * months_of(renewal));
	first = date_add_duration(c->effective, term, 1);
	if (k == 0)
		return first;
	switch (renewal.unit)
	{
		case DUR_DAYS:
			check_date_in_range((int64) first + k * renewal.count);
			return (DateADT) (first + k * renewal.count);
		case DUR_BUSINESS_DAYS:
			if (k * renewal.count > PG_INT32_MAX)
				check_date_in_range(PG_INT64_MAX);
			return bizdays_add(first, (int32) (k * renewal.count));
		default:
			return date_add_months(first, k * months_of(renewal));
	}
}

/* Upper bound on the calendar days of one renewal period. */
static int64
renewal_max_days(Duration d)
{
	switch (d.unit)
	{
		case DUR_DAYS:
			return d.count;
		case DUR_BUSINESS_DAYS:
			return (int64) d.count * 2 + 14;
		default:
			return months_of(d) * 31;
	}
}

/* The first k whose renewal date is on or after as_of, or -1 if none. */
static int64
first_renewal_from(Contract *c, DateADT as_of)
{
	int64		k;

	if (renewal_n(c, 0) >= as_of)
		return 0;
	if (!renews(c) || as_of == DATEVAL_NOEND)
		return -1;
	k = Max(1, ((int64) as_of - renewal_n(c, 0)) / renewal_max_days(c->dur[CK_RENEWAL]));
	while (renewal_n(c, k) < as_of)
	{
		CHECK_FOR_INTERRUPTS();
		k++;
	}
	return k;
}

static bool
has_calendar(Contract *c)
{
	return HAS(c, CK_EFFECTIVE) && HAS(c, CK_TERM);
}

/*
 * The notice deadline of the k-th renewal: the renewal date minus the
 * notice period, or with `notice_from: term_end` the term's last day (the
 * day before the renewal) minus the notice period.
 */
static DateADT
notice_deadline_n(Contract *c, int64 k)
{
	const ContractExt *e = contract_ext(c);
	DateADT		from = renewal_n(c, k);

	if (e != NULL && e->notice_from == NOTICE_FROM_TERM_END)
		from = date_add_duration(from, (Duration) {1, DUR_DAYS}, -1);
	return date_add_duration(from, c->dur[CK_NOTICE], -1);
}

/* Next renewal (or expiry) on or after as_of. */
PG_FUNCTION_INFO_V1(renewal_date);
Datum
renewal_date(PG_FUNCTION_ARGS)
{
	Contract   *c = PG_GETARG_CONTRACT_P(0);
	int64		k;

	if (!has_calendar(c))
		PG_RETURN_NULL();
	k = first_renewal_from(c, PG_GETARG_DATEADT(1));
	if (k < 0)
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(renewal_n(c, k));
}

/*
 * The next notice deadline on or after as_of, for the first renewal whose
 * deadline has not passed.  Once a deadline passes the contract renews, so
 * the one that matters is the next term's; next_renewal pairs each renewal
 * with its own deadline instead.
 */
PG_FUNCTION_INFO_V1(notice_deadline);
Datum
notice_deadline(PG_FUNCTION_ARGS)
{
	Contract   *c = PG_GETARG_CONTRACT_P(0);
	DateADT		as_of = PG_GETARG_DATEADT(1);
	int64		k;
	DateADT		deadline;

	if (!has_calendar(c) || !HAS(c, CK_NOTICE))
		PG_RETURN_NULL();
	k = first_renewal_from(c, as_of);
	if (k < 0)
		PG_RETURN_NULL();
	while ((deadline = notice_deadline_n(c, k)) < as_of)
	{
		CHECK_FOR_INTERRUPTS();
		if (!renews(c))
			PG_RETURN_NULL();
		k++;
	}
	PG_RETURN_DATEADT(deadline);
}

/*
 * The next renewal (or expiry) on or after as_of, that renewal's own
 * notice deadline, and whether the deadline has passed (the contract
 * renews then whatever the practice now says).  NULL without a calendar.
 */
PG_FUNCTION_INFO_V1(next_renewal);
Datum
next_renewal(PG_FUNCTION_ARGS)
{
	Contract   *c = PG_GETARG_CONTRACT_P(0);
	DateADT		as_of = PG_GETARG_DATEADT(1);
	TupleDesc	desc;
	Datum		values[3];
	bool		nulls[3] = {false, false, false};
	int64		k;

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "next_renewal must return a record");
	if (!has_calendar(c) || (k = first_renewal_from(c, as_of)) < 0)
		PG_RETURN_NULL();
	values[0] = DateADTGetDatum(renewal_n(c, k));
	if (HAS(c, CK_NOTICE))
	{
		DateADT		deadline = notice_deadline_n(c, k);

		values[1] = DateADTGetDatum(deadline);
		values[2] = BoolGetDatum(deadline < as_of);
	}
	else
		nulls[1] = nulls[2] = true;
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), values, nulls)));
}

static void
put_event(ReturnSetInfo *rsinfo, DateADT date, const char *event, DateADT term_end)
{
	Datum		values[3];
	bool		nulls[3] = {false, false, false};

	values[0] = DateADTGetDatum(date);
	values[1] = CStringGetTextDatum(event);
	values[2] = DateADTGetDatum(term_end);
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
}

/*
 * Contract events between from_date and to_date inclusive, in date order
 * (on one day: effective, notice_deadline, then renewal or expiry).  Each
 * row also names the renewal (or expiry) date its event belongs to.
 *
 * Deadlines and renewals are two increasing sequences over the renewal
 * number k; a deadline can come several renewals ahead of its own (three
 * months' notice on a monthly renewal), so the two are merged rather than
 * walked in step.
 */
PG_FUNCTION_INFO_V1(contract_calendar);
Datum
contract_calendar(PG_FUNCTION_ARGS)
{
	Contract   *c = PG_GETARG_CONTRACT_P(0);
	DateADT		from_date = PG_GETARG_DATEADT(1);
	DateADT		to_date = PG_GETARG_DATEADT(2);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const char *kind = renews(c) ? "renewal" : "expiry";
	bool		effective_due;
	int64		kr;				/* next renewal to emit */
	int64		kd;				/* next notice deadline to emit */
	int64		nk = renews(c) ? PG_INT64_MAX : 1;	/* renewal numbers are < nk */

	InitMaterializedSRF(fcinfo, 0);
	if (!has_calendar(c) || to_date < from_date)
		return (Datum) 0;
	if (to_date == DATEVAL_NOEND)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("contract_calendar needs a finite to_date")));
	effective_due = c->effective >= from_date && c->effective <= to_date;
	kr = first_renewal_from(c, from_date);
	if (kr < 0)
		kr = nk;
	kd = HAS(c, CK_NOTICE) ? kr : nk;
	while (kd < nk && notice_deadline_n(c, kd) < from_date)
	{
		CHECK_FOR_INTERRUPTS();
		kd++;
	}
	for (;;)
	{
		DateADT		renewal = kr < nk ? renewal_n(c, kr) : DATEVAL_NOEND;
		DateADT		deadline = kd < nk ? notice_deadline_n(c, kd) : DATEVAL_NOEND;

		CHECK_FOR_INTERRUPTS();
		if (effective_due && c->effective <= deadline && c->effective <= renewal)
		{
			put_event(rsinfo, c->effective, "effective", renewal_n(c, 0));
			effective_due = false;
		}
		else if (deadline <= renewal && deadline <= to_date)
		{
			put_event(rsinfo, deadline, "notice_deadline", renewal_n(c, kd));
			kd++;
		}
		else if (renewal <= to_date)
		{
			put_event(rsinfo, renewal, kind, renewal);
			kr++;
		}
		else
			break;
	}
	return (Datum) 0;
}
