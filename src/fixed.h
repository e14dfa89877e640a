/*-------------------------------------------------------------------------
 * fixed.h
 *	  Exact fixed-point decimals (a 128-bit or 64-bit integer and a decimal
 *	  scale) for hot paths that would otherwise spend most of their time in
 *	  numeric's allocating arithmetic.  Every operation reports overflow
 *	  instead of losing digits, so callers can fall back to numeric.
 *-------------------------------------------------------------------------
 */
#ifndef CONTRACTS_FIXED_H
#define CONTRACTS_FIXED_H

#include "compat.h"
#include "utils/numeric.h"

#ifdef CONTRACTS_HAVE_FIXED

typedef struct Fixed
{
	int128		value;			/* the number is value x 10^-scale */
	int			scale;
} Fixed;

#define FIXED_MAX_SCALE 30
#define FIXED_POW10_COUNT 19

extern const int64 fixed_pow10[FIXED_POW10_COUNT];	/* 10^0 .. 10^18 */

extern bool fixed_from_numeric_slow(Datum num, Fixed *result);
extern bool fixed_mul_slow(Fixed *a, Fixed b);
extern bool fixed_cmp(Fixed a, Fixed b, int *result);
extern bool fixed_round_cents_slow(Fixed a, int64 *cents);
extern bool fixed_add(Fixed *a, Fixed b);
extern char *fixed_to_cstring(Fixed a);
extern Numeric numeric_from_cents(int64 cents);
extern bool fixed_from_cstring(const char *s, Fixed *result);
extern void fixed_normalize(Fixed *a);
extern bool fixed_is_count(Fixed a);

/*
 * Fixed64: the same with a 64-bit integer, for one claim line's numbers
 * (a few short decimals multiplied together).  It stays in registers, where
 * the 128-bit form goes through memory and library calls; the hot paths
 * compute in Fixed64 and fall back when an operation reports overflow.
 * The operations are inline for the same reason.
 */
typedef struct Fixed64
{
	int64		value;			/* the number is value x 10^-scale */
	int32		scale;
} Fixed64;

#define FIXED64_MAX_SCALE 18

static inline bool
fixed_fits_int64(int128 v)
{
	return v == (int128) (int64) v;
}

/* value x 10^-scale, trailing zeros dropped (division by constants: cheap). */
static pg_attribute_always_inline Fixed64
fixed64_make(int64 value, int scale)
{
	Fixed64		f;

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

static pg_attribute_always_inline Fixed
fixed_from64(Fixed64 a)
{
	Fixed		f;

	f.value = a.value;
	f.scale = a.scale;
	return f;
}

static pg_attribute_always_inline Fixed
fixed_make(int64 value, int scale)
{
	return fixed_from64(fixed64_make(value, scale));
}

/* a *= b; false on overflow (a is then unusable). */
static pg_attribute_always_inline bool
fixed64_mul(Fixed64 *a, Fixed64 b)
{
	a->scale += b.scale;
	return !__builtin_mul_overflow(a->value, b.value, &a->value) &&
		a->scale <= FIXED64_MAX_SCALE;
}

/* a *= b; false on overflow (a is then unusable). */
static pg_attribute_always_inline bool
fixed_mul(Fixed *a, Fixed b)
{
	if (likely(fixed_fits_int64(a->value) && fixed_fits_int64(b.value) &&
			   a->scale + b.scale <= 12))
	{
		a->value = (int128) (int64) a->value * (int64) b.value;	/* cannot overflow */
		a->scale += b.scale;
		return true;
	}
	return fixed_mul_slow(a, b);
}

/* v / d rounded half up (away from zero); 0 < d <= 10^18. */
static pg_attribute_always_inline int64
fixed_div_round(int64 v, int64 d)
{
	int64		r = v % d;

	return v / d + (r * 2 >= d) - (r * 2 <= -d);
}

/*
 * a rounded half up (away from zero) to cents; false if it does not fit.
 * Constant divisors for the usual scales, so no division instruction.
 */
static pg_attribute_always_inline bool
fixed64_round_cents(Fixed64 a, int64 *cents)
{
	switch (a.scale)
	{
		case 0:
			return !__builtin_mul_overflow(a.value, 100, cents);
		case 1:
			return !__builtin_mul_overflow(a.value, 10, cents);
		case 2:
			*cents = a.value;
			return true;
		case 3:
			*cents = fixed_div_round(a.value, 10);
			return true;
		case 4:
			*cents = fixed_div_round(a.value, 100);
			return true;
		case 5:
			*cents = fixed_div_round(a.value, 1000);
			return true;
		case 6:
			*cents = fixed_div_round(a.value, 10000);
			return true;
		default:
			if (a.scale < 0 || a.scale > FIXED64_MAX_SCALE)
				return false;
			*cents = fixed_div_round(a.value, fixed_pow10[a.scale - 2]);
			return true;
	}
}

static pg_attribute_always_inline bool
fixed_round_cents(Fixed a, int64 *cents)
{
	Fixed64		a64 = {(int64) a.value, a.scale};

	if (likely(fixed_fits_int64(a.value) && a.scale <= FIXED64_MAX_SCALE))
		return fixed64_round_cents(a64, cents);
	return fixed_round_cents_slow(a, cents);
}

/*
 * numeric's stored form, which fixed_from_numeric reads directly: a uint16
 * header, for the long format an int16 weight, then base-10000 digits, most
 * significant first.  It is fixed on disk (pg_upgrade depends on it).
 */
#define FIXED_NBASE 10000
#define FIXED_NUMERIC_FORM_MASK 0xC000
#define FIXED_NUMERIC_SHORT 0x8000
#define FIXED_NUMERIC_SHORT_SIGN_MASK 0x2000
#define FIXED_NUMERIC_SHORT_WEIGHT_SIGN_MASK 0x0040
#define FIXED_NUMERIC_SHORT_WEIGHT_MASK 0x003F

/*
 * The exact value of the usual claim line number: a short-header value in
 * numeric's short format with at most four digits (16 decimal digits) that
 * fits.  False for anything else, which the caller reads with
 * fixed_from_numeric.  The scale is a multiple of 4 (trailing zeros are not
 * dropped: that would cost more than the rounding they save).
 */
static pg_attribute_always_inline bool
fixed64_from_numeric(Datum num, Fixed64 *result)
{
	const char *p = DatumGetPointer(num);
	const char *digits = p + VARHDRSZ_SHORT + sizeof(uint16);
	uint16		header;
	int			ndigits;
	int			exponent;
	int64		acc = 0;
	int			i;

	/* a TOAST pointer or expanded object also has a one-byte header */
	if (unlikely(!VARATT_IS_SHORT(p) || VARATT_IS_EXTERNAL(p)))
		return false;
	memcpy(&header, p + VARHDRSZ_SHORT, sizeof(uint16));
	if (VARSIZE_SHORT(p) == VARHDRSZ_SHORT + 2 * sizeof(int16) &&
		(header & (FIXED_NUMERIC_FORM_MASK | FIXED_NUMERIC_SHORT_WEIGHT_SIGN_MASK |
				   FIXED_NUMERIC_SHORT_WEIGHT_MASK)) == FIXED_NUMERIC_SHORT)
	{
		/* one digit of weight 0: an integer below 10000, such as most units */
		int16		digit;

		memcpy(&digit, digits, sizeof(int16));
		result->value = (header & FIXED_NUMERIC_SHORT_SIGN_MASK) ? -digit : digit;
		result->scale = 0;
		return true;
	}
	ndigits = (VARSIZE_SHORT(p) - VARHDRSZ_SHORT - sizeof(uint16)) / sizeof(int16);
	/* the weight is a 7-bit two's complement field */
	exponent = ((int8) ((header & (FIXED_NUMERIC_SHORT_WEIGHT_SIGN_MASK | FIXED_NUMERIC_SHORT_WEIGHT_MASK)) << 1) >> 1)
		- (ndigits - 1);
	if (unlikely((header & FIXED_NUMERIC_FORM_MASK) != FIXED_NUMERIC_SHORT ||
				 (unsigned) (ndigits - 1) > 3 || (unsigned) (exponent + 4) > 8))
		return false;
	result->scale = exponent < 0 ? -4 * exponent : 0;
	for (i = 0; i < ndigits; i++)
	{
		int16		digit;

		memcpy(&digit, digits + i * sizeof(int16), sizeof(int16));
		acc = acc * FIXED_NBASE + digit;
	}
	if (exponent > 0 && __builtin_mul_overflow(acc, fixed_pow10[4 * exponent], &acc))
		return false;
	result->value = (header & FIXED_NUMERIC_SHORT_SIGN_MASK) ? -acc : acc;
	return true;
}

/*
 * Is a numeric datum NaN or an infinity?  Reads the header where it lies
 * (the usual short or plain form); anything else is detoasted first.
 */
static inline bool
numeric_datum_is_special(Datum num)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(num);
	uint16		header;

	if (unlikely(VARATT_IS_EXTERNAL(v) || VARATT_IS_COMPRESSED(v)))
		v = pg_detoast_datum_packed(v);
	memcpy(&header, VARDATA_ANY(v), sizeof(uint16));
	return (header & FIXED_NUMERIC_FORM_MASK) == FIXED_NUMERIC_FORM_MASK;
}

/*
 * The exact value of a numeric datum; false for NaN and infinities and for
 * values of more than about 38 significant digits or 30 decimals.
 */
static pg_attribute_always_inline bool
fixed_from_numeric(Datum num, Fixed *result)
{
	Fixed64		f;

	if (likely(fixed64_from_numeric(num, &f)))
	{
		*result = fixed_from64(f);
		return true;
	}
	return fixed_from_numeric_slow(num, result);
}

#endif							/* CONTRACTS_HAVE_FIXED */

#endif							/* CONTRACTS_FIXED_H */
