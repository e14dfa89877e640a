/*-------------------------------------------------------------------------
 * x12_835_parse.c
 *	  Reads the segments of an 835 interchange into the X835Remit model:
 *	  the envelopes (ISA/IEA, GS/GE, ST/SE and their counts) and the loops
 *	  of the 835 implementation guide (005010X221A1):
 *
 *		header		BPR TRN REF DTM
 *		1000A		N1*PR (payer) ... REF*2U
 *		1000B		N1*PE (payee)
 *		2000		LX
 *		2100		CLP (claim) CAS NM1*QC REF DTM AMT*I ...
 *		2110		SVC (service line) DTM CAS REF*6R AMT*B6 LQ*HE ...
 *		summary		PLB (provider-level adjustments)
 *
 * Only the current transaction, claim and line are kept, so memory does
 * not grow with the text.  Callers materialize their rows and return them
 * only after the whole text was read: bad input raises an error and never
 * yields part of a result.  Segments the model does not use are skipped.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "x12_835.h"

#include "miscadmin.h"

/* How deep in the envelopes the parser is; each level nests in the last. */
typedef enum X835Envelope
{
	X835_OUTSIDE,				/* before the first ISA, after an IEA */
	X835_INTERCHANGE,			/* ISA ... IEA */
	X835_GROUP,					/* GS ... GE */
	X835_TRANSACTION			/* ST ... SE */
} X835Envelope;

/* Which loop of the transaction set the last segment opened. */
typedef enum X835Loop
{
	X835_LOOP_HEADER,
	X835_LOOP_PAYER,
	X835_LOOP_PAYEE,
	X835_LOOP_OTHER_PARTY,
	X835_LOOP_HEADER_NUMBER,
	X835_LOOP_CLAIM,
	X835_LOOP_LINE,
	X835_LOOP_SUMMARY
} X835Loop;

typedef struct X835Parser
{
	const X835Handler *handler;
	X835Envelope envelope;
	int64		envelope_start[X835_TRANSACTION + 1];	/* segment numbers */
	int64		groups;			/* GS in this interchange */
	int64		transaction_sets;	/* ST in this group */
	int64		segments;		/* segments of this transaction set so far */
	int			transactions;	/* ST in the whole text */
	X835Loop	loop;
	bool		claim_open;
	bool		line_open;
	X835Transaction transaction;
	X835Claim	claim;
	X835Line	line;
	X12Slice   *remarks;		/* the current line's LQ*HE codes */
	int			remarks_size;
} X835Parser;

static const char *const envelope_names[] = {"", "interchange", "functional group", "transaction set"};
static const char *const envelope_articles[] = {"", "an", "a", "a"};
static const char *const envelope_openers[] = {"", "ISA", "GS", "ST"};
static const char *const envelope_closers[] = {"", "IEA", "GE", "SE"};

/* A segment identifier as one integer, for a switch. */
#define X12_ID(a, b, c) (((uint32) (a) << 16) | ((uint32) (b) << 8) | (uint32) (c))

static inline uint32
x12_id_key(const X12Segment *segment)
{
	return X12_ID(segment->id[0], segment->id[1], segment->id[2]);
}

/* ----------------------------------------------------------------
 * Envelopes
 * ----------------------------------------------------------------
 */

/*
 * An envelope segment needs the parser at `level`: deeper means an
 * envelope was not closed, shallower that the segment has no opener.
 */
static void
x835_require_envelope(X835Parser *parser, const X12Segment *segment, X835Envelope level)
{
	X835Envelope open = parser->envelope;

	if (open > level)
		x12_segment_error(segment, ERRCODE_INVALID_TEXT_REPRESENTATION,
						  "no %s segment closes the %s begun at segment %lld",
						  envelope_closers[open], envelope_names[open],
						  (long long) parser->envelope_start[open]);
	if (open < level)
		x12_segment_error(segment, ERRCODE_INVALID_TEXT_REPRESENTATION,
						  "the segment is outside %s %s (%s ... %s)",
						  envelope_articles[level], envelope_names[level], envelope_openers[level], envelope_closers[level]);
}

/* A count element (SE01, GE01, IEA01) that must equal `actual`. */
static void
x835_check_count(const X12Segment *segment, int64 actual, const char *what)
{
	X12Slice	e = x12_element(segment, 1);
	const char *p = e.data;
	uint64		stated = 0;
	int			digits = x12_read_digits(&p, e.data + e.len, &stated);

	/* 18 digits fit; more might wrap around to the count */
	if (digits == 0 || digits > 18 || p != e.data + e.len || stated != (uint64) actual)
		x12_element_error(segment, 1, ERRCODE_INVALID_TEXT_REPRESENTATION,
						  "the %s is %lld, %s01 says \"%.*s\"",
						  what, (long long) actual, segment->id, x12_quote_len(e.data, e.len, 20), e.data);
}

static void
x835_open(X835Parser *parser, const X12Segment *segment, X835Envelope level)
{
	x835_require_envelope(parser, segment, level - 1);
	parser->envelope = level;
	parser->envelope_start[level] = segment->number;
}

static void
x835_start_transaction(X835Parser *parser, const X12Segment *segment)
{
	X12Slice	st01 = x12_element(segment, 1);

	x835_open(parser, segment, X835_TRANSACTION);
	if (st01.len != 3 || memcmp(st01.data, "835", 3) != 0)
		x12_element_error(segment, 1, ERRCODE_INVALID_TEXT_REPRESENTATION,
						  "transaction set \"%.*s\" is not an 835 (health care claim payment/advice)",
						  x12_quote_len(st01.data, st01.len, 20), st01.data);
	parser->transaction_sets++;
	parser->segments = 1;
	parser->loop = X835_LOOP_HEADER;
	memset(&parser->transaction, 0, sizeof(X835Transaction));
	parser->transaction.transaction_no = ++parser->transactions;
}

static void x835_end_transaction(X835Parser *parser, const X12Segment *segment);

/* ISA, GS, ST, SE, GE, IEA; false for any other segment. */
static bool
x835_envelope_segment(X835Parser *parser, const X12Segment *segment)
{
	switch (x12_id_key(segment))
	{
		case X12_ID('I', 'S', 'A'):
			x835_open(parser, segment, X835_INTERCHANGE);
			parser->groups = 0;
			return true;
		case X12_ID('G', 'S', '\0'):
			x835_open(parser, segment, X835_GROUP);
			parser->groups++;
			parser->transaction_sets = 0;
			return true;
		case X12_ID('S', 'T', '\0'):
			x835_start_transaction(parser, segment);
			return true;
		case X12_ID('S', 'E', '\0'):
			x835_require_envelope(parser, segment, X835_TRANSACTION);
			x835_check_count(segment, ++parser->segments, "transaction set's segment count");
			x835_end_transaction(parser, segment);
			parser->envelope = X835_GROUP;
			return true;
		case X12_ID('G', 'E', '\0'):
			x835_require_envelope(parser, segment, X835_GROUP);
			x835_check_count(segment, parser->transaction_sets, "functional group's transaction set count");
			parser->envelope = X835_INTERCHANGE;
			return true;
		case X12_ID('I', 'E', 'A'):
			x835_require_envelope(parser, segment, X835_INTERCHANGE);
			x835_check_count(segment, parser->groups, "interchange's functional group count");
			parser->envelope = X835_OUTSIDE;
			return true;
		default:
			return false;
	}
}

/* ----------------------------------------------------------------
 * Loops of the transaction set
 * ----------------------------------------------------------------
 */

/* The current line is complete: hand it over. */
static void
x835_end_line(X835Parser *parser)
{
	if (!parser->line_open)
		return;
	parser->line_open = false;
	parser->line.remarks = parser->remarks;
	if (parser->handler->line)
		parser->handler->line(parser->handler->arg, &parser->transaction, &parser->claim,
							  &parser->line);
}

/* The current claim (and its last line) is complete: hand it over. */
static void
x835_end_claim(X835Parser *parser)
{
	x835_end_line(parser);
	if (!parser->claim_open)
		return;
	parser->claim_open = false;
	if (parser->handler->claim)
		parser->handler->claim(parser->handler->arg, &parser->transaction, &parser->claim);
}

/* SE: the transaction set is complete. */
static void
x835_end_transaction(X835Parser *parser, const X12Segment *segment)
{
	x835_end_claim(parser);
	if (parser->handler->transaction)
		parser->handler->transaction(parser->handler->arg, &parser->transaction);
}

/* CAS and SVC belong to a claim (loop 2100 or 2110). */
static inline void
x835_require_claim(X835Parser *parser, const X12Segment *segment)
{
	if (!parser->claim_open)
		x12_segment_error(segment, ERRCODE_INVALID_TEXT_REPRESENTATION,
						  "the segment is not inside a claim (CLP)");
}

/* BPR: the payment (amount, method, date). */
static void
x835_payment(X835Parser *parser, const X12Segment *segment)
{
	X835Transaction *transaction = &parser->transaction;

	transaction->has_payment = true;
	transaction->payment_amount = x12_required_amount(segment, 2);
	transaction->payment_method = x12_element(segment, 4);
	transaction->has_payment_date = x12_read_date(segment, 16, &transaction->payment_date);
}

/* N1: the payer (PR), the payee (PE) or another party. */
static void
x835_party(X835Parser *parser, const X12Segment *segment)
{
	X835Transaction *transaction = &parser->transaction;

	if (x12_element_is(segment, 1, "PR"))
	{
		parser->loop = X835_LOOP_PAYER;
		transaction->payer_name = x12_element(segment, 2);
		transaction->payer_n104 = x12_element(segment, 4);
	}
	else if (x12_element_is(segment, 1, "PE"))
	{
		parser->loop = X835_LOOP_PAYEE;
		transaction->payee_name = x12_element(segment, 2);
		if (x12_element_is(segment, 3, "XX"))
			transaction->payee_npi = x12_element(segment, 4);
	}
	else
		parser->loop = X835_LOOP_OTHER_PARTY;
}

/* CLP: a claim. */
static void
x835_claim(X835Parser *parser, const X12Segment *segment)
{
	X835Claim  *claim = &parser->claim;

	x835_end_claim(parser);
	x12_require_element(segment, 1, "the patient control number");
	x12_require_element(segment, 2, "the claim status");
	memset(claim, 0, sizeof(X835Claim));
	parser->claim_open = true;
	parser->loop = X835_LOOP_CLAIM;
	claim->claim_no = ++parser->transaction.nclaims;
	claim->patient_control_number = x12_element(segment, 1);
	claim->status = x12_element(segment, 2);
	claim->charge = x12_required_amount(segment, 3);
	claim->paid = x12_required_amount(segment, 4);
	claim->has_patient_responsibility =
		x12_read_decimal(segment, 5, "an amount", &claim->patient_responsibility);
	claim->filing_indicator = x12_element(segment, 6);
	claim->payer_claim_number = x12_element(segment, 7);
}

/* SVC: a service line of the current claim. */
static void
x835_line(X835Parser *parser, const X12Segment *segment)
{
	X835Line   *line = &parser->line;
	char		separator = segment->delimiters->component;
	X12Slice	procedure[2 + X835_MAX_MODIFIERS];	/* qualifier, code, modifiers */
	X12Slice	submitted[2];
	int			i;

	x835_require_claim(parser, segment);
	x835_end_line(parser);
	x12_require_element(segment, 1, "the procedure code");
	memset(line, 0, sizeof(X835Line));
	parser->line_open = true;
	parser->loop = X835_LOOP_LINE;
	line->line_no = ++parser->claim.nlines;
	x12_components(x12_element(segment, 1), separator, procedure, lengthof(procedure));
	line->code_qualifier = procedure[0];
	line->code = procedure[1];
	for (i = 2; i < lengthof(procedure); i++)
	{
		if (procedure[i].len > 0)
			line->modifiers[line->nmodifiers++] = procedure[i];
	}
	line->charge = x12_required_amount(segment, 2);
	line->paid = x12_required_amount(segment, 3);
	line->revenue_code = x12_element(segment, 4);
	line->has_units = x12_read_decimal(segment, 5, "a number", &line->units);
	x12_components(x12_element(segment, 6), separator, submitted, lengthof(submitted));
	line->submitted_code = submitted[1];
}

/* CAS: up to six adjustments (reason, amount, quantity) of one group. */
static void
x835_adjustments(X835Parser *parser, const X12Segment *segment)
{
	const X835Handler *handler = parser->handler;
	X835Adjustment adjustment;
	int			reason;

	x835_require_claim(parser, segment);
	x12_require_element(segment, 1, "the group code");
	adjustment.line_no = parser->line_open ? parser->line.line_no : 0;
	adjustment.group_code = x12_element(segment, 1);
	for (reason = 2; reason <= 17; reason += 3)
	{
		if (x12_element(segment, reason).len == 0)
		{
			if (x12_element(segment, reason + 1).len != 0)
				x12_require_element(segment, reason, "the reason code");
			continue;
		}
		adjustment.reason_code = x12_element(segment, reason);
		adjustment.amount = x12_required_amount(segment, reason + 1);
		adjustment.has_quantity = x12_read_decimal(segment, reason + 2, "a number",
												   &adjustment.quantity);
		if (handler->adjustment)
			handler->adjustment(handler->arg, &parser->transaction, &parser->claim, &adjustment);
	}
}

/* PLB: up to six provider-level adjustments (reason:reference, amount). */
static void
x835_provider_adjustments(X835Parser *parser, const X12Segment *segment)
{
	const X835Handler *handler = parser->handler;
	char		separator = segment->delimiters->component;
	X835ProviderAdjustment adjustment;
	int			pair;

	x835_end_claim(parser);
	parser->loop = X835_LOOP_SUMMARY;
	x12_require_element(segment, 1, "the provider identifier");
	adjustment.provider_id = x12_element(segment, 1);
	adjustment.has_fiscal_period_date = x12_read_date(segment, 2, &adjustment.fiscal_period_date);
	for (pair = 3; pair <= 13; pair += 2)
	{
		X12Slice	identifier = x12_element(segment, pair);
		X12Slice	reason_reference[2];

		if (identifier.len == 0)
		{
			if (x12_element(segment, pair + 1).len != 0)
				x12_require_element(segment, pair, "the adjustment reason");
			continue;
		}
		x12_components(identifier, separator, reason_reference, lengthof(reason_reference));
		adjustment.reason_code = reason_reference[0];
		adjustment.reference = reason_reference[1];
		adjustment.amount = x12_required_amount(segment, pair + 1);
		if (handler->provider_adjustment)
			handler->provider_adjustment(handler->arg, &parser->transaction, &adjustment);
	}
}

/* DTM: the dates of a claim or a service line. */
static void
x835_date(X835Parser *parser, const X12Segment *segment)
{
	if (parser->loop == X835_LOOP_CLAIM)
	{
		X835Claim  *claim = &parser->claim;

		if (x12_element_is(segment, 1, "050"))
			claim->has_received_date = x12_read_date(segment, 2, &claim->received_date);
		else if (x12_element_is(segment, 1, "232"))
			claim->has_service_from = x12_read_date(segment, 2, &claim->service_from);
		else if (x12_element_is(segment, 1, "233"))
			claim->has_service_to = x12_read_date(segment, 2, &claim->service_to);
	}
	else if (parser->loop == X835_LOOP_LINE)
	{
		X835Line   *line = &parser->line;

		if (x12_element_is(segment, 1, "472"))
			line->has_date_472 = x12_read_date(segment, 2, &line->date_472);
		else if (x12_element_is(segment, 1, "150"))
			line->has_date_150 = x12_read_date(segment, 2, &line->date_150);
	}
}

/* AMT: a claim's interest (I) or a line's allowed amount (B6). */
static void
x835_amount(X835Parser *parser, const X12Segment *segment)
{
	if (parser->loop == X835_LOOP_CLAIM && x12_element_is(segment, 1, "I"))
	{
		parser->claim.has_interest = true;
		parser->claim.interest = x12_required_amount(segment, 2);
	}
	else if (parser->loop == X835_LOOP_LINE && x12_element_is(segment, 1, "B6"))
	{
		parser->line.has_allowed = true;
		parser->line.allowed = x12_required_amount(segment, 2);
	}
}

/* REF: the payer's identifier (2U) or a line's control number (6R). */
static void
x835_reference(X835Parser *parser, const X12Segment *segment)
{
	if (parser->loop == X835_LOOP_PAYER && x12_element_is(segment, 1, "2U"))
		parser->transaction.payer_ref_2u = x12_element(segment, 2);
	else if (parser->loop == X835_LOOP_LINE && x12_element_is(segment, 1, "6R"))
		parser->line.line_control_number = x12_element(segment, 2);
}

/* NM1*QC: the patient of a claim. */
static void
x835_name(X835Parser *parser, const X12Segment *segment)
{
	if (parser->loop == X835_LOOP_CLAIM && x12_element_is(segment, 1, "QC"))
	{
		parser->claim.patient_last = x12_element(segment, 3);
		parser->claim.patient_first = x12_element(segment, 4);
		parser->claim.patient_middle = x12_element(segment, 5);
	}
}

/*
 * Remark codes kept for one service line.  The 835 guide allows 99 LQ
 * segments per line; far beyond that, a text of nothing but LQ*HE segments
 * would grow the line's codes past PostgreSQL's 1 GB allocation limit.
 */
#define X835_MAX_REMARKS 1000000

/* LQ*HE: a remark code of a service line. */
static void
x835_remark(X835Parser *parser, const X12Segment *segment)
{
	X835Line   *line = &parser->line;

	if (parser->loop != X835_LOOP_LINE || !x12_element_is(segment, 1, "HE"))
		return;
	if (line->nremarks == X835_MAX_REMARKS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("segment %lld (LQ): service line %d of claim %d has more than %d remark codes",
						(long long) segment->number, line->line_no, parser->claim.claim_no, X835_MAX_REMARKS),
				 errdetail("The 835 implementation guide allows 99 LQ segments per service line.")));
	if (line->nremarks == parser->remarks_size)
	{
		parser->remarks_size = Max(8, parser->remarks_size * 2);
		parser->remarks = parser->remarks == NULL
			? palloc(parser->remarks_size * sizeof(X12Slice))
			: repalloc(parser->remarks, parser->remarks_size * sizeof(X12Slice));
	}
	parser->remarks[line->nremarks++] = x12_element(segment, 2);
}

/* A segment inside ST ... SE. */
static void
x835_transaction_segment(X835Parser *parser, const X12Segment *segment)
{
	x835_require_envelope(parser, segment, X835_TRANSACTION);
	parser->segments++;
	switch (x12_id_key(segment))
	{
		case X12_ID('B', 'P', 'R'):
			x835_payment(parser, segment);
			break;
		case X12_ID('T', 'R', 'N'):
			parser->transaction.check_number = x12_element(segment, 2);
			break;
		case X12_ID('N', '1', '\0'):
			x835_party(parser, segment);
			break;
		case X12_ID('L', 'X', '\0'):
			x835_end_claim(parser);
			parser->loop = X835_LOOP_HEADER_NUMBER;
			break;
		case X12_ID('C', 'L', 'P'):
			x835_claim(parser, segment);
			break;
		case X12_ID('S', 'V', 'C'):
			x835_line(parser, segment);
			break;
		case X12_ID('C', 'A', 'S'):
			x835_adjustments(parser, segment);
			break;
		case X12_ID('P', 'L', 'B'):
			x835_provider_adjustments(parser, segment);
			break;
		case X12_ID('D', 'T', 'M'):
			x835_date(parser, segment);
			break;
		case X12_ID('A', 'M', 'T'):
			x835_amount(parser, segment);
			break;
		case X12_ID('R', 'E', 'F'):
			x835_reference(parser, segment);
			break;
		case X12_ID('N', 'M', '1'):
			x835_name(parser, segment);
			break;
		case X12_ID('L', 'Q', '\0'):
			x835_remark(parser, segment);
			break;
		default:
			break;				/* not in the model */
	}
}

/* The end of the text must close every envelope. */
static void
x835_finish(X835Parser *parser, int64 segments_read)
{
	X835Envelope open = parser->envelope;

	if (segments_read == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("not an X12 interchange"),
				 errdetail("The text is empty.")));
	if (open != X835_OUTSIDE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("end of text after segment %lld: no %s segment closes the %s begun at segment %lld",
						(long long) segments_read, envelope_closers[open], envelope_names[open],
						(long long) parser->envelope_start[open])));
}

/* Parse a whole 835 text, handing its parts to the handler. */
void
x835_parse(const char *text, int len, const X835Handler *handler)
{
	X835Parser	parser;
	X12Reader	reader;
	X12Segment	segment;

	memset(&parser, 0, sizeof(parser));
	parser.handler = handler;
	x12_reader_init(&reader, text, len);
	while (x12_next_segment(&reader, &segment))
	{
		CHECK_FOR_INTERRUPTS();
		if (!x835_envelope_segment(&parser, &segment))
			x835_transaction_segment(&parser, &segment);
	}
	x835_finish(&parser, reader.segments_read);
	if (parser.remarks != NULL)
		pfree(parser.remarks);
}
