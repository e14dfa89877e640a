/*-------------------------------------------------------------------------
 * x12_835.h
 *	  The model of an X12 835 remittance advice (health care claim
 *	  payment/advice, 005010X221A1) that the parser fills and the
 *	  set-returning functions read: transactions, claims, service lines,
 *	  adjustments and provider-level adjustments, in file order.
 *
 * Text values are slices of the caller's text.  Entities refer to their
 * parents by array index; transaction_no, claim_no and line_no are the
 * 1-based numbers users see.
 *-------------------------------------------------------------------------
 */
#ifndef CONTRACTS_X12_835_H
#define CONTRACTS_X12_835_H

#include "x12_segments.h"

#define X835_MAX_MODIFIERS 4

typedef struct X835Transaction
{
	X12Slice	payer_name;		/* N1*PR N102 */
	X12Slice	payer_n104;		/* N1*PR N104 */
	X12Slice	payer_ref_2u;	/* REF*2U of the payer loop */
	X12Slice	payee_name;		/* N1*PE N102 */
	X12Slice	payee_npi;		/* N1*PE N104 when N103 = XX */
	X12Slice	check_number;	/* TRN02 */
	X12Slice	payment_method; /* BPR04 */
	bool		has_payment;	/* a BPR was read */
	Fixed64		payment_amount; /* BPR02 */
	bool		has_payment_date;
	DateADT		payment_date;	/* BPR16 */
	int			transaction_no; /* 1-based order of the ST in the text */
	int			nclaims;		/* claims so far */
} X835Transaction;

typedef struct X835Claim
{
	int			claim_no;
	X12Slice	patient_control_number; /* CLP01 */
	X12Slice	status;			/* CLP02 */
	Fixed64		charge;			/* CLP03 */
	Fixed64		paid;			/* CLP04 */
	bool		has_patient_responsibility;
	Fixed64		patient_responsibility; /* CLP05 */
	X12Slice	filing_indicator;	/* CLP06 */
	X12Slice	payer_claim_number; /* CLP07 */
	bool		has_received_date,
				has_service_from,
				has_service_to,
				has_interest;
	DateADT		received_date;	/* DTM*050 */
	DateADT		service_from;	/* DTM*232 */
	DateADT		service_to;		/* DTM*233 */
	Fixed64		interest;		/* AMT*I */
	X12Slice	patient_last;	/* NM1*QC NM103..NM105 */
	X12Slice	patient_first;
	X12Slice	patient_middle;
	int			nlines;			/* lines so far */
} X835Claim;

typedef struct X835Line
{
	int			line_no;
	X12Slice	code_qualifier; /* SVC01-1 */
	X12Slice	code;			/* SVC01-2 */
	int			nmodifiers;
	X12Slice	modifiers[X835_MAX_MODIFIERS];	/* SVC01-3..6 */
	Fixed64		charge;			/* SVC02 */
	Fixed64		paid;			/* SVC03 */
	X12Slice	revenue_code;	/* SVC04 */
	bool		has_units;
	Fixed64		units;			/* SVC05 */
	X12Slice	submitted_code; /* SVC06-2 */
	bool		has_date_472,
				has_date_150,
				has_allowed;
	DateADT		date_472;		/* DTM*472 */
	DateADT		date_150;		/* DTM*150 */
	Fixed64		allowed;		/* AMT*B6 */
	X12Slice	line_control_number;	/* REF*6R */
	const X12Slice *remarks;	/* LQ*HE remark codes */
	int			nremarks;
} X835Line;

typedef struct X835Adjustment
{
	int			line_no;		/* 0 for a claim-level CAS */
	X12Slice	group_code;		/* CAS01 */
	X12Slice	reason_code;
	Fixed64		amount;
	bool		has_quantity;
	Fixed64		quantity;
} X835Adjustment;

typedef struct X835ProviderAdjustment
{
	X12Slice	provider_id;	/* PLB01 */
	bool		has_fiscal_period_date;
	DateADT		fiscal_period_date; /* PLB02 */
	X12Slice	reason_code;	/* PLB03-1, 05-1, ... */
	X12Slice	reference;		/* PLB03-2, 05-2, ... */
	Fixed64		amount;			/* PLB04, 06, ... */
} X835ProviderAdjustment;

/*
 * What to do with each part once it is complete.  A claim is complete at
 * the next CLP, LX, PLB or SE; its lines and adjustments come before it,
 * the claim's own fields (and its transaction's) are already known to them.
 * Callbacks may be NULL.
 */
typedef struct X835Handler
{
	void		(*adjustment) (void *arg, const X835Transaction *transaction,
							   const X835Claim *claim, const X835Adjustment *adjustment);
	void		(*line) (void *arg, const X835Transaction *transaction,
						 const X835Claim *claim, const X835Line *line);
	void		(*claim) (void *arg, const X835Transaction *transaction,
						  const X835Claim *claim);
	void		(*provider_adjustment) (void *arg, const X835Transaction *transaction,
										const X835ProviderAdjustment *adjustment);
	void		(*transaction) (void *arg, const X835Transaction *transaction);
	void	   *arg;
} X835Handler;

/* x12_835_parse.c */
extern void x835_parse(const char *text, int len, const X835Handler *handler);

/* x12_835_balance.c: the balancing rules, as a handler */
typedef struct X835Imbalance
{
	int			transaction_no;
	int			claim_no;		/* 0: the transaction rule */
	int			line_no;		/* 0: not the line rule */
	const char *rule;
	Fixed		expected;
	Fixed		actual;
} X835Imbalance;

typedef void (*X835ImbalanceCallback) (const X835Imbalance *imbalance, void *arg);

typedef struct X835BalanceState
{
	Fixed		line_adjusted;	/* CAS amounts of the current line */
	Fixed		claim_adjusted; /* CAS amounts of the current claim, its lines' too */
	Fixed		transaction_net;	/* the claims' CLP04 less the PLB amounts */
	bool		overflow;		/* a sum left 128 bits: 22003 at the end */
	X835ImbalanceCallback report;
	void	   *report_arg;
} X835BalanceState;

extern void x835_balance_handler(X835Handler *handler, X835BalanceState *state,
								 X835ImbalanceCallback report, void *arg);
extern void x835_balance_finish(const X835BalanceState *state);

#endif							/* CONTRACTS_X12_835_H */
