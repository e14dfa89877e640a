-- The 835 functions read a remittance however PostgreSQL stored it: in the
-- TOAST table compressed with pglz (the default) or lz4 (the loader's
-- choice, when the server has it), in the TOAST table uncompressed
-- (STORAGE EXTERNAL), compressed inside the row, or a plain value built in
-- the query.  Compressed values are decompressed by the extension itself
-- (src/large_text.c), into memory advised to use huge pages when the text
-- is large enough (4.9 MB here); every form must give the same rows.
BEGIN;
SELECT plan(22);

-- A valid 835 of n claims, each with three service lines, two CAS each.
CREATE FUNCTION pg_temp.remit(n int) RETURNS text LANGUAGE sql AS $f$
SELECT 'ISA*00*          *00*          *ZZ*ACMEHEALTH     *ZZ*SMITHFP        *240315*1200*^*00501*000000001*0*P*:~'
    || 'GS*HP*ACMEHEALTH*SMITHFP*20240315*1200*1*X*005010X221A1~ST*835*0001~'
    || 'BPR*I*100.00*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20240315~'
    || 'TRN*1*EFT1*1512345678~N1*PR*ACME HEALTH PLAN*XV*ACME01~N1*PE*SMITH FAMILY PRACTICE*XX*1234567893~LX*1~'
    || string_agg(format('CLP*PCN%1$s*1*%2$s.00*%3$s.00*90.00*12*PAYER%1$s~NM1*QC*1*DOE*JANE****MI*W%1$s~DTM*232*20240220~', c, 300 + c % 50, 210 + c % 50)
                  || (SELECT string_agg(format('SVC*HC:992%s:25*%s.00*%s.00**1~DTM*472*20240220~CAS*CO*45*20.00~CAS*PR*2*10.00~AMT*B6*%s.00~REF*6R*L%s~',
                                               10 + l, 100 + (c + l) % 50, 70 + (c + l) % 50, 90 + (c + l) % 50, l), '' ORDER BY l)
                      FROM generate_series(1, 3) AS l), '' ORDER BY c)
    || format('SE*%s*0001~GE*1*1~IEA*1*000000001~', 7 + 21 * n)
FROM generate_series(1, n) AS c
$f$;

-- Every column of every row of three of the functions, as one digest.
CREATE FUNCTION pg_temp.digest(content text) RETURNS text LANGUAGE sql AS $f$
SELECT md5((SELECT string_agg(l::text, E'\n' ORDER BY l.claim_no, l.line_no) FROM x12_835_lines(content) l)
        || (SELECT string_agg(a::text, E'\n' ORDER BY a.claim_no, a.line_no, a.reason_code) FROM x12_835_adjustments(content) a)
        || (SELECT string_agg(c::text, E'\n' ORDER BY c.claim_no) FROM x12_835_claims(content) c))
$f$;

CREATE TEMP TABLE big (content text);
INSERT INTO big VALUES (pg_temp.remit(12000));
SELECT cmp_ok(length(content), '>', 4000000, 'the large text is over 4 MB') FROM big;
SELECT is((SELECT count(*) FROM big, x12_835_lines(content)), 36000::bigint,
          'its 36,000 service lines are read');

-- The reference: a plain value made in the query (not stored at all).
CREATE TEMP TABLE expected AS SELECT pg_temp.digest(content || '') AS digest FROM big;

-- pglz in the TOAST table
CREATE TEMP TABLE stored_pglz (content text COMPRESSION pglz);
INSERT INTO stored_pglz SELECT content || '' FROM big;
SELECT is(pg_column_compression(content), 'pglz', 'pglz: stored compressed') FROM stored_pglz;
SELECT cmp_ok(pg_column_size(content), '<', 1000000, 'pglz: stored at under a fifth of its size') FROM stored_pglz;
SELECT is(pg_temp.digest(content), (SELECT digest FROM expected), 'pglz, in the TOAST table: the same rows')
FROM stored_pglz;

-- lz4 in the TOAST table, when the server was built with lz4
CREATE FUNCTION pg_temp.check_lz4() RETURNS SETOF text LANGUAGE plpgsql AS $f$
BEGIN
    BEGIN
        CREATE TEMP TABLE stored_lz4 (content text COMPRESSION lz4);
    EXCEPTION WHEN feature_not_supported THEN
        RETURN NEXT skip('this server has no lz4', 3);
        RETURN;
    END;
    INSERT INTO stored_lz4 SELECT content || '' FROM big;
    RETURN QUERY SELECT is(pg_column_compression(content), 'lz4', 'lz4: stored compressed') FROM stored_lz4;
    RETURN QUERY SELECT cmp_ok(pg_column_size(content), '<', 1000000, 'lz4: stored at under a fifth of its size')
        FROM stored_lz4;
    RETURN QUERY SELECT is(pg_temp.digest(content), (SELECT digest FROM expected),
                           'lz4, in the TOAST table: the same rows') FROM stored_lz4;
END $f$;
SELECT * FROM pg_temp.check_lz4();

-- uncompressed in the TOAST table
CREATE TEMP TABLE stored_external (content text);
ALTER TABLE stored_external ALTER COLUMN content SET STORAGE EXTERNAL;
INSERT INTO stored_external SELECT content || '' FROM big;
SELECT is(pg_column_compression(content), NULL, 'external: stored uncompressed') FROM stored_external;
SELECT cmp_ok(pg_column_size(content), '>', 4000000, 'external: stored at full size') FROM stored_external;
SELECT is(pg_temp.digest(content), (SELECT digest FROM expected), 'uncompressed, in the TOAST table: the same rows')
FROM stored_external;

-- compressed inside the row: a small text (about 20 kB, 2.6 kB compressed)
CREATE TEMP TABLE small (content text);
INSERT INTO small VALUES (pg_temp.remit(50));
CREATE TEMP TABLE stored_inline (content text);
ALTER TABLE stored_inline ALTER COLUMN content SET STORAGE MAIN;
INSERT INTO stored_inline SELECT content || '' FROM small;
SELECT is(pg_column_compression(content), 'pglz', 'inline: stored compressed') FROM stored_inline;
SELECT is(pg_relation_size(reltoastrelid), 0::bigint, 'inline: kept in the row, its TOAST table empty')
FROM pg_class WHERE oid = 'stored_inline'::regclass;
SELECT is(pg_temp.digest(content), (SELECT pg_temp.digest(content || '') FROM small),
          'pglz, inside the row: the same rows')
FROM stored_inline;

-- uncompressed inside the row
CREATE TEMP TABLE stored_plain (content text);
ALTER TABLE stored_plain ALTER COLUMN content SET STORAGE PLAIN;
INSERT INTO stored_plain SELECT pg_temp.remit(1);
SELECT is(pg_column_compression(content), NULL, 'plain: stored uncompressed') FROM stored_plain;
SELECT is(pg_temp.digest(content), pg_temp.digest(content || ''), 'plain, inside the row: the same rows')
FROM stored_plain;

-- The same stored value read many times in one query gives the same rows
-- each time (the buffer is per call, freed after it).
SELECT is((SELECT count(DISTINCT pg_temp.digest(s.content)) FROM stored_pglz s, generate_series(1, 3)),
          1::bigint, 'pglz: three reads in one query agree');
SELECT is((SELECT count(*) FROM stored_pglz s, generate_series(1, 4), x12_835_lines(s.content)),
          144000::bigint, 'four calls in one query: 4 x 36,000 lines');

-- Rows kept in memory: with work_mem above twice the text's length, the
-- rows of a large text go to one block advised to use huge pages (a memory
-- context of its own), which every call in the query shares; below, they
-- spill past 4 MB, as without huge pages.
CREATE FUNCTION pg_temp.rows_and_contexts(content text) RETURNS bigint[] LANGUAGE sql AS $f$
SELECT ARRAY[(SELECT count(*) FROM x12_835_lines(content)),
             (SELECT count(*) FROM pg_backend_memory_contexts WHERE name = 'contracts_ext huge pages')]
$f$;
-- (where the kernel gives huge pages to memory advised so: as here)
CREATE FUNCTION pg_temp.kernel_huge_pages() RETURNS boolean LANGUAGE plpgsql AS $f$
BEGIN
    RETURN pg_read_file('/sys/kernel/mm/transparent_hugepage/enabled') ~ '\[(always|madvise)\]';
EXCEPTION WHEN OTHERS THEN
    RETURN false;
END $f$;
SET LOCAL work_mem = '64MB';
SELECT is(pg_temp.rows_and_contexts(content),
          ARRAY[36000, CASE WHEN pg_temp.kernel_huge_pages() THEN 1 ELSE 0 END]::bigint[],
          'work_mem 64MB: the rows in a huge-pages block, if the kernel has them')
FROM stored_pglz;
SELECT is((SELECT count(*) FROM (VALUES (1), (2), (3)) AS t(i),
                  x12_835_lines(CASE i WHEN 2 THEN (SELECT content FROM small) ELSE (SELECT content || repeat(' ', i) FROM big) END)),
          72150::bigint, 'work_mem 64MB: three calls in one query, a large text, a small one, a large one');
SELECT is((SELECT string_agg(d, ',') FROM (SELECT DISTINCT pg_temp.digest(content || repeat(' ', i)) AS d
                                          FROM big, generate_series(1, 2) AS i) t),
          (SELECT digest FROM expected), 'work_mem 64MB: the same rows');
SET LOCAL work_mem = '4MB';
SELECT is(pg_temp.rows_and_contexts(content), '{36000,0}', 'work_mem 4MB: no huge-pages block')
FROM stored_pglz;

SELECT * FROM finish();
ROLLBACK;
