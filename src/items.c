/*-------------------------------------------------------------------------
 * items.c
 *	  The shared `key: value` item lexer, value parsers and output helpers.
 *
 * All three types (contract, rate_schedule, capitation) are written as
 * items separated by `;` or newlines, each `key: value`.  A value may be
 * quoted with '...' (doubling '' inside) when it holds `;`, `:` or a
 * newline.  This file knows nothing about any one type's keys.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <ctype.h>

#include "items.h"

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "common/int.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/numeric.h"
#include "utils/tuplestore.h"

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Copy [start, end) with surrounding whitespace removed. */
char *
trimmed_copy(const char *start, const char *end)
{
	while (start < end && is_space(*start))
		start++;
	while (end > start && is_space(end[-1]))
		end--;
	return pnstrdup(start, end - start);
}

/*
 * Report a bad item with a detail and an optional hint.  Returns false so
 * callers can `return items_fail(...)` under soft error handling.  The
 * message says what kind of error it is: bad syntax (22P02), a number out
 * of range (22003), a limit exceeded (54000), or, from binary receive, bad
 * binary input (22P03, whatever the kind).
 */
static bool items_vfail(ItemParser *p, int sqlstate, const char *item,
						const char *hint, const char *detail_fmt, va_list args)
			pg_attribute_printf(5, 0);

static bool
items_vfail(ItemParser *p, int sqlstate, const char *item, const char *hint,
			const char *detail_fmt, va_list args)
{
	StringInfoData detail;

	initStringInfo(&detail);
	for (;;)
	{
		va_list		copy;
		int			needed;

		va_copy(copy, args);
		needed = appendStringInfoVA(&detail, detail_fmt, copy);
		va_end(copy);
		if (needed == 0)
			break;
		enlargeStringInfo(&detail, needed);
	}
	/* binary receive: everything wrong with the value is bad binary input */
	if (p->sqlstate == ERRCODE_INVALID_BINARY_REPRESENTATION)
		ereturn(p->escontext, false,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary value for type %s: \"%s\"", p->typname, item),
				 errdetail_internal("%s", detail.data),
				 hint ? errhint("%s", hint) : 0));
	ereturn(p->escontext, false,
			(errcode(sqlstate),
			 sqlstate == ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE ?
			 errmsg("value out of range for type %s: \"%s\"", p->typname, item) :
			 sqlstate == ERRCODE_PROGRAM_LIMIT_EXCEEDED ?
			 errmsg("value exceeds a limit of type %s: \"%s\"", p->typname, item) :
			 errmsg("invalid input syntax for type %s: \"%s\"", p->typname, item),
			 errdetail_internal("%s", detail.data),
			 hint ? errhint("%s", hint) : 0));
}

bool
items_fail(ItemParser *p, const char *item, const char *hint,
		   const char *detail_fmt,...)
{
	va_list		args;
	bool		result;

	va_start(args, detail_fmt);
	result = items_vfail(p, p->sqlstate, item, hint, detail_fmt, args);
	va_end(args);
	return result;
}

bool
items_fail_code(ItemParser *p, int sqlstate, const char *item,
				const char *hint, const char *detail_fmt,...)
{
	va_list		args;
	bool		result;

	va_start(args, detail_fmt);
	result = items_vfail(p, sqlstate, item, hint, detail_fmt, args);
	va_end(args);
	return result;
}

/* Undo '...' quoting of a value; false if text follows the closing quote. */
static bool
unquote_value(const char *raw, char **result)
{
	StringInfoData buf;
	const char *s = raw + 1;

	initStringInfo(&buf);
	for (;;)
	{
		if (*s == '\'' && s[1] == '\'')
		{
			appendStringInfoChar(&buf, '\'');
			s += 2;
		}
		else if (*s == '\'')
			break;
		else
			appendStringInfoChar(&buf, *s++);
	}
	*result = buf.data;
	return s[1] == '\0';
}

/*
 * The most items any value is split into: room for a rate_schedule's
 * 1,000,000 entries and its policies, and a bound on the lexer's memory
 * (about 300 MB) whatever the input.
 */
#define ITEMS_MAX (1 << 21)

/*
 * Split input into items.  An item ends at `;` or a newline outside a
 * quoted value; blank items are skipped.  A value is quoted only when it
 * starts with a quote, so apostrophes inside plain text are ordinary.
 */
bool
items_split(ItemParser *p, const char *input, ParsedItem **items_out, int *nitems_out)
{
	int			capacity = 16;
	int			nitems = 0;
	ParsedItem	   *items = palloc(capacity * sizeof(ParsedItem));
	const char *s = input;

	while (*s)
	{
		const char *start = s;
		const char *colon = NULL;
		bool		in_quote = false;
		bool		value_started = false;
		const char *end;
		ParsedItem		item;

		CHECK_FOR_INTERRUPTS();	/* a million items take a while */

		for (; *s; s++)
		{
			if (in_quote)
			{
				if (*s == '\'' && s[1] == '\'')
					s++;
				else if (*s == '\'')
					in_quote = false;
				continue;
			}
			if (*s == ';' || *s == '\n')
				break;
			if (colon == NULL && *s == ':')
				colon = s;
			else if (colon != NULL && !value_started && !is_space(*s))
			{
				value_started = true;
				in_quote = (*s == '\'');
			}
		}
		end = s;
		if (*s)
			s++;
		item.text = trimmed_copy(start, end);
		if (item.text[0] == '\0')
			continue;
		if (in_quote)
			return items_fail(p, item.text, "Close the quote with ', and write '' for a quote inside.",
							  "The quoted value is not closed.");
		if (colon == NULL)
			return items_fail(p, item.text, "Write each item as \"key: value\", separated by \";\" or newlines.",
							  "The item has no \":\".");
		item.key = trimmed_copy(start, colon);
		if (item.key[0] == '\0')
			return items_fail(p, item.text, NULL, "The item has no key before \":\".");
		item.value = trimmed_copy(colon + 1, end);
		item.quoted = (item.value[0] == '\'');
		if (item.quoted && !unquote_value(item.value, &item.value))
			return items_fail(p, item.text, NULL, "Text follows the closing quote.");
		if (nitems == capacity)
		{
			if (capacity >= ITEMS_MAX)
				return items_fail_code(p, ERRCODE_PROGRAM_LIMIT_EXCEEDED, item.text, NULL,
									   "A value holds at most %d items.", ITEMS_MAX);
			capacity *= 2;
			items = repalloc(items, capacity * sizeof(ParsedItem));
		}
		items[nitems++] = item;
	}
	*items_out = items;
	*nitems_out = nitems;
	return true;
}

/*
 * Parse a non-negative decimal with at most `scale` fractional digits into
 * an integer of 10^-scale units, at most `max`.
 */
bool
parse_decimal(ItemParser *p, const ParsedItem *item, const char *s, int scale,
			  int64 max, int64 *result)
{
	const char *c = s;
	int64		value = 0;
	int			frac = -1;
	int			digits = 0;

	if (*c == '-')
		return items_fail(p, item->text, NULL, "\"%s\" is negative; %s must not be negative.", s, item->key);
	for (; *c; c++)
	{
		if (*c == '.' && frac < 0)
		{
			frac = 0;
			continue;
		}
		if (!isdigit((unsigned char) *c))
			return items_fail(p, item->text, NULL, "\"%s\" is not a number.", s);
		if (frac >= 0 && ++frac > scale)
			return items_fail(p, item->text, NULL, "\"%s\" has more than %d decimal places.", s, scale);
		if (pg_mul_s64_overflow(value, 10, &value) ||
			pg_add_s64_overflow(value, *c - '0', &value) || value > max)
			return items_fail_code(p, ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE, item->text, NULL,
								   "\"%s\" is out of range for %s.", s, item->key);
		digits++;
	}
	if (digits == 0)
		return items_fail(p, item->text, NULL, "\"%s\" is not a number.", s);
	for (frac = Max(frac, 0); frac < scale; frac++)
	{
		if (pg_mul_s64_overflow(value, 10, &value) || value > max)
			return items_fail_code(p, ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE, item->text, NULL,
								   "\"%s\" is out of range for %s.", s, item->key);
	}
	*result = value;
	return true;
}

/*
 * Parse a percentage, "12.5%" or "12.5", into millionths of a percent.
 * Percentages are whole numbers: "65" means 65%, never 0.65%.
 */
bool
parse_percent(ItemParser *p, const ParsedItem *item, const char *s, int64 max,
			  int64 *micro)
{
	char	   *number = pstrdup(s);
	size_t		len = strlen(number);

	if (len > 0 && number[len - 1] == '%')
		number[--len] = '\0';
	while (len > 0 && is_space(number[len - 1]))
		number[--len] = '\0';
	if (number[0] == '-')
		return items_fail(p, item->text, NULL, "\"%s\" is negative; %s must not be negative.", s, item->key);
	if (len == 0)
		return items_fail(p, item->text, NULL, "\"%s\" is not a number.", s);
	if (!parse_decimal(p, item, number, 6, INT64CONST(1000000000000), micro))
		return false;
	if (*micro > max)
		return items_fail(p, item->text, NULL, "%s is over %s%%.", s,
						  format_decimal(max, 6, 0));
	return true;
}

/* Parse an ISO date, YYYY-MM-DD, rejecting impossible days. */
bool
parse_date(ItemParser *p, const ParsedItem *item, const char *s, DateADT *result)
{
	int			year,
				month,
				day;
	int			i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return items_fail(p, item->text, NULL, "\"%s\" is not a date of the form YYYY-MM-DD.", s);
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char) s[i]))
			return items_fail(p, item->text, NULL, "\"%s\" is not a date of the form YYYY-MM-DD.", s);
	year = atoi(s);
	month = atoi(s + 5);
	day = atoi(s + 8);
	if (year < 1 || month < 1 || month > 12 || day < 1 ||
		day > day_tab[isleap(year)][month - 1])
		return items_fail(p, item->text, NULL, "\"%s\" is not a valid date.", s);
	*result = date2j(year, month, day) - POSTGRES_EPOCH_JDATE;
	return true;
}

/*
 * Render an integer of 10^-scale units, keeping at least min_frac decimals:
 * one allocation (a large schedule prints a million of these).
 */
char *
format_decimal(int64 value, int scale, int min_frac)
{
	char		buf[48];
	char	   *end = buf + sizeof(buf);
	char	   *p = end;
	uint64		magnitude = value < 0 ? -(uint64) value : (uint64) value;
	int			frac_digits = scale;
	int			i;

	*--p = '\0';
	/* drop trailing fractional zeros down to min_frac */
	while (frac_digits > min_frac && magnitude % 10 == 0)
	{
		magnitude /= 10;
		frac_digits--;
	}
	for (i = 0; i < frac_digits; i++)
	{
		*--p = '0' + (int) (magnitude % 10);
		magnitude /= 10;
	}
	if (frac_digits > 0)
		*--p = '.';
	do
	{
		*--p = '0' + (int) (magnitude % 10);
		magnitude /= 10;
	} while (magnitude > 0);
	if (value < 0)
		*--p = '-';
	return pnstrdup(p, end - p - 1);
}

/* Does free text need '...' to survive the lexer unchanged? */
static bool
needs_quotes(const char *s)
{
	size_t		len = strlen(s);

	if (len == 0 || is_space(s[0]) || is_space(s[len - 1]) || s[0] == '\'')
		return true;
	return strpbrk(s, ";:\n\r") != NULL;
}

static void
append_quoted(StringInfo buf, const char *s)
{
	if (!needs_quotes(s))
	{
		appendStringInfoString(buf, s);
		return;
	}
	appendStringInfoChar(buf, '\'');
	for (; *s; s++)
	{
		if (*s == '\'')
			appendStringInfoChar(buf, '\'');
		appendStringInfoChar(buf, *s);
	}
	appendStringInfoChar(buf, '\'');
}

/* Canonical text: "key: value; key: value". */
char *
terms_to_cstring(const Term *terms, int nterms)
{
	StringInfoData buf;
	int			i;

	initStringInfo(&buf);
	for (i = 0; i < nterms; i++)
	{
		CHECK_FOR_INTERRUPTS();
		if (i > 0)
			appendStringInfoString(&buf, "; ");
		appendStringInfoString(&buf, terms[i].key);
		appendStringInfoString(&buf, ": ");
		if (terms[i].kind == TERM_TEXT)
			append_quoted(&buf, terms[i].value);
		else
			appendStringInfoString(&buf, terms[i].value);
	}
	return buf.data;
}

static void
push_string(JsonbParseState **state, JsonbIteratorToken token, const char *s)
{
	JsonbValue	v;

	v.type = jbvString;
	v.val.string.val = (char *) s;
	v.val.string.len = strlen(s);
	pushJsonbValue(state, token, &v);
}

static void
push_number(JsonbParseState **state, const char *s)
{
	JsonbValue	v;
	char	   *number = pstrdup(s);
	size_t		len = strlen(number);

	if (len > 0 && number[len - 1] == '%')
		number[len - 1] = '\0';
	v.type = jbvNumeric;
	v.val.numeric = DatumGetNumeric(DirectFunctionCall3(numeric_in,
														CStringGetDatum(number),
														ObjectIdGetDatum(InvalidOid),
														Int32GetDatum(-1)));
	pushJsonbValue(state, WJB_VALUE, &v);
}

/*
 * The jsonb shape shared by the types: an object with the text form's keys;
 * numbers and percentages as JSON numbers (percent units), lists as arrays
 * of strings, everything else as strings.
 */
Jsonb *
terms_to_jsonb(const Term *terms, int nterms)
{
	JsonbParseState *state = NULL;
	JsonbValue *result;
	int			i,
				j;

	pushJsonbValue(&state, WJB_BEGIN_OBJECT, NULL);
	for (i = 0; i < nterms; i++)
	{
		CHECK_FOR_INTERRUPTS();
		push_string(&state, WJB_KEY, terms[i].key);
		switch (terms[i].kind)
		{
			case TERM_NUMBER:
			case TERM_PERCENT:
				push_number(&state, terms[i].value);
				break;
			case TERM_BOOL:
				{
					JsonbValue	v = {.type = jbvBool};

					v.val.boolean = strcmp(terms[i].value, "true") == 0;
					pushJsonbValue(&state, WJB_VALUE, &v);
				}
				break;
			case TERM_LIST:
				pushJsonbValue(&state, WJB_BEGIN_ARRAY, NULL);
				for (j = 0; j < terms[i].nelems; j++)
					push_string(&state, WJB_ELEM, terms[i].elems[j]);
				pushJsonbValue(&state, WJB_END_ARRAY, NULL);
				break;
			default:
				push_string(&state, WJB_VALUE, terms[i].value);
				break;
		}
	}
	result = pushJsonbValue(&state, WJB_END_OBJECT, NULL);
	return JsonbValueToJsonb(result);
}

/* Return the terms as (key text, value text) rows of a set-returning function. */
void
terms_materialize(FunctionCallInfo fcinfo, const Term *terms, int nterms)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			i;

	InitMaterializedSRF(fcinfo, 0);
	for (i = 0; i < nterms; i++)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};

		CHECK_FOR_INTERRUPTS();
		values[0] = CStringGetTextDatum(terms[i].key);
		values[1] = CStringGetTextDatum(terms[i].value);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
}

/* Render a jsonb scalar as an item value. */
static void
append_jsonb_scalar(StringInfo buf, JsonbValue *v, const char *key,
					const char *typname)
{
	switch (v->type)
	{
		case jbvString:
			append_quoted(buf, pnstrdup(v->val.string.val, v->val.string.len));
			break;
		case jbvNumeric:
			appendStringInfoString(buf, DatumGetCString(DirectFunctionCall1(numeric_out,
																			NumericGetDatum(v->val.numeric))));
			break;
		case jbvBool:
			appendStringInfoString(buf, v->val.boolean ? "true" : "false");
			break;
		default:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cannot cast jsonb to type %s: key \"%s\" holds a %s",
							typname, key, JsonbTypeName(v)),
					 errdetail("Values are strings, numbers, booleans or arrays of them.")));
	}
}

/*
 * Turn a jsonb object into item text, "key: value; ...", for the type's
 * text parser to validate: one parser, whichever way the value arrives.
 * JSON null means the key is absent; arrays become comma lists.
 */
char *
jsonb_to_items_text(Jsonb *jb, const char *typname)
{
	StringInfoData buf;
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken token;
	char	   *key = NULL;
	int			depth = 0;
	int			nelems = 0;

	if (!JB_ROOT_IS_OBJECT(jb))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot cast jsonb %s to type %s",
						JB_ROOT_IS_SCALAR(jb) ? "scalar" : "array", typname),
				 errhint("Pass a jsonb object with the type's keys.")));
	initStringInfo(&buf);
	it = JsonbIteratorInit(&jb->root);
	while ((token = JsonbIteratorNext(&it, &v, false)) != WJB_DONE)
	{
		CHECK_FOR_INTERRUPTS();
		switch (token)
		{
			case WJB_BEGIN_OBJECT:
			case WJB_BEGIN_ARRAY:
				if (++depth > 1 && (token == WJB_BEGIN_OBJECT || depth > 2))
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("cannot cast jsonb to type %s: key \"%s\" holds a nested %s",
									typname, key, token == WJB_BEGIN_OBJECT ? "object" : "array")));
				if (token == WJB_BEGIN_ARRAY)
				{
					appendStringInfo(&buf, "%s: ", key);
					nelems = 0;
				}
				break;
			case WJB_END_OBJECT:
			case WJB_END_ARRAY:
				depth--;
				if (token == WJB_END_ARRAY)
					appendStringInfoString(&buf, "\n");
				break;
			case WJB_KEY:
				key = pnstrdup(v.val.string.val, v.val.string.len);
				if (strpbrk(key, ";:\n'") != NULL)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("cannot cast jsonb to type %s: invalid key \"%s\"",
									typname, key)));
				break;
			case WJB_VALUE:
				if (v.type == jbvNull)
					break;
				appendStringInfo(&buf, "%s: ", key);
				append_jsonb_scalar(&buf, &v, key, typname);
				appendStringInfoString(&buf, "\n");
				break;
			case WJB_ELEM:
				if (v.type == jbvString &&
					memchr(v.val.string.val, ',', v.val.string.len) != NULL)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("cannot cast jsonb to type %s: an element of \"%s\" holds a comma",
									typname, key),
							 errdetail("Each array element is one value; write two values as two elements.")));
				if (nelems++ > 0)
					appendStringInfoString(&buf, ", ");
				append_jsonb_scalar(&buf, &v, key, typname);
				break;
			default:
				break;
		}
	}
	return buf.data;
}

/*
 * Binary form of every type here: a format version byte, then the
 * canonical text.  Receive runs the text parser, so it validates exactly
 * what text input does.
 */
bytea *
items_send(const char *text, int version)
{
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, version);
	pq_sendtext(&buf, text, strlen(text));
	return pq_endtypsend(&buf);
}

/*
 * A stored value, detoasted; one in a format version this code does not
 * read (corrupted, or written by a later release) is refused as data
 * corrupted rather than misread.
 */
void *
items_detoast_versioned(Datum d, const char *typname, int first_version, int last_version)
{
	struct varlena *v = PG_DETOAST_DATUM(d);
	int			version = ((const uint8 *) v)[VARHDRSZ];

	if (unlikely(version < first_version || version > last_version))
	{
		if (first_version == last_version)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("%s value has unsupported format version %d", typname, version),
					 errdetail("This server reads %s format %d.", typname, first_version)));
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("%s value has unsupported format version %d", typname, version),
				 errdetail("This server reads %s formats %d to %d.", typname, first_version, last_version)));
	}
	return v;
}

/*
 * The canonical text of a binary value, after checking its version byte.
 * Everything wrong with the bytes is bad binary input (22P03): a missing
 * version byte, another version, text that is not valid in the client
 * encoding (or holds a NUL byte).
 */
char *
items_recv_text(StringInfo buf, int version, const char *typname)
{
	int			got;
	int			nbytes;
	const char *bytes;
	char	   *text;

	if (buf->cursor >= buf->len)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary value for type %s", typname),
				 errdetail("The value is empty; it starts with a format version byte.")));
	got = pq_getmsgbyte(buf);
	if (got != version)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported binary format version %d for type %s", got, typname),
				 errdetail("This server reads version %d.", version)));
	nbytes = buf->len - buf->cursor;
	bytes = pq_getmsgbytes(buf, nbytes);
	if (!pg_verify_mbstr(pg_get_client_encoding(), bytes, nbytes, true))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary value for type %s", typname),
				 errdetail("The text is not valid in the client encoding %s.",
						   pg_encoding_to_char(pg_get_client_encoding()))));
	text = pg_client_to_server(bytes, nbytes);
	return text == bytes ? pnstrdup(bytes, nbytes) : text;
}

/*
 * Every type here stores a canonical form with zeroed padding, so equality
 * is a byte comparison and hashing a hash of the bytes.  The SQL equality,
 * ordering and hash functions of all the types are the ones below.
 */
static bool
canonical_equal(FunctionCallInfo fcinfo)
{
	struct varlena *a = PG_GETARG_VARLENA_P(0);
	struct varlena *b = PG_GETARG_VARLENA_P(1);

	return VARSIZE(a) == VARSIZE(b) && memcmp(a, b, VARSIZE(a)) == 0;
}

PG_FUNCTION_INFO_V1(canonical_eq);
Datum
canonical_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(canonical_equal(fcinfo));
}

PG_FUNCTION_INFO_V1(canonical_ne);
Datum
canonical_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!canonical_equal(fcinfo));
}

PG_FUNCTION_INFO_V1(canonical_hash);
Datum
canonical_hash(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_GETARG_VARLENA_P(0);

	return hash_any((unsigned char *) VARDATA(v), VARSIZE(v) - VARHDRSZ);
}

PG_FUNCTION_INFO_V1(canonical_hash_extended);
Datum
canonical_hash_extended(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_GETARG_VARLENA_P(0);

	return hash_any_extended((unsigned char *) VARDATA(v), VARSIZE(v) - VARHDRSZ,
							 PG_GETARG_INT64(1));
}

/*
 * The btree order of every type here: the canonical bytes compared as
 * unsigned bytes, a prefix first.  It has no meaning beyond being a total
 * order that agrees with equality, which is what DISTINCT, ORDER BY,
 * UNIQUE indexes and merge joins need.
 */
static int
canonical_compare(FunctionCallInfo fcinfo)
{
	struct varlena *a = PG_GETARG_VARLENA_PP(0);
	struct varlena *b = PG_GETARG_VARLENA_PP(1);
	Size		alen = VARSIZE_ANY_EXHDR(a);
	Size		blen = VARSIZE_ANY_EXHDR(b);
	int			c = memcmp(VARDATA_ANY(a), VARDATA_ANY(b), Min(alen, blen));

	if (c == 0)
		c = (alen > blen) - (alen < blen);
	else
		c = (c > 0) - (c < 0);
	PG_FREE_IF_COPY(a, 0);
	PG_FREE_IF_COPY(b, 1);
	return c;
}

PG_FUNCTION_INFO_V1(canonical_cmp);
Datum
canonical_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(canonical_compare(fcinfo));
}

PG_FUNCTION_INFO_V1(canonical_lt);
Datum
canonical_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(canonical_compare(fcinfo) < 0);
}

PG_FUNCTION_INFO_V1(canonical_le);
Datum
canonical_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(canonical_compare(fcinfo) <= 0);
}

PG_FUNCTION_INFO_V1(canonical_gt);
Datum
canonical_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(canonical_compare(fcinfo) > 0);
}

PG_FUNCTION_INFO_V1(canonical_ge);
Datum
canonical_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(canonical_compare(fcinfo) >= 0);
}
