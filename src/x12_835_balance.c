/*-------------------------------------------------------------------------
 * x12_835_balance.c
 *	  The balancing rules of the 835 implementation guide, checked on a
 *	  parsed remittance:
 *
 *		line		SVC02 - the line's CAS amounts = SVC03
 *		claim		CLP03 - the claim's and its lines' CAS amounts = CLP04
 *		transaction	the claims' CLP04 - the PLB amounts = BPR02
 *
 * The checks run as the parser hands over each part (a line when it is
 * complete, then its claim, then the transaction at SE).  Sums are exact
 * (128-bit fixed point); each rule that does not hold is reported with the
 * computed (expected) and the stated (actual) amount.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "x12_835.h"


#define RULE_LINE "SVC02 - CAS = SVC03"
#define RULE_CLAIM "CLP03 - CAS = CLP04"
#define RULE_TRANSACTION "sum(CLP04) - sum(PLB) = BPR02"

/*
 * *sum += term.  A sum that leaves 128 bits marks the state: the error is
 * raised once the whole text is read (x835_balance_finish), so that a text
 * with a syntax error further on gets the same error from every function.
 */
static inline void
x835_add(X835BalanceState *state, Fixed *sum, Fixed term)
{
	bool		ok;

	if (likely(sum->scale == term.scale))
		ok = !__builtin_add_overflow(sum->value, term.value, &sum->value);
	else if (sum->value == 0)
	{
		*sum = term;
		ok = true;
	}
	else
		ok = fixed_add(sum, term);
	if (!ok)
		state->overflow = true;
}

/* *sum += sign x amount */
static inline void
x835_accumulate(X835BalanceState *state, Fixed *sum, Fixed64 amount, int sign)
{
	Fixed		term = fixed_from64(amount);

	term.value *= sign;
	x835_add(state, sum, term);
}

/* stated - adjusted: what a charge less its adjustments leaves to pay */
static inline Fixed
x835_minus(X835BalanceState *state, Fixed64 stated, Fixed adjusted)
{
	Fixed		result = fixed_from64(stated);

	adjusted.value = -adjusted.value;
	x835_add(state, &result, adjusted);
	return result;
}

/* Report the rule when expected != actual. */
static void
x835_check_rule(X835BalanceState *state, X835Imbalance *imbalance, Fixed expected,
				Fixed64 actual)
{
	Fixed		difference = expected;

	x835_accumulate(state, &difference, actual, -1);
	/* after an overflow the sums mean nothing: the error follows */
	if (difference.value == 0 || state->overflow)
		return;
	imbalance->expected = expected;
	imbalance->actual = fixed_from64(actual);
	state->report(imbalance, state->report_arg);
}

static const Fixed zero = {0, 0};

/* Every CAS amount counts against its claim, and its line if any. */
static void
balance_adjustment(void *arg, const X835Transaction *transaction, const X835Claim *claim,
				   const X835Adjustment *adjustment)
{
	X835BalanceState *state = arg;

	x835_accumulate(state, &state->claim_adjusted, adjustment->amount, 1);
	if (adjustment->line_no > 0)
		x835_accumulate(state, &state->line_adjusted, adjustment->amount, 1);
}

static void
balance_line(void *arg, const X835Transaction *transaction, const X835Claim *claim,
			 const X835Line *line)
{
	X835BalanceState *state = arg;
	X835Imbalance imbalance = {transaction->transaction_no, claim->claim_no, line->line_no,
	RULE_LINE};

	x835_check_rule(state, &imbalance, x835_minus(state, line->charge, state->line_adjusted), line->paid);
	state->line_adjusted = zero;
}

static void
balance_claim(void *arg, const X835Transaction *transaction, const X835Claim *claim)
{
	X835BalanceState *state = arg;
	X835Imbalance imbalance = {transaction->transaction_no, claim->claim_no, 0, RULE_CLAIM};

	x835_check_rule(state, &imbalance, x835_minus(state, claim->charge, state->claim_adjusted), claim->paid);
	state->claim_adjusted = zero;
	x835_accumulate(state, &state->transaction_net, claim->paid, 1);
}

static void
balance_provider_adjustment(void *arg, const X835Transaction *transaction,
							const X835ProviderAdjustment *adjustment)
{
	X835BalanceState *state = arg;

	x835_accumulate(state, &state->transaction_net, adjustment->amount, -1);
}

static void
balance_transaction(void *arg, const X835Transaction *transaction)
{
	X835BalanceState *state = arg;
	X835Imbalance imbalance = {transaction->transaction_no, 0, 0, RULE_TRANSACTION};

	if (transaction->has_payment)
		x835_check_rule(state, &imbalance, state->transaction_net, transaction->payment_amount);
	state->transaction_net = zero;
}

/* After the whole text: the error of a sum beyond 128 bits, if any. */
void
x835_balance_finish(const X835BalanceState *state)
{
	if (state->overflow)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("the amounts of the remittance add up beyond the range of the balance check"),
				 errdetail("Amounts are summed exactly in 128 bits, at the largest scale written: "
						   "about 170 amounts of 18 whole digits fill it at 18 decimal places.")));
}

/* A handler that checks every rule and reports the ones that fail. */
void
x835_balance_handler(X835Handler *handler, X835BalanceState *state,
					 X835ImbalanceCallback report, void *arg)
{
	memset(state, 0, sizeof(*state));
	state->report = report;
	state->report_arg = arg;
	memset(handler, 0, sizeof(*handler));
	handler->adjustment = balance_adjustment;
	handler->line = balance_line;
	handler->claim = balance_claim;
	handler->provider_adjustment = balance_provider_adjustment;
	handler->transaction = balance_transaction;
	handler->arg = state;
}
