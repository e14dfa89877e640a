/*-------------------------------------------------------------------------
 * money.c
 *	  Exact money arithmetic at the numeric boundary.
 *
 * Money never touches floating point: amounts arrive as numeric, are
 * combined exactly, and are rounded half up to cents once, at the end.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "money.h"
#include "fixed.h"

#include "utils/fmgrprotos.h"

/* Thin numeric arithmetic for the C code (each allocates its result). */
Numeric
num_mul(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_mul, NumericGetDatum(a), NumericGetDatum(b)));
}

Numeric
num_add(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_add, NumericGetDatum(a), NumericGetDatum(b)));
}

Numeric
num_sub(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_sub, NumericGetDatum(a), NumericGetDatum(b)));
}

int
num_cmp(Numeric a, Numeric b)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(a), NumericGetDatum(b)));
}

bool
numeric_is_negative(Numeric num)
{
	return num_cmp(num, int64_to_numeric(0)) < 0;
}

Numeric
money_from_cents(int64 cents)
{
	return numeric_from_cents(cents);
}

static Numeric
num_abs(Numeric a)
{
	return DatumGetNumeric(DirectFunctionCall1(numeric_abs, NumericGetDatum(a)));
}

/*
 * num / den rounded half up (away from zero) to cents, exactly:
 * |cents| = floor((200 |num| + |den|) / (2 |den|)).  numeric_div would round
 * its quotient to a finite scale first, and rounding twice can be off by a
 * cent.  NULL when den is zero.
 */
Numeric
money_ratio(Numeric num, Numeric den)
{
	Numeric		abs_den = num_abs(den);
	Numeric		twice;
	int64		cents;

	if (num_cmp(den, int64_to_numeric(0)) == 0)
		return NULL;
	twice = num_add(num_mul(num_abs(num), int64_to_numeric(200)), abs_den);
	cents = DatumGetInt64(DirectFunctionCall1(numeric_int8,
											  DirectFunctionCall2(numeric_div_trunc, NumericGetDatum(twice),
																  NumericGetDatum(num_mul(abs_den, int64_to_numeric(2))))));
	if (numeric_is_negative(num) != numeric_is_negative(den))
		cents = -cents;
	return money_from_cents(cents);
}

/* num / den rounded half up to cents, for an integer den. */
Numeric
money_div_round(Numeric num, int64 den)
{
	return money_ratio(num, int64_to_numeric(den));
}
