/*-------------------------------------------------------------------------
 * contract.h
 *	  The contract type: a payer contract's administrative terms.
 *-------------------------------------------------------------------------
 */
#ifndef CONTRACTS_CONTRACT_H
#define CONTRACTS_CONTRACT_H

#include "duration.h"

/* The keys, in canonical output order. */
typedef enum ContractKey
{
	CK_PAYER,
	CK_EFFECTIVE,
	CK_TERM,
	CK_RENEWAL,
	CK_NOTICE,
	CK_FILING,
	CK_APPEAL,
	CK_NOTICE_RECEIPT,
	CK_PROMPT_PAY,
	CK_PROMPT_PAY_PAPER,
	CK_INTEREST,
	CK_INTEREST_BASIS,
	CK_INTEREST_MIN,
	CK_LOOKBACK,
	CK_COUNT
} ContractKey;

#define CONTRACT_FORMAT_VERSION 1
#define CONTRACT_MAX_APPEAL_LEVELS 10

/*
 * On-disk form.  Fixed-size terms first, then the appeal levels, then the
 * payer name (NUL-terminated).  Padding is zeroed, so equal contracts are
 * equal bytes.
 */
typedef struct Contract
{
	int32		vl_len_;		/* varlena header */
	uint8		version;		/* CONTRACT_FORMAT_VERSION */
	uint8		nappeal;		/* appeal levels */
	uint16		present;		/* bit (1 << ContractKey) per key given */
	DateADT		effective;
	int32		interest_basis; /* 365 or 360 */
	Duration	dur[CK_COUNT];	/* duration-valued keys, by key */
	int64		interest_micro; /* annual rate, millionths of a percent */
	int64		interest_min_cents;
	Duration	appeal[FLEXIBLE_ARRAY_MEMBER];
} Contract;

#define CONTRACT_HAS(c, key) (((c)->present & (1 << (key))) != 0)
#define CONTRACT_PAYER(c) ((char *) &(c)->appeal[(c)->nappeal])

#define DatumGetContractP(X) ((Contract *) PG_DETOAST_DATUM(X))
#define PG_GETARG_CONTRACT_P(n) DatumGetContractP(PG_GETARG_DATUM(n))

#endif							/* CONTRACTS_CONTRACT_H */
