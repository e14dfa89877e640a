/*-------------------------------------------------------------------------
 * fixed.h
 *	  Exact fixed-point decimals (a 128-bit integer and a decimal scale)
 *	  for hot paths that would otherwise spend most of their time in
 *	  numeric's allocating arithmetic.  Every operation reports overflow
 *	  instead of losing digits, so callers can fall back to numeric.
 *-------------------------------------------------------------------------
 */
#ifndef CONTRACTS_FIXED_H
#define CONTRACTS_FIXED_H

#include "compat.h"

#ifdef CONTRACTS_HAVE_FIXED

typedef struct Fixed
{
	int128		value;			/* the number is value x 10^-scale */
	int			scale;
} Fixed;

#define FIXED_MAX_SCALE 30

extern bool fixed_from_numeric(Datum num, Fixed *result);
extern Fixed fixed_make(int64 value, int scale);
extern bool fixed_mul(Fixed *a, Fixed b);
extern bool fixed_cmp(Fixed a, Fixed b, int *result);
extern bool fixed_round_cents(Fixed a, int64 *cents);
extern bool fixed_add(Fixed *a, Fixed b);
extern char *fixed_to_cstring(Fixed a);
extern bool fixed_from_cstring(const char *s, Fixed *result);

#endif							/* CONTRACTS_HAVE_FIXED */

#endif							/* CONTRACTS_FIXED_H */
