/*-------------------------------------------------------------------------
 * x12_segments.c
 *	  X12 tokenizer: splits an interchange into segments and elements.
 *
 * Each ISA header declares the delimiters of its interchange: the element
 * separator is ISA's 4th character, the repetition separator ISA11 (5010
 * and later; older versions put a code there), the component separator
 * ISA16 and the segment terminator the character right after ISA16.  A
 * text may hold several interchanges, each with its own delimiters, so a
 * segment starting "ISA" re-reads them.  Spaces and line breaks after a
 * segment terminator are not part of the next segment.
 *
 * Segments and elements point into the caller's text: nothing is copied.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "x12_segments.h"

#include "datatype/timestamp.h"
#include "port/pg_bitutils.h"
#include "utils/datetime.h"

#ifdef __SSE2__
#include <emmintrin.h>
#define X12_SPLIT_SSE2 1
#endif

/* Longest piece of offending text quoted in an error message. */
#define X12_QUOTE_MAX 40

static inline bool
x12_is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v';
}

static inline bool
x12_is_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

void
x12_reader_init(X12Reader *reader, const char *text, int len)
{
	memset(reader, 0, sizeof(*reader));
	reader->pos = text;
	reader->end = text + len;
	/* a UTF-8 byte order mark, as some Windows tools write, is not text */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		reader->pos += 3;
}

/* Does an ISA header start at p: "ISA" and a non-alphanumeric separator? */
static inline bool
x12_at_isa(const char *p, const char *end)
{
	return end - p >= 4 && p[0] == 'I' && p[1] == 'S' && p[2] == 'A' && !x12_is_alnum(p[3]);
}

static void
x12_bad_isa(int64 number, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("not an X12 interchange"),
			 errdetail("The ISA header at segment %lld %s.", (long long) number, detail)));
}

/*
 * Read the delimiters of the ISA header at reader->pos; return where its
 * segment terminator is.  The header is found by counting 16 element
 * separators rather than by fixed offsets, so headers whose fields are not
 * padded to their fixed widths are read too.
 */
static const char *
x12_read_isa_delimiters(X12Reader *reader, int64 number)
{
	const char *p = reader->pos;
	char		element = p[3];
	const char *isa11 = NULL;
	const char *q;
	int			separators = 0;
	X12Delimiters *d = &reader->delimiters;

	for (q = p + 3; q < reader->end; q++)
	{
		if (*q != element)
			continue;
		if (++separators == 11)
			isa11 = q + 1;
		else if (separators == 16)
			break;
	}
	if (separators < 16 || reader->end - q < 3)
		x12_bad_isa(number, "is incomplete: it needs 16 elements and a segment terminator");
	d->element = element;
	d->component = q[1];
	d->segment = q[2];
	/*
	 * Delimiters are ASCII: a byte of a multibyte character would cut the
	 * characters around it, and the values returned would not be text.
	 */
	if (IS_HIGHBIT_SET(element) || IS_HIGHBIT_SET(d->component) || IS_HIGHBIT_SET(d->segment))
		x12_bad_isa(number, "declares a delimiter that is not an ASCII character");
	/* ISA11 is a separator only when it is one ASCII punctuation character */
	d->repetition = (isa11[1] == element && !x12_is_alnum(isa11[0]) && !IS_HIGHBIT_SET(isa11[0]))
		? isa11[0] : '\0';
	if (x12_is_alnum(d->component) || x12_is_alnum(d->segment) ||
		d->component == element || d->segment == element || d->segment == d->component ||
		(d->repetition != '\0' &&
		 (d->repetition == d->component || d->repetition == d->segment)))
		x12_bad_isa(number, "declares delimiters that are letters, digits or the same character twice");
	reader->in_interchange_text = true;
	return q + 2;
}

/* The start of a text that is not an X12 interchange, for the message. */
static void
x12_not_interchange(const char *p, const char *end)
{
	int			len = 0;

	while (p + len < end && len <= X12_QUOTE_MAX && p[len] != '\n' && p[len] != '\r')
		len++;
	len = x12_quote_len(p, len, X12_QUOTE_MAX);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("not an X12 interchange"),
			 errdetail("The text begins with \"%.*s\" where an ISA segment must begin.", len, p)));
}

/* Record the element that runs from start to the delimiter at stop. */
static inline void
x12_add_element(X12Segment *segment, int *n, const char *start, const char *stop)
{
	if (*n <= X12_MAX_ELEMENTS)
	{
		segment->elements[*n].data = start;
		segment->elements[*n].len = (int) (stop - start);
		(*n)++;
	}
}

/*
 * Split the segment at p into segment->elements, up to the segment
 * terminator or the end of the text; return where it stopped.  Where the
 * compiler targets SSE2 (every x86-64) the delimiters of 16 bytes are found
 * at once; the last bytes of the text, and other machines, go byte by byte.
 */
static const char *
x12_split_segment(X12Reader *reader, X12Segment *segment, const char *p)
{
	const char	element = reader->delimiters.element;
	const char	terminator = reader->delimiters.segment;
	const char *end = reader->end;
	const char *start = p;
	int			n = 0;

#ifdef X12_SPLIT_SSE2
	const __m128i elements = _mm_set1_epi8(element);
	const __m128i terminators = _mm_set1_epi8(terminator);

	for (; end - p >= 16; p += 16)
	{
		__m128i		bytes = _mm_loadu_si128((const __m128i *) p);
		uint32		delimiters = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(bytes, elements),
																 _mm_cmpeq_epi8(bytes, terminators)));

		for (; delimiters != 0; delimiters &= delimiters - 1)
		{
			const char *stop = p + pg_rightmost_one_pos32(delimiters);

			x12_add_element(segment, &n, start, stop);
			if (*stop == terminator)
			{
				p = stop;
				goto done;
			}
			start = stop + 1;
		}
	}
#endif
	for (; p < end && *p != terminator; p++)
	{
		if (*p == element)
		{
			x12_add_element(segment, &n, start, p);
			start = p + 1;
		}
	}
	x12_add_element(segment, &n, start, p);
#ifdef X12_SPLIT_SSE2
done:
#endif
	segment->nelements = n - 1;
	/* a line break as terminator: a CR of CRLF is not data */
	if (terminator == '\n')
	{
		X12Slice   *last = &segment->elements[segment->nelements];

		if (last->len > 0 && last->data[last->len - 1] == '\r')
			last->len--;
	}
	return p;
}

/* Check and copy the segment identifier (2 or 3 letters and digits). */
static void
x12_read_segment_id(X12Segment *segment)
{
	X12Slice	id = segment->elements[0];
	int			i;

	for (i = 0; i < id.len && i < 3 && x12_is_alnum(id.data[i]); i++)
		segment->id[i] = id.data[i];
	segment->id[i] = '\0';
	if (id.len < 2 || id.len > 3 || i != id.len)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("segment %lld: \"%.*s\" is not a segment identifier",
						(long long) segment->number, x12_quote_len(id.data, id.len, X12_QUOTE_MAX), id.data)));
}

/*
 * The next segment of the text, false at its end.  The last segment's
 * terminator may be missing.
 */
bool
x12_next_segment(X12Reader *reader, X12Segment *segment)
{
	const char *p = reader->pos;
	const char *stop;

	while (p < reader->end && x12_is_space(*p))
		p++;
	reader->pos = p;
	if (p == reader->end)
		return false;
	segment->number = ++reader->segments_read;
	segment->delimiters = &reader->delimiters;
	if (x12_at_isa(p, reader->end))
	{
		stop = x12_read_isa_delimiters(reader, segment->number);
		/* the ISA's fields are fixed: its terminator is where it said */
		if (x12_split_segment(reader, segment, p) != stop)
			x12_bad_isa(segment->number, "contains its own segment terminator");
	}
	else
	{
		if (!reader->in_interchange_text)
			x12_not_interchange(p, reader->end);
		stop = x12_split_segment(reader, segment, p);
	}
	reader->pos = stop < reader->end ? stop + 1 : stop;
	x12_read_segment_id(segment);
	return true;
}

/*
 * The first max components of a composite element, in components[0..max-1]
 * (those absent are empty), in one pass over it.
 */
void
x12_components(X12Slice element, char separator, X12Slice *components, int max)
{
	const char *p = element.data;
	const char *end = element.data + element.len;
	const char *start = p;
	int			n = 0;

	while (n < max)
	{
		if (p == end || *p == separator)
		{
			components[n].data = start;
			components[n].len = (int) (p - start);
			n++;
			if (p == end)
				break;
			start = p + 1;
		}
		p++;
	}
	for (; n < max; n++)
	{
		components[n].data = "";
		components[n].len = 0;
	}
}

/* The error of a malformed decimal (see x12_read_decimal). */
void
x12_bad_decimal(const X12Segment *segment, int n, const char *noun)
{
	X12Slice	e = x12_element(segment, n);

	x12_element_error(segment, n, ERRCODE_INVALID_TEXT_REPRESENTATION,
					  "\"%.*s\" is not %s", x12_quote_len(e.data, e.len, X12_QUOTE_MAX), e.data, noun);
}

/* The error of a required amount that is missing. */
void
x12_missing_amount(const X12Segment *segment, int n)
{
	x12_element_error(segment, n, ERRCODE_INVALID_TEXT_REPRESENTATION,
					  "the amount is missing");
}

/* A CCYYMMDD date; false when the element is empty. */
bool
x12_read_date(const X12Segment *segment, int n, DateADT *result)
{
	X12Slice	e = x12_element(segment, n);
	int			digits[8];
	int			year,
				month,
				day,
				i;

	if (e.len == 0)
		return false;
	for (i = 0; i < e.len && i < 8 && e.data[i] >= '0' && e.data[i] <= '9'; i++)
		digits[i] = e.data[i] - '0';
	if (e.len != 8 || i != 8)
		x12_element_error(segment, n, ERRCODE_INVALID_DATETIME_FORMAT,
						  "\"%.*s\" is not a date (CCYYMMDD)", x12_quote_len(e.data, e.len, X12_QUOTE_MAX), e.data);
	year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
	month = digits[4] * 10 + digits[5];
	day = digits[6] * 10 + digits[7];
	if (year < 1 || month < 1 || month > 12 || day < 1 ||
		day > day_tab[isleap(year)][month - 1])
		x12_element_error(segment, n, ERRCODE_DATETIME_FIELD_OVERFLOW,
						  "\"%.8s\" is not a date (CCYYMMDD)", e.data);
	*result = date2j(year, month, day) - POSTGRES_EPOCH_JDATE;
	return true;
}

/* An element the implementation guide requires. */
void
x12_require_element(const X12Segment *segment, int n, const char *what)
{
	if (x12_element(segment, n).len == 0)
		x12_element_error(segment, n, ERRCODE_INVALID_TEXT_REPRESENTATION,
						  "%s is missing", what);
}
