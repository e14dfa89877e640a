/*-------------------------------------------------------------------------
 * fixed.c
 *	  Exact fixed-point decimals for the pricing hot path.
 *
 * numeric arithmetic allocates on every operation; pricing a million
 * lines spends most of its time there.  A claim line's numbers (units,
 * charges, rates and percentages) are short decimals, so they fit a
 * 128-bit integer with a decimal scale, where multiplication and rounding
 * are a few instructions.  Anything that does not fit (NaN, infinity,
 * more digits than int64 holds, products that overflow) is reported, and
 * the caller prices the line with numeric instead: same answer, slower.
 *
 * fixed_from_numeric reads numeric's stored form directly, without
 * detoasting a short-header value.  That form is fixed on disk (pg_upgrade
 * depends on it): a uint16 header, for the long format an int16 weight,
 * then base-10000 digits, most significant first.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fixed.h"

#include "common/int.h"
#include "lib/stringinfo.h"

#ifdef CONTRACTS_HAVE_FIXED

#define NBASE 10000
#define NUMERIC_SIGN_MASK 0xC000
#define NUMERIC_NEG 0x4000
#define NUMERIC_SHORT 0x8000
#define NUMERIC_SPECIAL 0xC000
#define NUMERIC_SHORT_SIGN_MASK 0x2000
#define NUMERIC_SHORT_WEIGHT_SIGN_MASK 0x0040
#define NUMERIC_SHORT_WEIGHT_MASK 0x003F

static const int64 pow10_64[] = {
	INT64CONST(1), INT64CONST(10), INT64CONST(100), INT64CONST(1000), INT64CONST(10000),
	INT64CONST(100000), INT64CONST(1000000), INT64CONST(10000000), INT64CONST(100000000),
	INT64CONST(1000000000), INT64CONST(10000000000), INT64CONST(100000000000),
	INT64CONST(1000000000000), INT64CONST(10000000000000), INT64CONST(100000000000000),
	INT64CONST(1000000000000000), INT64CONST(10000000000000000),
	INT64CONST(100000000000000000), INT64CONST(1000000000000000000)
};

static int128
pow10_128(int n)
{
	int128		r = 1;

	while (n >= 18)
	{
		r *= pow10_64[18];
		n -= 18;
	}
	return r * pow10_64[n];
}

/* Drop trailing zero decimals, keeping the value. */
static void
fixed_normalize(Fixed *a)
{
	while (a->scale > 0 && a->value % 10 == 0)
	{
		a->value /= 10;
		a->scale--;
	}
}

/* value x 10^-scale, trailing zeros dropped in 64-bit arithmetic (cheap). */
Fixed
fixed_make(int64 value, int scale)
{
	Fixed		f;

	while (scale >= 4 && value % 10000 == 0)
	{
		value /= 10000;
		scale -= 4;
	}
	while (scale > 0 && value % 10 == 0)
	{
		value /= 10;
		scale--;
	}
	f.value = value;
	f.scale = scale;
	return f;
}

/*
 * The exact value of a numeric datum; false for NaN and infinities and for
 * values whose digits do not fit in 64 bits.
 */
bool
fixed_from_numeric(Datum num, Fixed *result)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(num);
	const char *data;
	int			header_size;
	uint16		header;
	int			weight;
	int			ndigits;
	int			exponent;
	int64		acc = 0;
	int			i;

	if (VARATT_IS_EXTENDED(v) && !VARATT_IS_SHORT(v))
		v = pg_detoast_datum_packed(v); /* compressed or external: rare */
	data = VARDATA_ANY(v);
	memcpy(&header, data, sizeof(uint16));
	if ((header & NUMERIC_SIGN_MASK) == NUMERIC_SPECIAL)
		return false;
	if (header & NUMERIC_SHORT)
	{
		header_size = sizeof(uint16);
		weight = (header & NUMERIC_SHORT_WEIGHT_SIGN_MASK) ? (int) (header | ~NUMERIC_SHORT_WEIGHT_MASK)
			: (int) (header & NUMERIC_SHORT_WEIGHT_MASK);
	}
	else
	{
		int16		w;

		header_size = sizeof(uint16) + sizeof(int16);
		memcpy(&w, data + sizeof(uint16), sizeof(int16));
		weight = w;
	}
	ndigits = (VARSIZE_ANY_EXHDR(v) - header_size) / sizeof(int16);
	for (i = 0; i < ndigits; i++)
	{
		int16		digit;

		memcpy(&digit, data + header_size + i * sizeof(int16), sizeof(int16));
		if (pg_mul_s64_overflow(acc, NBASE, &acc) || pg_add_s64_overflow(acc, digit, &acc))
			return false;
	}
	/* acc x NBASE^exponent */
	exponent = ndigits == 0 ? 0 : weight - (ndigits - 1);
	if (exponent > 0 &&
		(4 * exponent > 18 || pg_mul_s64_overflow(acc, pow10_64[4 * exponent], &acc)))
		return false;
	if (-4 * exponent > FIXED_MAX_SCALE)
		return false;
	if ((header & NUMERIC_SHORT) ? (header & NUMERIC_SHORT_SIGN_MASK) != 0
		: (header & NUMERIC_SIGN_MASK) == NUMERIC_NEG)
		acc = -acc;
	*result = fixed_make(acc, exponent < 0 ? -4 * exponent : 0);
	return true;
}

/* a *= b; false on overflow (a is then unusable). */
bool
fixed_mul(Fixed *a, Fixed b)
{
	if (__builtin_mul_overflow(a->value, b.value, &a->value))
		return false;
	a->scale += b.scale;
	if (a->scale > 12)
		fixed_normalize(a);
	return a->scale <= FIXED_MAX_SCALE;
}

/* Bring a to scale (>= a's), false on overflow. */
static bool
fixed_rescale(Fixed *a, int scale)
{
	if (__builtin_mul_overflow(a->value, pow10_128(scale - a->scale), &a->value))
		return false;
	a->scale = scale;
	return true;
}

/* *result = sign of a - b; false on overflow. */
bool
fixed_cmp(Fixed a, Fixed b, int *result)
{
	int			scale = Max(a.scale, b.scale);

	if (!fixed_rescale(&a, scale) || !fixed_rescale(&b, scale))
		return false;
	*result = (a.value > b.value) - (a.value < b.value);
	return true;
}

/* a rounded half up (away from zero) to cents; false if it does not fit. */
bool
fixed_round_cents(Fixed a, int64 *cents)
{
	int128		q;

	if (a.scale <= 2)
	{
		if (!fixed_rescale(&a, 2))
			return false;
		q = a.value;
	}
	else
	{
		int128		d = pow10_128(a.scale - 2);
		int128		r;

		q = a.value / d;
		r = a.value % d;
		if (r * 2 >= d)
			q++;
		else if (r * 2 <= -d)
			q--;
	}
	if (q > PG_INT64_MAX || q < PG_INT64_MIN)
		return false;
	*cents = (int64) q;
	return true;
}

/* a += b, exactly; false on overflow. */
bool
fixed_add(Fixed *a, Fixed b)
{
	int			scale = Max(a->scale, b.scale);

	if (scale > FIXED_MAX_SCALE || !fixed_rescale(a, scale) || !fixed_rescale(&b, scale))
		return false;
	return !__builtin_add_overflow(a->value, b.value, &a->value);
}

/* Decimal text of a fixed value, as numeric would print it. */
char *
fixed_to_cstring(Fixed a)
{
	char		digits[64];
	int			n = 0;
	bool		negative = a.value < 0;
	unsigned __int128 v = negative ? -(unsigned __int128) a.value : (unsigned __int128) a.value;
	StringInfoData buf;

	do
	{
		digits[n++] = '0' + (int) (v % 10);
		v /= 10;
	} while (v > 0 || n <= a.scale);
	initStringInfo(&buf);
	if (negative)
		appendStringInfoChar(&buf, '-');
	while (n > 0)
	{
		if (n == a.scale)
			appendStringInfoChar(&buf, '.');
		appendStringInfoChar(&buf, digits[--n]);
	}
	return buf.data;
}

/* Parse [-]digits[.digits]; false if malformed or out of range. */
bool
fixed_from_cstring(const char *s, Fixed *result)
{
	bool		negative = (*s == '-');
	bool		seen_point = false;
	int			ndigits = 0;

	result->value = 0;
	result->scale = 0;
	if (negative)
		s++;
	for (; *s; s++)
	{
		if (*s == '.' && !seen_point)
		{
			seen_point = true;
			continue;
		}
		if (*s < '0' || *s > '9' ||
			__builtin_mul_overflow(result->value, 10, &result->value) ||
			__builtin_add_overflow(result->value, *s - '0', &result->value))
			return false;
		ndigits++;
		if (seen_point && ++result->scale > FIXED_MAX_SCALE)
			return false;
	}
	if (negative)
		result->value = -result->value;
	return ndigits > 0;
}

#endif							/* CONTRACTS_HAVE_FIXED */
