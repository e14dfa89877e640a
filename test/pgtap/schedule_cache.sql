-- The schedule cache (src/schedule_cache.c): bounded by memory, least
-- recently used evicted, inline schedules told apart by their bytes.
BEGIN;
SELECT plan(10);

-- The memory the decoded schedules hold right now, in bytes, and how many
-- there are (each has a memory context of its own).
CREATE FUNCTION pg_temp.schedule_memory() RETURNS bigint LANGUAGE sql VOLATILE AS $$
    SELECT coalesce(sum(total_bytes), 0)::bigint
    FROM pg_backend_memory_contexts WHERE name = 'contracts_ext schedule' $$;
CREATE FUNCTION pg_temp.schedules_decoded() RETURNS bigint LANGUAGE sql VOLATILE AS $$
    SELECT count(*) FROM pg_backend_memory_contexts WHERE name = 'contracts_ext schedule' $$;

-- 60 schedules of 2,000 codes (TOASTed, about 48 kB each decoded as stored)
-- and 60 small inline ones; every schedule prices code A1234 at its own
-- amount and 2000x codes at amounts that depend on the schedule.
CREATE TEMP TABLE sched AS
SELECT k,
       CASE WHEN k <= 60
            THEN (SELECT string_agg((20000 + i)::text || ': ' || (k * 10 + i % 7) || '.25', '; ')
                  FROM generate_series(1, 2000) AS i) || '; A1234: ' || (100 + k) || '.00'
            ELSE 'A1234: ' || (100 + k) || '.00; 20003: ' || (k * 10 + 3) || '.25'
       END::rate_schedule AS s
FROM generate_series(1, 120) AS k;
-- 3,000 lines over them, interleaved in a scrambled order, with what each
-- must be priced at.
CREATE TEMP TABLE line AS
SELECT r, k, code,
       CASE WHEN code = 'A1234' THEN 100 + k
            WHEN k <= 60 THEN k * 10 + (code::int - 20000) % 7 + 0.25
            WHEN code = '20003' THEN k * 10 + 3.25 END AS want
FROM generate_series(1, 3000) AS r,
     LATERAL (SELECT 1 + r * 7919 % 120 AS k) AS sk,
     LATERAL (SELECT CASE WHEN r % 3 = 0 THEN 'A1234' ELSE (20000 + 1 + r * 31 % 2000)::text END AS code) AS c;

-- Prices and the cache's peak memory under a budget, in one query.
CREATE FUNCTION pg_temp.price_under(budget text, OUT wrong bigint, OUT peak bigint, OUT total numeric,
                                     OUT decoded bigint)
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('contracts_ext.schedule_cache_size', budget, true);
    SELECT count(*) FILTER (WHERE p IS DISTINCT FROM want), max(m), sum(p), max(n)
    INTO wrong, peak, total, decoded
    FROM (SELECT want, expected_allowed(s, code) AS p, pg_temp.schedule_memory() AS m,
                 pg_temp.schedules_decoded() AS n
          FROM line JOIN sched USING (k)) AS q;
END $$;

CREATE TEMP TABLE runs AS
SELECT budget, (pg_temp.price_under(budget)).*
FROM unnest('{0, 256kB, 1MB, 512MB}'::text[]) WITH ORDINALITY AS b(budget, n)
ORDER BY n;

SELECT is((SELECT sum(wrong) FROM runs), 0::numeric,
          'every line priced by its own schedule whatever the budget: none, 256 kB, 1 MB, 512 MB');
SELECT is((SELECT count(DISTINCT total) FROM runs), 1::bigint,
          'the same total with no cache to speak of (budget 0) and with every schedule cached');
SELECT cmp_ok((SELECT peak FROM runs WHERE budget = '512MB'), '>', 4 * 1024 * 1024::bigint,
              'with a large budget the 120 schedules stay decoded together (over 4 MB)');
SELECT is((SELECT decoded FROM runs WHERE budget = '512MB'), 120::bigint,
          'within the budget, 3,000 lines over 120 schedules keep 120 decoded schedules: one each');
-- Past the budget by at most one schedule (under 128 kB here): the one in
-- use stays even when it alone is over.
SELECT cmp_ok((SELECT peak FROM runs WHERE budget = '1MB'), '<=', 1024 * 1024 + 128 * 1024::bigint,
              'a 1 MB budget holds: at most the budget plus the schedule being decoded');
SELECT cmp_ok((SELECT peak FROM runs WHERE budget = '256kB'), '<=', 256 * 1024 + 128 * 1024::bigint,
              'a 256 kB budget holds');
SELECT cmp_ok((SELECT peak FROM runs WHERE budget = '0'), '<=', 2 * 128 * 1024::bigint,
              'a budget of 0 keeps only the schedule in use (and the one being decoded)');

-- Inline schedules told apart by their bytes even when every hash is equal
-- (the test-only setting puts every inline schedule in one bucket, so each
-- hit is decided by the byte comparison): 40 schedules of the same length
-- that differ in one digit, interleaved.
SET LOCAL contracts_ext.schedule_cache_test = constant_hash;
SELECT is((SELECT count(*)
           FROM generate_series(1, 2000) AS r,
                LATERAL (SELECT 10 + r * 17 % 40 AS k) AS sk
           WHERE expected_allowed(('A1234: ' || k || '.00; 99213: 1' || k || '.50')::rate_schedule, '99213')
                 <> ('1' || k || '.50')::numeric
              OR expected_allowed(('A1234: ' || k || '.00; 99213: 1' || k || '.50')::rate_schedule, 'A1234') <> k),
          0::bigint, 'colliding inline schedules of equal length never share an entry');
SELECT is((SELECT count(*) FROM line JOIN sched USING (k)
           WHERE expected_allowed(s, code) IS DISTINCT FROM want),
          0::bigint, 'colliding hashes, inline and TOASTed schedules interleaved: each line by its own');
RESET contracts_ext.schedule_cache_test;

-- With the default budget.
SELECT is((SELECT sum(p) FROM (SELECT expected_allowed(s, code) AS p FROM line JOIN sched USING (k)) AS q),
          (SELECT sum(want) FROM line),
          'the sum of the prices is the sum of what each line must be priced at');

SELECT * FROM finish();
ROLLBACK;
