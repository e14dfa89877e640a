-- Stored values of a format version this code did not write (data
-- corrupted, or written by a later release) are refused, XX001, not
-- misread.  No SQL function writes one: a test-only type of raw bytes,
-- double-aligned like the extension's types, is cast to them without
-- conversion (superuser only, so here and not in a regression file, which
-- test/nonsuperuser.sh also runs as a database owner).  Binary receive
-- checks its own version byte (22P03, in expected/binary.out).
BEGIN;
SELECT plan(10);

SET LOCAL client_min_messages = warning;
CREATE TYPE raw_bytes;
CREATE FUNCTION raw_bytes_in(cstring) RETURNS raw_bytes AS 'byteain' LANGUAGE internal IMMUTABLE STRICT;
CREATE FUNCTION raw_bytes_out(raw_bytes) RETURNS cstring AS 'byteaout' LANGUAGE internal IMMUTABLE STRICT;
CREATE TYPE raw_bytes (INPUT = raw_bytes_in, OUTPUT = raw_bytes_out, INTERNALLENGTH = VARIABLE,
                       ALIGNMENT = double, STORAGE = plain);
CREATE CAST (raw_bytes AS rate_schedule) WITHOUT FUNCTION;
CREATE CAST (raw_bytes AS capitation) WITHOUT FUNCTION;
CREATE CAST (raw_bytes AS contract) WITHOUT FUNCTION;
RESET client_min_messages;

-- The fixed part of each: a rate_schedule's header is 188 bytes after the
-- varlena header, a capitation 272; all zero but the version byte.
SELECT is((('\x01' || repeat('00', 187))::raw_bytes::rate_schedule)::text, '',
          'a zeroed rate_schedule of format 1 reads: no entries');
SELECT is((('\x01' || repeat('00', 271))::raw_bytes::capitation)::text, '',
          'a zeroed capitation of format 1 reads: no terms');
SELECT throws_ok($$SELECT (('\x02' || repeat('00', 187))::raw_bytes::rate_schedule)::text$$,
                 'XX001', 'rate_schedule value has unsupported format version 2',
                 'a rate_schedule of format 2 is refused');
SELECT throws_ok($$SELECT expected_allowed(('\x07' || repeat('00', 187))::raw_bytes::rate_schedule, '99213')$$,
                 'XX001', 'rate_schedule value has unsupported format version 7',
                 'pricing refuses it too (the schedule cache decodes through the same check)');
SELECT throws_ok($$SELECT ('\x01' || repeat('00', 187))::raw_bytes::rate_schedule || ('\x09' || repeat('00', 187))::raw_bytes::rate_schedule$$,
                 'XX001', 'rate_schedule value has unsupported format version 9',
                 'so does ||');
SELECT throws_ok($$SELECT (('\x02' || repeat('00', 271))::raw_bytes::capitation)::text$$,
                 'XX001', 'capitation value has unsupported format version 2',
                 'a capitation of format 2 is refused');
-- A contract is refused on its version byte before anything else is read.
SELECT throws_ok($$SELECT (('\x03' || repeat('00', 271))::raw_bytes::contract)::text$$,
                 'XX001', 'contract value has unsupported format version 3',
                 'a contract of format 3 is refused (it reads formats 1 and 2)');

-- The detail says which formats this server reads.
CREATE FUNCTION pg_temp.corrupted_detail(query text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
    detail text;
BEGIN
    EXECUTE query;
    RETURN NULL;
EXCEPTION WHEN data_corrupted THEN
    GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
    RETURN detail;
END $f$;
SELECT is(pg_temp.corrupted_detail($$SELECT (('\x02' || repeat('00', 187))::raw_bytes::rate_schedule)::text$$),
          'This server reads rate_schedule format 1.', 'the rate_schedule detail');
SELECT is(pg_temp.corrupted_detail($$SELECT (('\x02' || repeat('00', 271))::raw_bytes::capitation)::text$$),
          'This server reads capitation format 1.', 'the capitation detail');
SELECT is(pg_temp.corrupted_detail($$SELECT (('\x03' || repeat('00', 271))::raw_bytes::contract)::text$$),
          'This server reads contract formats 1 to 2.', 'the contract detail');

SELECT * FROM finish();
ROLLBACK;
