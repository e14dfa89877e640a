/*-------------------------------------------------------------------------
 * bizdays.h
 *	  US federal business-day calendar: weekends and federal holidays,
 *	  as observed by federal offices, following the law's history (bizdays.c).
 *-------------------------------------------------------------------------
 */
#ifndef CONTRACTS_BIZDAYS_H
#define CONTRACTS_BIZDAYS_H

#include "postgres.h"

#include "utils/date.h"

extern bool bizdays_is_business_day(DateADT d);
extern DateADT bizdays_add(DateADT d, int32 n);
extern DateADT bizdays_roll_forward(DateADT d);
extern int32 bizdays_between(DateADT a, DateADT b);

#endif							/* CONTRACTS_BIZDAYS_H */
