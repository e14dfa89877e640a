/*-------------------------------------------------------------------------
 * x12_segments.h
 *	  X12 tokenizer: segments and elements of an interchange, with the
 *	  delimiters each ISA header declares, and readers for element values
 *	  (exact decimals, CCYYMMDD dates) that report errors by position.
 *-------------------------------------------------------------------------
 */
#ifndef CONTRACTS_X12_SEGMENTS_H
#define CONTRACTS_X12_SEGMENTS_H

#include "postgres.h"

#include "fixed.h"
#include "mb/pg_wchar.h"
#include "utils/date.h"

/* A piece of the input text; not NUL-terminated. */
typedef struct X12Slice
{
	const char *data;
	int			len;
} X12Slice;

/* Segments with more elements keep the first X12_MAX_ELEMENTS. */
#define X12_MAX_ELEMENTS 32

typedef struct X12Delimiters
{
	char		element;		/* ISA's 4th character */
	char		repetition;		/* ISA11 (5010 and later), else '\0' */
	char		component;		/* ISA16 */
	char		segment;		/* the character after ISA16 */
} X12Delimiters;

typedef struct X12Segment
{
	int64		number;			/* 1-based position in the whole text */
	char		id[4];			/* "CLP", NUL-terminated */
	int			nelements;		/* elements after the identifier */
	X12Slice	elements[X12_MAX_ELEMENTS + 1]; /* [1..nelements]; [0] is the id */
	const X12Delimiters *delimiters;
} X12Segment;

typedef struct X12Reader
{
	const char *pos;
	const char *end;
	int64		segments_read;
	bool		in_interchange_text;	/* an ISA header has been read */
	X12Delimiters delimiters;
} X12Reader;

extern void x12_reader_init(X12Reader *reader, const char *text, int len);
extern bool x12_next_segment(X12Reader *reader, X12Segment *segment);

/* Element n (1-based) of a segment; empty when absent. */
static inline X12Slice
x12_element(const X12Segment *segment, int n)
{
	X12Slice	empty = {"", 0};

	return n <= segment->nelements ? segment->elements[n] : empty;
}

static inline bool
x12_element_is(const X12Segment *segment, int n, const char *value)
{
	X12Slice	e = x12_element(segment, n);

	return e.len == (int) strlen(value) && memcmp(e.data, value, e.len) == 0;
}

/*
 * How many bytes of s (len bytes) to quote in a message: at most limit, and
 * never part of a multibyte character, so the message stays valid text.
 */
static inline int
x12_quote_len(const char *s, int len, int limit)
{
	return len <= limit ? len : pg_mbcliplen(s, len, limit);
}

extern void x12_components(X12Slice element, char separator, X12Slice *components, int max);

extern void x12_bad_decimal(const X12Segment *segment, int n, const char *noun) pg_attribute_noreturn();
extern void x12_missing_amount(const X12Segment *segment, int n) pg_attribute_noreturn();

/* Read the digits at *p (up to end) into *value; how many there were. */
static inline int
x12_read_digits(const char **p, const char *end, uint64 *value)
{
	const char *start = *p;
	const char *q = start;
	uint64		v = *value;

	for (; q < end && (unsigned char) (*q - '0') <= 9; q++)
		v = v * 10 + (uint64) (*q - '0');
	*value = v;
	*p = q;
	return (int) (q - start);
}

/*
 * An X12 decimal ("R": [-]digits[.digits], at most 18 digits) as an exact
 * fixed-point number with the scale written.  False when the element is
 * empty; an error names the element when it is malformed.  Inline: a
 * remittance has several amounts in each of its million segments.
 */
static inline bool
x12_read_decimal(const X12Segment *segment, int n, const char *noun, Fixed64 *result)
{
	X12Slice	e = x12_element(segment, n);
	const char *p = e.data;
	const char *end = e.data + e.len;
	bool		negative;
	uint64		value = 0;
	int			digits;
	int			scale = 0;

	if (e.len == 0)
		return false;
	negative = *p == '-';
	p += negative;
	digits = x12_read_digits(&p, end, &value);
	if (p < end && *p == '.')
	{
		p++;
		scale = x12_read_digits(&p, end, &value);
		digits += scale;
	}
	/* 18 digits fit in an int64; value wrapped only if there were more */
	if (p != end || digits == 0 || digits > 18)
		x12_bad_decimal(segment, n, noun);
	result->value = negative ? -(int64) value : (int64) value;
	result->scale = scale;
	return true;
}

/* A required amount: an error when it is missing. */
static inline Fixed64
x12_required_amount(const X12Segment *segment, int n)
{
	Fixed64		amount;

	if (!x12_read_decimal(segment, n, "an amount", &amount))
		x12_missing_amount(segment, n);
	return amount;
}

extern bool x12_read_date(const X12Segment *segment, int n, DateADT *result);
extern void x12_require_element(const X12Segment *segment, int n, const char *what);

/*
 * Errors name the segment's position in the text (and the element's), so
 * that the user can find the bad spot in a file of a million segments.
 * Macros rather than functions: ereport(ERROR) tells the compiler they do
 * not return.
 */
#define x12_segment_error(segment, sqlerrcode, fmt, ...) \
	ereport(ERROR, \
			(errcode(sqlerrcode), \
			 errmsg("segment %lld (%s): " fmt, \
					(long long) (segment)->number, (segment)->id, ##__VA_ARGS__)))

#define x12_element_error(segment, n, sqlerrcode, fmt, ...) \
	ereport(ERROR, \
			(errcode(sqlerrcode), \
			 errmsg("segment %lld (%s), element %d: " fmt, \
					(long long) (segment)->number, (segment)->id, (n), ##__VA_ARGS__)))

#endif							/* CONTRACTS_X12_SEGMENTS_H */
