/*-------------------------------------------------------------------------
 * bizdays.h
 *	  US federal business-day calendar: weekends and federal holidays,
 *	  with Saturday holidays observed on Friday and Sunday ones on Monday.
 *-------------------------------------------------------------------------
 */
#ifndef CONTRACTS_BIZDAYS_H
#define CONTRACTS_BIZDAYS_H

#include "postgres.h"

#include "utils/date.h"

extern bool bizdays_is_business_day(DateADT d);
extern DateADT bizdays_add(DateADT d, int32 n);
extern int32 bizdays_between(DateADT a, DateADT b);

#endif							/* CONTRACTS_BIZDAYS_H */
