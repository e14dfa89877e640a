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

#include "lib/stringinfo.h"

#ifdef CONTRACTS_HAVE_FIXED

#define NBASE FIXED_NBASE
#define NUMERIC_SIGN_MASK 0xC000
#define NUMERIC_NEG 0x4000
#define NUMERIC_SHORT FIXED_NUMERIC_SHORT
#define NUMERIC_SPECIAL 0xC000
#define NUMERIC_SHORT_SIGN_MASK FIXED_NUMERIC_SHORT_SIGN_MASK
#define NUMERIC_SHORT_WEIGHT_SIGN_MASK FIXED_NUMERIC_SHORT_WEIGHT_SIGN_MASK
#define NUMERIC_SHORT_WEIGHT_MASK FIXED_NUMERIC_SHORT_WEIGHT_MASK
#define NUMERIC_SHORT_DSCALE_SHIFT 7

const int64 fixed_pow10[FIXED_POW10_COUNT] = {
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
		r *= fixed_pow10[18];
		n -= 18;
	}
	return r * fixed_pow10[n];
}

/*
 * Drop trailing zero decimals, keeping the value; in 64-bit arithmetic when
 * the value fits, because 128-bit division is a slow library call.
 */
void
fixed_normalize(Fixed *a)
{
	if (fixed_fits_int64(a->value))
	{
		int64		v = (int64) a->value;

		while (a->scale > 0 && v % 10 == 0)
		{
			v /= 10;
			a->scale--;
		}
		a->value = v;
		return;
	}
	while (a->scale > 0 && a->value % 10 == 0)
	{
		a->value /= 10;
		a->scale--;
	}
}

/*
 * fixed_from_numeric beyond its inline fast path: any stored form (a TOAST
 * pointer, compressed, or an expanded datum is detoasted first), up to the
 * 38 or so digits of a 128-bit integer, so a computed numeric such as
 * 1 / 7 (20 significant digits) is read exactly.
 */
bool
fixed_from_numeric_slow(Datum num, Fixed *result)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(num);
	const char *data;
	int			header_size;
	uint16		header;
	int			weight;
	int			ndigits;
	int			exponent;
	int128		acc = 0;
	int			dropped = 0;
	int			i;

	if (VARATT_IS_EXTERNAL(v) || VARATT_IS_COMPRESSED(v))
		v = pg_detoast_datum_packed(v); /* out of line or compressed: rare */
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
	exponent = ndigits == 0 ? 0 : weight - (ndigits - 1);
	if (ndigits > 10)
		return false;			/* more than 40 digits: beyond 128 bits */
	for (i = 0; i < ndigits; i++)
	{
		int16		digit;
		int64		base = NBASE;

		memcpy(&digit, data + header_size + i * sizeof(int16), sizeof(int16));
		/* a fractional last digit loses its trailing zeros: 1.50 is 15 x 10^-1 */
		if (i == ndigits - 1 && exponent < 0)
			while (base > 1 && digit != 0 && digit % 10 == 0)
			{
				digit /= 10;
				base /= 10;
				dropped++;
			}
		if (__builtin_mul_overflow(acc, (int128) base, &acc) ||
			__builtin_add_overflow(acc, (int128) digit, &acc))
			return false;
	}
	/* the value is acc x 10^(4 x exponent + dropped) */
	if (exponent > 0 &&
		(4 * exponent > 38 || __builtin_mul_overflow(acc, pow10_128(4 * exponent), &acc)))
		return false;
	if (-4 * exponent - dropped > FIXED_MAX_SCALE)
		return false;
	if ((header & NUMERIC_SHORT) ? (header & NUMERIC_SHORT_SIGN_MASK) != 0
		: (header & NUMERIC_SIGN_MASK) == NUMERIC_NEG)
		acc = -acc;
	result->value = acc;
	result->scale = exponent < 0 ? -4 * exponent - dropped : 0;
	return true;
}

/*
 * cents / 100 as a numeric of scale 2, written directly in the short stored
 * form, exactly as numeric's make_result would write it (no leading or
 * trailing zero digits; zero has none): one allocation, where building it
 * through numeric's NumericVar takes three.
 */
Numeric
numeric_from_cents(int64 cents)
{
	uint64		magnitude = cents < 0 ? -(uint64) cents : (uint64) cents;
	uint64		whole = magnitude / 100;
	int16		cents_digit = (int16) (magnitude % 100 * 100);	/* the first fractional digit */
	int16		digits[8];
	int			ndigits = 0;
	int			weight = -1;
	uint16		header;
	Numeric		result;
	int			i;

	if (whole >= NBASE)
	{
		int16		reversed[8];
		int			n = 0;

		for (; whole > 0; whole /= NBASE)
			reversed[n++] = (int16) (whole % NBASE);
		weight = n - 1;
		while (n > 0)
			digits[ndigits++] = reversed[--n];
		while (ndigits > 1 && digits[ndigits - 1] == 0 && cents_digit == 0)
			ndigits--;			/* trailing zero digits are not stored */
	}
	else if (whole > 0)
	{
		digits[ndigits++] = (int16) whole;
		weight = 0;
	}
	if (cents_digit != 0)
		digits[ndigits++] = cents_digit;
	if (ndigits == 0)
		weight = 0;				/* zero: no digits, weight 0, not negative */
	header = NUMERIC_SHORT | (2 << NUMERIC_SHORT_DSCALE_SHIFT) |
		(cents < 0 ? NUMERIC_SHORT_SIGN_MASK : 0) |
		(weight < 0 ? NUMERIC_SHORT_WEIGHT_SIGN_MASK : 0) | (weight & NUMERIC_SHORT_WEIGHT_MASK);
	result = palloc(VARHDRSZ + sizeof(uint16) + ndigits * sizeof(int16));
	SET_VARSIZE(result, VARHDRSZ + sizeof(uint16) + ndigits * sizeof(int16));
	memcpy(VARDATA(result), &header, sizeof(uint16));
	for (i = 0; i < ndigits; i++)	/* not one memcpy: a call, for a few bytes */
		memcpy(VARDATA(result) + sizeof(uint16) + i * sizeof(int16), &digits[i], sizeof(int16));
	return result;
}

/* fixed_mul beyond its inline fast path. */
bool
fixed_mul_slow(Fixed *a, Fixed b)
{
	if (fixed_fits_int64(a->value) && fixed_fits_int64(b.value))
		a->value = (int128) (int64) a->value * (int64) b.value;	/* cannot overflow */
	else if (__builtin_mul_overflow(a->value, b.value, &a->value))
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
	if (fixed_fits_int64(a->value) && scale - a->scale <= 18)
		a->value = (int128) (int64) a->value * fixed_pow10[scale - a->scale];	/* cannot overflow */
	else if (__builtin_mul_overflow(a->value, pow10_128(scale - a->scale), &a->value))
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

/* fixed_round_cents beyond its inline fast path. */
bool
fixed_round_cents_slow(Fixed a, int64 *cents)
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

/* Is a a whole number from 0 up that fits int64 (a count of rows)? */
bool
fixed_is_count(Fixed a)
{
	fixed_normalize(&a);
	return a.scale == 0 && a.value >= 0 && fixed_fits_int64(a.value);
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
