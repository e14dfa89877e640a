/*-------------------------------------------------------------------------
 * contract.h
 *	  The contract type: a payer contract's administrative terms.
 *-------------------------------------------------------------------------
 */
#ifndef CONTRACTS_CONTRACT_H
#define CONTRACTS_CONTRACT_H

#include "duration.h"

/*
 * The keys.  The first CK_V1_COUNT are those of format version 1, whose
 * on-disk layout (Contract) is unchanged; the later ones live in an
 * extension block (ContractExt) that only contracts using them carry, so
 * a contract written with 1.0's keys has the same bytes it always had.
 * Canonical output order is contract_key_order in contract.c.
 */
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
	CK_V1_COUNT,
	/* extension block keys */
	CK_DEADLINE_ROLL = CK_V1_COUNT,
	CK_NOTICE_FROM,
	CK_TERMINATION,
	CK_CONTINUITY_OF_CARE,
	CK_POLICY_NOTICE,
	CK_CREDENTIALING,
	CK_AUTH_DECISION,
	CK_AUTH_DECISION_URGENT,
	CK_AUTH_REQUIRED,
	CK_OFFSET,
	CK_ESCALATION,
	CK_COUNT
} ContractKey;

#define CK_EXT_COUNT (CK_COUNT - CK_V1_COUNT)

/* Values of the keyword-valued keys. */
typedef enum DeadlineRoll
{
	ROLL_NONE,
	ROLL_NEXT_BUSINESS_DAY
} DeadlineRoll;

typedef enum NoticeFrom
{
	NOTICE_FROM_RENEWAL,
	NOTICE_FROM_TERM_END
} NoticeFrom;

typedef enum OffsetRule
{
	OFFSET_ALLOWED,
	OFFSET_NOT_IN_DISPUTE,
	OFFSET_PROHIBITED
} OffsetRule;

/* Format 1: 1.0's keys only.  Format 2: also an extension block. */
#define CONTRACT_FORMAT_V1 1
#define CONTRACT_FORMAT_V2 2
/* The binary form (a version byte and the canonical text) is unchanged. */
#define CONTRACT_BINARY_VERSION 1
#define CONTRACT_MAX_APPEAL_LEVELS 10
#define CONTRACT_MAX_AUTH_RANGES 10000
#define CONTRACT_CODE_LEN 8		/* 3 to 7 letters and digits and a NUL */

/*
 * On-disk form.  Fixed-size terms first, then the appeal levels, then the
 * payer name (NUL-terminated), then, in format 2, the extension block at
 * the next MAXALIGN boundary.  Padding is zeroed, so equal contracts are
 * equal bytes.
 */
typedef struct Contract
{
	int32		vl_len_;		/* varlena header */
	uint8		version;		/* CONTRACT_FORMAT_V1 or _V2 */
	uint8		nappeal;		/* appeal levels */
	uint16		present;		/* bit (1 << ContractKey) per 1.0 key given */
	DateADT		effective;
	int32		interest_basis; /* 365 or 360 */
	Duration	dur[CK_V1_COUNT];	/* duration-valued keys, by key */
	int64		interest_micro; /* annual rate, millionths of a percent */
	int64		interest_min_cents;
	Duration	appeal[FLEXIBLE_ARRAY_MEMBER];
} Contract;

/* An inclusive range of same-length codes; lo = hi for a single code. */
typedef struct CodeRange
{
	char		lo[CONTRACT_CODE_LEN];
	char		hi[CONTRACT_CODE_LEN];
} CodeRange;

/* The extension block of format 2. */
typedef struct ContractExt
{
	uint32		present;		/* bit (1 << (key - CK_V1_COUNT)) per key given */
	uint8		deadline_roll;	/* a DeadlineRoll */
	uint8		notice_from;	/* a NoticeFrom */
	uint8		offset;			/* an OffsetRule */
	uint8		padding;
	Duration	dur[CK_EXT_COUNT];	/* duration-valued keys, by key - CK_V1_COUNT */
	int32		nauth;			/* auth_required ranges, sorted */
	CodeRange	auth[FLEXIBLE_ARRAY_MEMBER];	/* then the escalation text */
} ContractExt;

#define CONTRACT_PAYER(c) ((char *) &(c)->appeal[(c)->nappeal])
#define CONTRACT_ESCALATION(e) ((char *) &(e)->auth[(e)->nauth])

/* The extension block, or NULL for a format-1 contract. */
static inline const ContractExt *
contract_ext(const Contract *c)
{
	const char *payer_end;

	if (c->version != CONTRACT_FORMAT_V2)
		return NULL;
	payer_end = CONTRACT_PAYER(c) + strlen(CONTRACT_PAYER(c)) + 1;
	return (const ContractExt *) ((const char *) c + MAXALIGN(payer_end - (const char *) c));
}

static inline bool
contract_has(const Contract *c, int key)
{
	const ContractExt *e;

	if (key < CK_V1_COUNT)
		return (c->present & (1 << key)) != 0;
	e = contract_ext(c);
	return e != NULL && (e->present & (1u << (key - CK_V1_COUNT))) != 0;
}

/* The duration a duration-valued key holds (absent keys read as zero). */
static inline Duration
contract_duration(const Contract *c, int key)
{
	Duration	none = {0, DUR_NONE};

	if (key < CK_V1_COUNT)
		return c->dur[key];
	return contract_has(c, key) ? contract_ext(c)->dur[key - CK_V1_COUNT] : none;
}

#define CONTRACT_HAS(c, key) contract_has((c), (key))

StaticAssertDecl(offsetof(Contract, version) == VARHDRSZ,
				 "items_detoast_versioned reads the version right after the header");

/* a stored contract, its format version checked */
#define DatumGetContractP(X) \
	((Contract *) items_detoast_versioned(X, "contract", CONTRACT_FORMAT_V1, CONTRACT_FORMAT_V2))
#define PG_GETARG_CONTRACT_P(n) DatumGetContractP(PG_GETARG_DATUM(n))

#endif							/* CONTRACTS_CONTRACT_H */
