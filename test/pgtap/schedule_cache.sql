-- The schedule cache (src/schedule_cache.c): bounded by memory, least
-- recently used evicted, inline schedules told apart by their bytes.
BEGIN;
SELECT plan(12);

-- The memory the decoded schedules hold right now, in bytes, and how many
-- there are (each has a memory context of its own).
CREATE FUNCTION pg_temp.schedule_memory() RETURNS bigint LANGUAGE sql VOLATILE AS $$
    SELECT coalesce(sum(total_bytes), 0)::bigint
    FROM pg_backend_memory_contexts WHERE name = 'contracts_ext schedule' $$;
CREATE FUNCTION pg_temp.schedules_decoded() RETURNS bigint LANGUAGE sql VOLATILE AS $$
    SELECT count(*) FROM pg_backend_memory_contexts WHERE name = 'contracts_ext schedule' $$;

-- 60 schedules of 2,000 codes (TOASTed, about 50 kB each once decoded)
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
-- The 120 decoded schedules together (about 3 MB: 60 of about 50 kB, 60 of
-- about 3 kB) must be well over the budgets tested below, or those tests
-- would pass without anything being evicted.
SELECT cmp_ok((SELECT peak FROM runs WHERE budget = '512MB'), '>', 2 * 1024 * 1024::bigint,
              'with a large budget the 120 schedules stay decoded together (over twice the 1 MB budget)');
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

-- Every kind of index slot, in a small schedule (indexed whole as it is
-- decoded, inline) and in one of 2,000 more codes (indexed as codes are
-- looked up, then whole; TOASTed), each looked up after 300 lines of other
-- and absent codes: a plain entry carried in its slot, a plain entry with a
-- modifier entry beside it, a setting entry, payment indicators, an amount
-- too wide for the slot, and an absent code priced by the default.
CREATE TEMP TABLE kinds AS
SELECT big, (items || CASE WHEN big THEN (SELECT string_agg('B' || lpad(i::text, 4, '0') || ': 1.00', '; ')
                                          FROM generate_series(1, 2000) AS i) ELSE '' END)::rate_schedule AS s
FROM (VALUES ('A0001: 10.00; A0002: 20.00; A0002-26: 8.00; A0003: 33.00; A0003@facility: 30.00; '
              'A0004: 40.00 no_mppr; A0005: 99999999.999999; default: 50% billed; lesser_of: none; '
              'mppr: 100 50; ')) AS v(items), (VALUES (false), (true)) AS b(big);
CREATE TEMP TABLE kind_line (n serial, code text, mods text[], facility boolean, rank int, want numeric);
INSERT INTO kind_line (code, mods, facility, rank, want)
SELECT CASE WHEN i % 2 = 0 THEN 'B' || lpad((1 + i * 7 % 2000)::text, 4, '0') ELSE 'Z' || (1000 + i) END,
       '{}', false, 1, NULL
FROM generate_series(1, 300) AS i;
INSERT INTO kind_line (code, mods, facility, rank, want) VALUES
    ('A0001', '{}', false, 1, 10.00), ('A0001', '{}', false, 2, 5.00),
    ('A0002', '{}', false, 1, 20.00), ('A0002', '{26}', false, 1, 8.00),
    ('A0003', '{}', true, 1, 30.00), ('A0003', '{}', false, 1, 33.00),
    ('A0004', '{}', false, 2, 40.00), ('A0005', '{}', false, 1, 100000000.00),
    ('Z0001', '{}', false, 1, 40.00);
CREATE TEMP TABLE kind_schedule AS SELECT big, s FROM kinds;
SELECT is((SELECT count(*) FILTER (WHERE NOT big) || ' inline, ' || count(*) FILTER (WHERE big AND pg_column_size(s) > 2000) || ' TOASTed' FROM kind_schedule),
          '1 inline, 1 TOASTed', 'a small inline schedule and a large TOASTed one');
SELECT is((SELECT string_agg(format('%s %s %s', big, code, got), ', ' ORDER BY big, n)
           FROM (SELECT k.big, l.n, l.code, l.want,
                        expected_allowed(k.s, l.code, l.mods, 1, 80.00, NULL, l.rank, l.facility) AS got
                 FROM kind_schedule k CROSS JOIN kind_line l) AS q
           WHERE want IS NOT NULL AND got IS DISTINCT FROM want),
          NULL, 'every kind of slot prices its line, in a small and a large schedule');

SELECT * FROM finish();
ROLLBACK;
