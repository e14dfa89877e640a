/*-------------------------------------------------------------------------
 * capitation.h
 *	  The capitation type: a risk contract's capitation, shared-savings,
 *	  risk-corridor and stop-loss terms.
 *-------------------------------------------------------------------------
 */
#ifndef CONTRACTS_CAPITATION_H
#define CONTRACTS_CAPITATION_H

#include "items.h"

/* The keys, in canonical output order. */
typedef enum CapitationKey
{
	CAP_PMPM,
	CAP_WITHHOLD,
	CAP_BENCHMARK,
	CAP_SHARE,
	CAP_LOSS_SHARE,
	CAP_MSR,
	CAP_MLR,
	CAP_FIRST_DOLLAR,
	CAP_SAVINGS_CAP,
	CAP_LOSS_CAP,
	CAP_CORRIDOR,
	CAP_STOP_LOSS,
	CAP_STOP_LOSS_RATE,
	CAP_COUNT
} CapitationKey;

#define CAPITATION_FORMAT_VERSION 1
#define CAPITATION_MAX_BANDS 10

/* A risk-corridor band: beyond threshold% of target, share% is shared. */
typedef struct CorridorBand
{
	int64		threshold;		/* micro-percent */
	int64		share;			/* micro-percent */
} CorridorBand;

/*
 * Fixed-size on-disk form.  Amounts are micro-dollars, percentages
 * micro-percent; value[key] holds each scalar term.  Padding is zero, so
 * equal terms are equal bytes.
 */
typedef struct Capitation
{
	int32		vl_len_;		/* varlena header */
	uint8		version;		/* CAPITATION_FORMAT_VERSION */
	uint8		nbands;
	uint16		present;		/* bit (1 << CapitationKey) per key given */
	int32		padding;
	int64		value[CAP_COUNT];
	CorridorBand bands[CAPITATION_MAX_BANDS];
} Capitation;

#define CAP_HAS(c, key) (((c)->present & (1 << (key))) != 0)

StaticAssertDecl(offsetof(Capitation, version) == VARHDRSZ,
				 "items_detoast_versioned reads the version right after the header");

#define DatumGetCapitationP(X) \
	((Capitation *) items_detoast_versioned(X, "capitation", CAPITATION_FORMAT_VERSION, CAPITATION_FORMAT_VERSION))
#define PG_GETARG_CAPITATION_P(n) DatumGetCapitationP(PG_GETARG_DATUM(n))

#endif							/* CONTRACTS_CAPITATION_H */
