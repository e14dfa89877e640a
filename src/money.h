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

#endif							/* CONTRACTS_MONEY_H */
