/*-------------------------------------------------------------------------
 * large_text.c
 *	  Reading a whole text argument of many megabytes (an 835 remittance
 *	  file) into memory that is cheap to fill.
 *
 * A 50 MB file stored compressed is 50 MB of freshly allocated memory once
 * decompressed.  PostgreSQL's detoasting writes it through 4 kB pages, one
 * page fault each (src/huge_pages.c).  Decompressing here instead, into a
 * buffer advised to use huge pages, takes 25 faults instead of 12,800.
 * Values stored otherwise go through PostgreSQL's own detoasting.
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "compat.h"
#include "huge_pages.h"
#include "large_text.h"

#include "access/detoast.h"
#include "access/toast_compression.h"
#include "common/pg_lzcompress.h"
#include "fmgr.h"

/*
 * lz4 (the loader's compression) when the server was built with it; the
 * library is then already loaded into the server.  Without its header
 * (Debian's liblz4-dev) lz4 values take PostgreSQL's path, as pglz would.
 */
#if defined(USE_LZ4) && defined(__has_include)
#if __has_include(<lz4.h>)
#include <lz4.h>
#define LARGE_TEXT_LZ4 1
#endif
#endif

/*
 * Decompress a compressed varlena into a buffer of our own, or return NULL
 * when its method is one this file cannot decompress.
 */
static char *
decompress_into_huge_pages(struct varlena *compressed, int32 *len)
{
	int32		rawsize = VARDATA_COMPRESSED_GET_EXTSIZE(compressed);
	const char *source = (const char *) compressed + VARHDRSZ_COMPRESSED;
	int32		source_len = VARSIZE(compressed) - VARHDRSZ_COMPRESSED;
	int			method = VARDATA_COMPRESSED_GET_COMPRESS_METHOD(compressed);
	char	   *buffer;
	int32		decompressed;

	if (method != TOAST_PGLZ_COMPRESSION_ID
#ifdef LARGE_TEXT_LZ4
		&& method != TOAST_LZ4_COMPRESSION_ID
#endif
		)
		return NULL;

	buffer = palloc(rawsize);
	huge_pages_advise(buffer, rawsize);
#ifdef LARGE_TEXT_LZ4
	if (method == TOAST_LZ4_COMPRESSION_ID)
		decompressed = LZ4_decompress_safe(source, buffer, source_len, rawsize);
	else
#endif
		decompressed = pglz_decompress(source, source_len, buffer, rawsize, true);

	/* the same check and message as PostgreSQL's own decompression */
	if (decompressed != rawsize)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg_internal("compressed %s data is corrupt",
								 method == TOAST_PGLZ_COMPRESSION_ID ? "pglz" : "lz4")));
	*len = rawsize;
	return buffer;
}

/*
 * The bytes of a text Datum, fetched and decompressed if stored so.  The
 * result may point into the Datum itself; large_text_release frees what
 * this allocated.
 */
LargeText
large_text_read(Datum value)
{
	struct varlena *given = (struct varlena *) DatumGetPointer(value);
	struct varlena *stored = given;
	struct varlena *plain;
	LargeText	result;

	/* the stored bytes of a value in the TOAST table: maybe compressed */
	if (VARATT_IS_EXTERNAL_ONDISK(given))
		stored = detoast_external_attr(given);

	if (VARATT_IS_COMPRESSED(stored))
	{
		char	   *buffer = decompress_into_huge_pages(stored, &result.len);

		if (buffer != NULL)
		{
			if (stored != given)
				pfree(stored);
			result.data = buffer;
			result.allocated = buffer;
			return result;
		}
	}

	/* anything else (plain, or a method not handled above): PostgreSQL's way */
	plain = pg_detoast_datum_packed(stored);
	if (stored != given && stored != plain)
		pfree(stored);
	result.data = VARDATA_ANY(plain);
	result.len = VARSIZE_ANY_EXHDR(plain);
	result.allocated = plain != given ? plain : NULL;
	return result;
}

void
large_text_release(LargeText *text)
{
	if (text->allocated != NULL)
		pfree(text->allocated);
	text->allocated = NULL;
	text->data = NULL;
	text->len = 0;
}
