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

#include "utils/fmgrprotos.h"

static Numeric
num_mul(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_mul, NumericGetDatum(a), NumericGetDatum(b)));
}

static Numeric
num_add(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_add, NumericGetDatum(a), NumericGetDatum(b)));
}

bool
numeric_is_negative(Numeric num)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(num),
											 NumericGetDatum(int64_to_numeric(0)))) < 0;
}

Numeric
money_from_cents(int64 cents)
{
	return int64_div_fast_to_numeric(cents, 2);
}

/*
 * num / den rounded half up to cents, for num >= 0 and den > 0, exactly:
 * cents = floor((200 num + den) / (2 den)).  numeric_div would round its
 * quotient to a finite scale first, and rounding twice can be off by a cent.
 */
Numeric
money_div_round(Numeric num, int64 den)
{
	Numeric		twice = num_add(num_mul(num, int64_to_numeric(200)), int64_to_numeric(den));
	Datum		cents = DirectFunctionCall2(numeric_div_trunc, NumericGetDatum(twice),
											NumericGetDatum(int64_to_numeric(2 * den)));

	Assert(den > 0 && !numeric_is_negative(num));
	return money_from_cents(DatumGetInt64(DirectFunctionCall1(numeric_int8, cents)));
}
