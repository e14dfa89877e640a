/*-------------------------------------------------------------------------
 * money.h
 *	  Exact money arithmetic at the numeric boundary.
 *-------------------------------------------------------------------------
 */
#ifndef CONTRACTS_MONEY_H
#define CONTRACTS_MONEY_H

#include "postgres.h"

#include "utils/numeric.h"

extern Numeric money_div_round(Numeric num, int64 den);
extern Numeric money_ratio(Numeric num, Numeric den);
extern bool numeric_is_negative(Numeric num);
extern Numeric money_from_cents(int64 cents);
extern Numeric num_mul(Numeric a, Numeric b);
extern Numeric num_add(Numeric a, Numeric b);
extern Numeric num_sub(Numeric a, Numeric b);
extern int	num_cmp(Numeric a, Numeric b);

#endif							/* CONTRACTS_MONEY_H */
