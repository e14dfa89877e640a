/*-------------------------------------------------------------------------
 * large_text.h
 *	  Reading a whole text argument of many megabytes (an 835 remittance
 *	  file) into memory that is cheap to fill.
 *-------------------------------------------------------------------------
 */
#ifndef CONTRACTS_LARGE_TEXT_H
#define CONTRACTS_LARGE_TEXT_H

#include "postgres.h"

/* The bytes of a text value; release with large_text_release. */
typedef struct LargeText
{
	const char *data;
	int32		len;
	void	   *allocated;		/* what to pfree, or NULL */
} LargeText;

extern LargeText large_text_read(Datum value);
extern void large_text_release(LargeText *text);

#endif
