/*-------------------------------------------------------------------------
 * x12_835_functions.c
 *	  The SQL set-returning functions over an 835 remittance text:
 *	  x12_835_claims, x12_835_lines, x12_835_adjustments,
 *	  x12_835_provider_adjustments and x12_835_balance.
 *
 * Each hands the parser (x835_parse) a handler that writes its rows into a
 * materialized tuplestore as the parts are read.  The rows reach the
 * caller only when the function returns, after the whole text was read, so
 * an error leaves no partial result.  A row's values are built in a context
 * reset after each row: memory stays at the input and the tuplestore's
 * work_mem (beyond which it spills to disk).
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "compat.h"
#include "huge_pages.h"
#include "large_text.h"
#include "x12_835.h"

#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/tuplestore.h"

#define X835_MAX_COLUMNS 24

/*
 * Where the rows go.  A tuplestore keeps rows in memory up to work_mem, then
 * spills them to a temporary file.  Memory fresh from the kernel costs a
 * page fault per 4 kB page (src/huge_pages.c): more, on a virtual machine,
 * than writing the rows through the file cache.  So the rows of a large
 * text are kept in a block advised to use huge pages, sized for them
 * (x12_835_lines writes about 1.2 bytes of rows per byte of text), and
 * where the kernel gives no huge pages the rows beyond 4 MB are spilled.
 * The block serves every call of the function in the query (a LATERAL
 * call per file): a call's rows are freed when the next call begins.
 */
#define X835_RESULT_MEMORY_KB 4096
#define X835_HUGE_ROWS_MIN ((Size) 8 * 1024 * 1024)

/*
 * Numerics of recent amounts.  Amounts repeat (a practice charges the same
 * for a code, a payer allows its fee schedule's amount, units are mostly 1),
 * and building a numeric costs more than finding one.  Each slot keeps the
 * bytes of the last amount that hashed to it; a slot a row being built
 * points into is not replaced before the row is stored.
 */
#define X835_AMOUNT_SLOTS 256
#define X835_AMOUNT_MAX_BYTES 32

typedef struct X835AmountSlot
{
	int64		value;
	int32		scale;			/* -1: empty */
	uint32		row;			/* the last row that used it */
	union
	{
		char		bytes[X835_AMOUNT_MAX_BYTES];
		int32		align;		/* a varlena header is read as an int32 */
	}			numeric;
} X835AmountSlot;

/*
 * The value last written in a text or text[] column, and the pieces of the
 * input it was built from.  A claim's or a transaction's texts repeat on
 * each of its rows (the same pieces of the input), and those of consecutive
 * lines often do (a procedure qualifier, a code billed twice, the same
 * modifiers): a value whose pieces hold the texts of the last is reused.
 */
#define X835_MEMO_ITEMS 4

typedef struct X835ValueMemo
{
	int			nitems;			/* -1: none yet */
	X12Slice	items[X835_MEMO_ITEMS];
	Datum		value;			/* in the text context */
} X835ValueMemo;

/* Where a function's rows go, and the scratch space of one row. */
typedef struct X835Output
{
	ReturnSetInfo *rsinfo;
	MemoryContext row_context;
	MemoryContext caller_context;
	Datum		empty_text_array;	/* '{}'::text[], built once */
	Datum		values[X835_MAX_COLUMNS];
	bool		nulls[X835_MAX_COLUMNS];
	int			ncolumns;
	uint32		rows;			/* rows stored, for the amount slots */
	MemoryContext text_context; /* the values below */
	X835ValueMemo memos[X835_MAX_COLUMNS];
	X835AmountSlot amounts[X835_AMOUNT_SLOTS];
} X835Output;

/* The memory for the rows of a text: twice its length, within work_mem. */
static Size
x835_rows_memory(int text_len)
{
	return Min((Size) work_mem * 1024, (Size) text_len * 2);
}

/* A tuplestore for this call's rows (see X835_RESULT_MEMORY_KB). */
static Tuplestorestate *
x835_tuplestore(FunctionCallInfo fcinfo, int text_len)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	bool		random_access = (rsinfo->allowedModes & SFRM_Materialize_Random) != 0;
	MemoryContext rows_context = fcinfo->flinfo->fn_extra;
	MemoryContext caller_context;
	Tuplestorestate *tuplestore;

	if (rows_context == NULL && x835_rows_memory(text_len) >= X835_HUGE_ROWS_MIN &&
		huge_pages_enabled())
	{
		rows_context = huge_pages_context_create(fcinfo->flinfo->fn_mcxt,
												 x835_rows_memory(text_len));
		fcinfo->flinfo->fn_extra = rows_context;
	}
	caller_context = MemoryContextSwitchTo(rows_context != NULL
										   ? rows_context
										   : rsinfo->econtext->ecxt_per_query_memory);
	tuplestore = tuplestore_begin_heap(random_access, false,
									   rows_context != NULL
									   ? work_mem
									   : Min(work_mem, X835_RESULT_MEMORY_KB));
	MemoryContextSwitchTo(caller_context);
	return tuplestore;
}

/* Set up the tuplestore and the row's scratch space. */
static void
x835_begin(FunctionCallInfo fcinfo, X835Output *out, int ncolumns, int text_len)
{
	InitMaterializedSRF(fcinfo, 0);
	out->rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	tuplestore_end(out->rsinfo->setResult);
	out->rsinfo->setResult = x835_tuplestore(fcinfo, text_len);
	out->ncolumns = out->rsinfo->setDesc->natts;
	/* the C code writes exactly the columns the install script declares */
	if (out->ncolumns != ncolumns)
		elog(ERROR, "function returns %d columns, its C code writes %d", out->ncolumns, ncolumns);
	out->row_context = AllocSetContextCreate(CurrentMemoryContext, "x12 835 row",
											 ALLOCSET_DEFAULT_SIZES);
	out->empty_text_array = PointerGetDatum(construct_empty_array(TEXTOID));
	out->rows = 1;
	out->text_context = AllocSetContextCreate(CurrentMemoryContext, "x12 835 texts",
											  ALLOCSET_DEFAULT_SIZES);
	for (int i = 0; i < X835_MAX_COLUMNS; i++)
		out->memos[i].nitems = -1;
	for (int i = 0; i < X835_AMOUNT_SLOTS; i++)
	{
		out->amounts[i].scale = -1;
		out->amounts[i].row = 0;
	}
}

static void
x835_end(X835Output *out)
{
	MemoryContextDelete(out->row_context);
	MemoryContextDelete(out->text_context);
}

/* Parse the argument, rows going to the handler (which writes to out). */
static void
x835_parse_argument(FunctionCallInfo fcinfo, X835Output *out, const X835Handler *handler,
					int ncolumns)
{
	LargeText	remit = large_text_read(PG_GETARG_DATUM(0));

	x835_begin(fcinfo, out, ncolumns, remit.len);
	x835_parse(remit.data, remit.len, handler);
	large_text_release(&remit);
	x835_end(out);
}

/* Parse the argument with a handler that writes one kind of row. */
static Datum
x835_rows(FunctionCallInfo fcinfo, X835Handler handler, int ncolumns)
{
	X835Output	out;

	handler.arg = &out;
	x835_parse_argument(fcinfo, &out, &handler, ncolumns);
	return (Datum) 0;
}

/* Values of a row are built in the row context, between these two. */
static inline X835Output *
x835_start_row(void *arg)
{
	X835Output *out = arg;

	out->caller_context = MemoryContextSwitchTo(out->row_context);
	return out;
}

static inline void
x835_put_row(X835Output *out)
{
	tuplestore_putvalues(out->rsinfo->setResult, out->rsinfo->setDesc, out->values, out->nulls);
	out->rows++;
	MemoryContextSwitchTo(out->caller_context);
	MemoryContextReset(out->row_context);
}

/* ----------------------------------------------------------------
 * Column writers: an absent value is NULL.
 * ----------------------------------------------------------------
 */

static inline void
put_int(X835Output *out, int column, int value, bool present)
{
	out->values[column] = Int32GetDatum(value);
	out->nulls[column] = !present;
}

/* Do two lists of slices hold the same texts? */
static inline bool
same_texts(const X12Slice *a, const X12Slice *b, int n)
{
	for (int i = 0; i < n; i++)
	{
		if (a[i].len != b[i].len ||
			(a[i].data != b[i].data && memcmp(a[i].data, b[i].data, a[i].len) != 0))
			return false;
	}
	return true;
}

/* Does a column's memo hold the value of these pieces of the input? */
static inline bool
memo_holds(const X835ValueMemo *memo, const X12Slice *items, int nitems)
{
	return memo->nitems == nitems && same_texts(memo->items, items, nitems);
}

/* Keep value (built in the text context) as the column's last. */
static void
memo_keep(X835ValueMemo *memo, const X12Slice *items, int nitems, Datum value)
{
	Assert(nitems <= X835_MEMO_ITEMS);
	if (memo->nitems >= 0)
		pfree(DatumGetPointer(memo->value));
	memo->nitems = nitems;
	memcpy(memo->items, items, nitems * sizeof(X12Slice));
	memo->value = value;
}

static inline void
put_text(X835Output *out, int column, X12Slice value)
{
	X835ValueMemo *memo = &out->memos[column];

	out->nulls[column] = value.len == 0;
	if (value.len == 0)
		return;
	if (!memo_holds(memo, &value, 1))
	{
		text	   *built = MemoryContextAlloc(out->text_context, VARHDRSZ + value.len);

		SET_VARSIZE(built, VARHDRSZ + value.len);
		memcpy(VARDATA(built), value.data, value.len);
		memo_keep(memo, &value, 1, PointerGetDatum(built));
	}
	/* the same text from another piece: compare pointers next time */
	memo->items[0] = value;
	out->values[column] = memo->value;
}

static inline void
put_date(X835Output *out, int column, DateADT value, bool present)
{
	out->values[column] = DateADTGetDatum(value);
	out->nulls[column] = !present;
}

/* The numeric of an amount: a recent one's slot, else built (and kept). */
static Datum
amount_numeric(X835Output *out, Fixed64 amount)
{
	uint64		hash = ((uint64) amount.value ^ ((uint64) amount.scale << 58)) *
		UINT64CONST(0x9E3779B97F4A7C15);
	X835AmountSlot *slot = &out->amounts[hash >> 56];
	Numeric		built;

	StaticAssertStmt(X835_AMOUNT_SLOTS == 256, "the slot is the hash's top 8 bits");
	if (slot->value == amount.value && slot->scale == amount.scale)
	{
		slot->row = out->rows;
		return PointerGetDatum(slot->numeric.bytes);
	}
	built = int64_div_fast_to_numeric(amount.value, amount.scale);
	if (slot->row != out->rows && VARSIZE(built) <= X835_AMOUNT_MAX_BYTES)
	{
		memcpy(slot->numeric.bytes, built, VARSIZE(built));
		slot->value = amount.value;
		slot->scale = amount.scale;
		slot->row = out->rows;
	}
	return NumericGetDatum(built);
}

/* The exact numeric of a decimal as written, trailing zeros kept. */
static inline void
put_amount(X835Output *out, int column, Fixed64 value, bool present)
{
	out->nulls[column] = !present;
	if (present)
		out->values[column] = amount_numeric(out, value);
}

static void
put_sum(X835Output *out, int column, Fixed value)
{
	out->nulls[column] = false;
	if (fixed_fits_int64(value.value))
		out->values[column] = NumericGetDatum(int64_div_fast_to_numeric((int64) value.value,
																		 value.scale));
	else
		out->values[column] = DirectFunctionCall3(numeric_in,
												  CStringGetDatum(fixed_to_cstring(value)),
												  ObjectIdGetDatum(InvalidOid),
												  Int32GetDatum(-1));
}

/*
 * A text[] of slices, in result_context; its elements are built in the
 * row's context.
 */
static Datum
build_text_array(const X12Slice *items, int nitems, MemoryContext result_context)
{
	Datum	   *elements = palloc(nitems * sizeof(Datum));
	MemoryContext row_context;
	ArrayType  *array;

	for (int i = 0; i < nitems; i++)
		elements[i] = PointerGetDatum(cstring_to_text_with_len(items[i].data, items[i].len));
	row_context = MemoryContextSwitchTo(result_context);
	array = construct_array(elements, nitems, TEXTOID, -1, false, TYPALIGN_INT);
	MemoryContextSwitchTo(row_context);
	return PointerGetDatum(array);
}

/* A text[] of slices; empty when there are none. */
static void
put_text_array(X835Output *out, int column, const X12Slice *items, int nitems)
{
	X835ValueMemo *memo = &out->memos[column];

	out->nulls[column] = false;
	if (nitems == 0)
		out->values[column] = out->empty_text_array;
	else if (nitems > X835_MEMO_ITEMS)
		out->values[column] = build_text_array(items, nitems, CurrentMemoryContext);
	else
	{
		if (!memo_holds(memo, items, nitems))
			memo_keep(memo, items, nitems, build_text_array(items, nitems, out->text_context));
		out->values[column] = memo->value;
	}
}

/* "LAST, FIRST MIDDLE" from NM103..NM105; NULL when there is no name. */
static void
put_person_name(X835Output *out, int column, const X835Claim *claim)
{
	StringInfoData name;

	if (claim->patient_last.len == 0 && claim->patient_first.len == 0)
	{
		out->nulls[column] = true;
		return;
	}
	initStringInfo(&name);
	appendBinaryStringInfo(&name, claim->patient_last.data, claim->patient_last.len);
	if (claim->patient_first.len > 0)
	{
		appendStringInfoString(&name, ", ");
		appendBinaryStringInfo(&name, claim->patient_first.data, claim->patient_first.len);
	}
	if (claim->patient_middle.len > 0)
	{
		appendStringInfoChar(&name, ' ');
		appendBinaryStringInfo(&name, claim->patient_middle.data, claim->patient_middle.len);
	}
	out->values[column] = PointerGetDatum(cstring_to_text_with_len(name.data, name.len));
	out->nulls[column] = false;
}

/* N1*PR N104, else the payer loop's REF*2U. */
static inline X12Slice
payer_id(const X835Transaction *transaction)
{
	return transaction->payer_n104.len > 0 ? transaction->payer_n104 : transaction->payer_ref_2u;
}

/* ----------------------------------------------------------------
 * The functions
 * ----------------------------------------------------------------
 */

static void
claim_row(void *arg, const X835Transaction *transaction, const X835Claim *claim)
{
	X835Output *out = x835_start_row(arg);

	put_int(out, 0, transaction->transaction_no, true);
	put_text(out, 1, transaction->payer_name);
	put_text(out, 2, payer_id(transaction));
	put_text(out, 3, transaction->payee_name);
	put_text(out, 4, transaction->payee_npi);
	put_text(out, 5, transaction->check_number);
	put_date(out, 6, transaction->payment_date, transaction->has_payment_date);
	put_text(out, 7, transaction->payment_method);
	put_amount(out, 8, transaction->payment_amount, transaction->has_payment);
	put_int(out, 9, claim->claim_no, true);
	put_text(out, 10, claim->patient_control_number);
	put_text(out, 11, claim->status);
	put_amount(out, 12, claim->charge, true);
	put_amount(out, 13, claim->paid, true);
	put_amount(out, 14, claim->patient_responsibility, claim->has_patient_responsibility);
	put_text(out, 15, claim->filing_indicator);
	put_text(out, 16, claim->payer_claim_number);
	put_date(out, 17, claim->received_date, claim->has_received_date);
	put_date(out, 18, claim->service_from, claim->has_service_from);
	put_date(out, 19, claim->service_to, claim->has_service_to);
	put_amount(out, 20, claim->interest, claim->has_interest);
	put_person_name(out, 21, claim);
	x835_put_row(out);
}

PG_FUNCTION_INFO_V1(x12_835_claims);
Datum
x12_835_claims(PG_FUNCTION_ARGS)
{
	return x835_rows(fcinfo, (X835Handler) {.claim = claim_row}, 22);
}

/* DTM*472, else DTM*150, else the claim's DTM*232. */
static void
put_service_date(X835Output *out, int column, const X835Line *line, const X835Claim *claim)
{
	if (line->has_date_472)
		put_date(out, column, line->date_472, true);
	else if (line->has_date_150)
		put_date(out, column, line->date_150, true);
	else
		put_date(out, column, claim->service_from, claim->has_service_from);
}

static void
line_row(void *arg, const X835Transaction *transaction, const X835Claim *claim,
		 const X835Line *line)
{
	X835Output *out = x835_start_row(arg);
	Fixed64		one = {1, 0};

	put_int(out, 0, transaction->transaction_no, true);
	put_int(out, 1, claim->claim_no, true);
	put_int(out, 2, line->line_no, true);
	put_text(out, 3, claim->patient_control_number);
	put_text(out, 4, claim->payer_claim_number);
	put_text(out, 5, line->code_qualifier);
	put_text(out, 6, line->code);
	put_text_array(out, 7, line->modifiers, line->nmodifiers);
	put_amount(out, 8, line->charge, true);
	put_amount(out, 9, line->paid, true);
	put_text(out, 10, line->revenue_code);
	put_amount(out, 11, line->has_units ? line->units : one, true);
	put_text(out, 12, line->submitted_code);
	put_service_date(out, 13, line, claim);
	put_amount(out, 14, line->allowed, line->has_allowed);
	put_text(out, 15, line->line_control_number);
	put_text_array(out, 16, line->remarks, line->nremarks);
	put_text(out, 17, claim->status);
	put_text(out, 18, payer_id(transaction));
	put_date(out, 19, transaction->payment_date, transaction->has_payment_date);
	x835_put_row(out);
}

PG_FUNCTION_INFO_V1(x12_835_lines);
Datum
x12_835_lines(PG_FUNCTION_ARGS)
{
	return x835_rows(fcinfo, (X835Handler) {.line = line_row}, 20);
}

static void
adjustment_row(void *arg, const X835Transaction *transaction, const X835Claim *claim,
			   const X835Adjustment *adjustment)
{
	X835Output *out = x835_start_row(arg);

	put_int(out, 0, transaction->transaction_no, true);
	put_int(out, 1, claim->claim_no, true);
	put_int(out, 2, adjustment->line_no, adjustment->line_no > 0);
	put_text(out, 3, adjustment->group_code);
	put_text(out, 4, adjustment->reason_code);
	put_amount(out, 5, adjustment->amount, true);
	put_amount(out, 6, adjustment->quantity, adjustment->has_quantity);
	x835_put_row(out);
}

PG_FUNCTION_INFO_V1(x12_835_adjustments);
Datum
x12_835_adjustments(PG_FUNCTION_ARGS)
{
	return x835_rows(fcinfo, (X835Handler) {.adjustment = adjustment_row}, 7);
}

static void
provider_adjustment_row(void *arg, const X835Transaction *transaction,
						const X835ProviderAdjustment *adjustment)
{
	X835Output *out = x835_start_row(arg);

	put_int(out, 0, transaction->transaction_no, true);
	put_text(out, 1, adjustment->provider_id);
	put_date(out, 2, adjustment->fiscal_period_date, adjustment->has_fiscal_period_date);
	put_text(out, 3, adjustment->reason_code);
	put_text(out, 4, adjustment->reference);
	put_amount(out, 5, adjustment->amount, true);
	x835_put_row(out);
}

PG_FUNCTION_INFO_V1(x12_835_provider_adjustments);
Datum
x12_835_provider_adjustments(PG_FUNCTION_ARGS)
{
	return x835_rows(fcinfo, (X835Handler) {.provider_adjustment = provider_adjustment_row}, 6);
}

static void
imbalance_row(const X835Imbalance *imbalance, void *arg)
{
	X835Output *out = x835_start_row(arg);

	put_int(out, 0, imbalance->transaction_no, true);
	put_int(out, 1, imbalance->claim_no, imbalance->claim_no > 0);
	put_int(out, 2, imbalance->line_no, imbalance->line_no > 0);
	out->values[3] = CStringGetTextDatum(imbalance->rule);
	out->nulls[3] = false;
	put_sum(out, 4, imbalance->expected);
	put_sum(out, 5, imbalance->actual);
	x835_put_row(out);
}

PG_FUNCTION_INFO_V1(x12_835_balance);
Datum
x12_835_balance(PG_FUNCTION_ARGS)
{
	X835Output	out;
	X835Handler handler;
	X835BalanceState state;

	x835_balance_handler(&handler, &state, imbalance_row, &out);
	x835_parse_argument(fcinfo, &out, &handler, 6);
	x835_balance_finish(&state);
	return (Datum) 0;
}
