-- rate_schedule and pricing properties on random schedules and claim lines.
BEGIN;
SELECT plan(17);

SELECT setseed(0.31);
CREATE TEMP TABLE codes AS
SELECT (ARRAY['99211','99212','99213','99214','99215','27130','27447','29881','71046','97110','J1100','G0438','0200'])[i] AS code
FROM generate_series(1, 13) AS i;

-- Random schedules: random entries, rules, modifiers, settings and policies.
CREATE TEMP TABLE rs AS
SELECT k, string_agg(item, '; ' ORDER BY random()) AS txt
FROM generate_series(1, 60) AS k,
LATERAL (
    SELECT DISTINCT ON (sel) sel || ': ' || rule AS item
    FROM (SELECT c.code || CASE WHEN random() < 0.2 THEN '-' || (ARRAY['25','26','TC','50','80'])[1 + (random() * 4)::int] ELSE '' END
                        || CASE WHEN random() < 0.2 THEN (ARRAY['@facility','@nonfacility'])[1 + (random())::int] ELSE '' END AS sel,
                 CASE (random() * 3)::int
                     WHEN 0 THEN round((random() * 900)::numeric, 2)::text
                     WHEN 1 THEN round((random() * 900)::numeric, 2)::text || '/case'
                     WHEN 2 THEN (50 + (random() * 150)::int)::text || '% medicare'
                     ELSE (30 + (random() * 60)::int)::text || '% billed' END AS rule
          FROM codes c, generate_series(1, 2) WHERE random() < 0.6 AND k > 0) AS e
    UNION ALL SELECT 'default: ' || (100 + (random() * 50)::int) || '% medicare' WHERE random() < 0.6 AND k > 0
    UNION ALL SELECT 'mppr: 100 50 25' WHERE random() < 0.3 AND k > 0
    UNION ALL SELECT 'modifier 80: 20%' WHERE random() < 0.3 AND k > 0
    UNION ALL SELECT 'lesser_of: none' WHERE random() < 0.2 AND k > 0) AS items
GROUP BY k;

SELECT is((SELECT count(*) FROM rs WHERE txt::rate_schedule::text::rate_schedule <> txt::rate_schedule), 0::bigint,
          'text round trip is the identity on random schedules');
SELECT is((SELECT count(*) FROM rs WHERE txt::rate_schedule::jsonb::rate_schedule <> txt::rate_schedule), 0::bigint,
          'jsonb round trip is the identity on random schedules');

-- Random claim lines.
CREATE TEMP TABLE lines AS
SELECT i, (SELECT code FROM codes OFFSET (random() * 12)::int LIMIT 1) AS code,
       ARRAY[(ARRAY[NULL,'25','26','TC','50','80','AS','LT','59'])[1 + (random() * 8)::int],
             (ARRAY[NULL,NULL,'50','80'])[1 + (random() * 3)::int]] AS mods,
       (1 + (random() * 3)::int)::numeric AS units,
       CASE WHEN random() < 0.9 THEN round((random() * 3000)::numeric, 2) END AS billed,
       CASE WHEN random() < 0.9 THEN round((random() * 1500)::numeric, 2) END AS medicare,
       1 + (random() * 4)::int AS rank,
       random() < 0.3 AS facility
FROM generate_series(1, 400) AS i;
CREATE TEMP TABLE priced AS
SELECT k, r.txt::rate_schedule AS s, l.*,
       expected_allowed(r.txt::rate_schedule, code, mods, units, billed, medicare, rank, facility) AS allowed,
       expected_allowed(r.txt::rate_schedule, code, mods, units, billed, medicare, 1, facility) AS allowed_rank1
FROM rs r, lines l WHERE (k + i) % 7 = 0;

SELECT is((SELECT count(*) FROM priced WHERE allowed > billed AND s::text !~ 'lesser_of: none'), 0::bigint,
          'lesser-of never exceeds billed');
SELECT is((SELECT count(*) FROM priced WHERE allowed > allowed_rank1), 0::bigint,
          'ranks beyond 1 never raise the price');
SELECT is((SELECT count(*) FROM priced WHERE (allowed IS NULL) <> (allowed_rank1 IS NULL)), 0::bigint,
          'the rank never changes whether a line is priced');
SELECT is((SELECT count(*) FROM priced WHERE allowed IS NOT NULL AND allowed <> round(allowed, 2)), 0::bigint,
          'prices are whole cents');
SELECT is((SELECT count(*) FROM priced
           WHERE allowed IS DISTINCT FROM (expected_allowed_explain(s, code, mods, units, billed, medicare, rank, facility) ->> 'allowed')::numeric),
          0::bigint, 'expected_allowed_explain ends at expected_allowed');

-- The fixed-point fast path and the numeric path agree, including numbers
-- that do not fit fixed point (the fast path then falls back).
SELECT is((SELECT count(*)
           FROM (VALUES ('99213: 92.50; 27447: 140% medicare; 97110: 65.5% billed; j1100: 0.123456; default: 133.333333% medicare; modifier 80: 17.777777%'::rate_schedule)) AS sc(s),
                (VALUES ('99213'), ('27447'), ('97110'), ('J1100'), ('99999')) AS c(code),
                (VALUES ('{}'::text[]), ('{80,50}'), ('{AS}')) AS m(mods),
                (VALUES (1::numeric), (0.5), (2), (0.0000000001), (1.333333333333333333333333), (123456789012.5),
                        (99999999999999999999), (0), (10000), (20000.00), (1e12), (12345678)) AS u(units),
                (VALUES (NULL::numeric), (0.01), (12345.678), (50), (1e30), (0.005), (0.004999), (100.125), (10000)) AS b(billed),
                (VALUES (NULL::numeric), (87.1234), (0.000001)) AS md(medicare),
                generate_series(1, 3) AS rank
           WHERE expected_allowed(s, code, mods, units, billed, medicare, rank)
                 IS DISTINCT FROM (expected_allowed_explain(s, code, mods, units, billed, medicare, rank) ->> 'allowed')::numeric),
          0::bigint, 'fixed-point and numeric pricing agree on awkward numbers');

-- A large schedule stored in a table (TOASTed), its codes looked up in one
-- query in a shuffled order, with codes it does not have: every entry's
-- amount, and nothing for the others.  The index grows many times over.
CREATE TEMP TABLE big AS
SELECT (SELECT string_agg((10000 + i * 3)::text || ': ' || (i % 900 + 10) || '.' || lpad((i % 100)::text, 2, '0'), '; ')
        FROM generate_series(1, 6000) AS i)::rate_schedule AS s;
SELECT is((SELECT count(*)
           FROM big, generate_series(1, 18100) AS i,
                LATERAL (SELECT (10000 + i * 7919 % 18100)::text AS code) AS c    -- every code once, shuffled
                LEFT JOIN rate_schedule_entries((SELECT s FROM big)) AS e ON e.code = c.code
           WHERE expected_allowed(big.s, c.code) IS DISTINCT FROM e.amount),
          0::bigint, 'a 6,000-code schedule prices each code, in any order, and no other');

-- Many schedules, interleaved row by
-- row, some stored inline and some TOASTed, several of the same size: each
-- line is priced by its own schedule.
CREATE TEMP TABLE many AS
SELECT k, CASE WHEN k % 2 = 0
               THEN ('A1234: ' || (100 + k) || '.00')
               ELSE (SELECT string_agg((20000 + i)::text || ': ' || (k * 10 + i % 7) || '.25', '; ')
                     FROM generate_series(1, 3000) AS i) || '; A1234: ' || (100 + k) || '.00'
          END::rate_schedule AS s
FROM generate_series(1, 45) AS k;
SELECT is((SELECT count(*)
           FROM generate_series(1, 900) AS r
                JOIN many ON many.k = 1 + r * 7 % 45
           WHERE expected_allowed(many.s, 'A1234') <> 100 + many.k
              OR expected_allowed(many.s, '20003') IS DISTINCT FROM
                 CASE WHEN many.k % 2 = 1 THEN many.k * 10 + 3.25 END),
          0::bigint, '45 schedules interleaved in one query, inline and TOASTed: each line by its own');

-- Amounts are built directly in numeric's stored form: byte for byte what
-- numeric itself builds (record_image_eq compares the stored images).
SELECT is((SELECT count(*)
           FROM (SELECT expected_allowed(('A1234: ' || amount || '/case')::rate_schedule, 'A1234', '{}', 1, NULL) AS x
                 FROM unnest('{0, 0.01, 0.1, 0.99, 1, 10.5, 99.99, 100, 9999.99, 10000, 10000.01, 12345.6,
                               123456.78, 1000000, 99999999.99}'::numeric[]) AS amount
                 UNION ALL
                 SELECT expected_allowed('A1234: 0.01'::rate_schedule, 'A1234', '{}', units, NULL)
                 FROM unnest('{1, 10, 100, 10000, 123456789, 100000000}'::numeric[]) AS units) AS a
           WHERE NOT record_image_eq(ROW(x), ROW(x::text::numeric))),
          0::bigint, 'amounts are stored exactly as numeric stores them');

-- Independent reimplementation: the normalized table and CASE an analyst would write.
CREATE TEMP TABLE fee AS
SELECT k, e.* FROM rs, rate_schedule_entries(txt::rate_schedule) AS e;
-- A modifier's factor: none when the entry is written for it; the assistant
-- modifiers (80/81/82/AS) make one adjustment, AS's when the line has AS.
CREATE FUNCTION pg_temp.factor(md text, matched text, mods text[]) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN md IS NULL OR md = matched THEN 1
                WHEN md IN ('80','81','82','AS') AND matched IN ('80','81','82','AS') THEN 1
                WHEN md IN ('80','81','82') AND 'AS' = ANY (mods) THEN 1
                ELSE CASE md WHEN '50' THEN 1.5 WHEN '62' THEN 0.625 WHEN '80' THEN 0.16 WHEN '81' THEN 0.16
                             WHEN '82' THEN 0.16 WHEN 'AS' THEN 0.136 ELSE 1 END END $$;
CREATE TEMP TABLE reference AS
SELECT p.allowed,
       CASE WHEN b.base IS NOT NULL AND NOT component_unpriced THEN
            round(least(b.base * ff.f, coalesce(p.billed, b.base * ff.f)), 2) END AS expected
FROM priced p
LEFT JOIN LATERAL (
    SELECT e.* FROM fee e
    WHERE e.k = p.k AND e.code = upper(p.code)
      AND (e.modifier IS NULL OR e.modifier = ANY (p.mods))
      AND (e.setting IS NULL OR e.setting = CASE WHEN p.facility THEN 'facility' ELSE 'nonfacility' END)
    ORDER BY (e.modifier IS NOT NULL AND e.setting IS NOT NULL) DESC, (e.modifier IS NOT NULL) DESC,
             (e.setting IS NOT NULL) DESC, array_position(p.mods, e.modifier)
    LIMIT 1) AS m ON true
CROSS JOIN LATERAL (
    -- modifier 50 is one bilateral procedure: units over 1 count as 1
    SELECT CASE WHEN '50' = ANY (p.mods) THEN least(p.units, 1) ELSE p.units END AS units) AS u
CROSS JOIN LATERAL (
    SELECT CASE m.method WHEN 'amount' THEN m.amount * u.units WHEN 'case' THEN m.amount
                         WHEN 'percent_medicare' THEN m.percent / 100 * p.medicare * u.units
                         WHEN 'percent_billed' THEN m.percent / 100 * p.billed END AS base,
           -- a 26/TC line priced by a fixed rule not written for it is unpriced
           m.method IN ('amount', 'case') AND EXISTS (
               SELECT 1 FROM unnest(p.mods) AS md
               WHERE md IN ('26', 'TC') AND md IS DISTINCT FROM m.modifier) AS component_unpriced) AS b
CROSS JOIN LATERAL (
    SELECT pg_temp.factor(p.mods[1], m.modifier, p.mods)
           * CASE WHEN p.mods[2] IS DISTINCT FROM p.mods[1] THEN pg_temp.factor(p.mods[2], m.modifier, p.mods) ELSE 1 END
           * CASE WHEN p.rank = 1 THEN 1 ELSE 0.5 END AS f) AS ff
WHERE p.s::text !~ '(default|mppr|modifier|lesser_of)';
SELECT cmp_ok((SELECT count(*) FROM reference WHERE expected IS NOT NULL), '>', 100::bigint,
              'the reference prices enough lines to mean something');
SELECT is((SELECT count(*) FROM reference WHERE allowed IS DISTINCT FROM expected), 0::bigint,
          'expected_allowed agrees with a SQL reimplementation on schedules without policies');

-- Merge is right-biased: the right side's entries, then the left's it does not replace.
SELECT is((SELECT count(*) FROM rs a JOIN rs b ON b.k = a.k % 13 + 1,
           LATERAL (SELECT array_agg(e ORDER BY e) AS got FROM rate_schedule_entries(a.txt::rate_schedule || b.txt::rate_schedule) AS e) AS g,
           LATERAL (SELECT array_agg(e ORDER BY e) AS want FROM (
                SELECT e FROM rate_schedule_entries(b.txt::rate_schedule) AS e
                UNION ALL
                SELECT e FROM rate_schedule_entries(a.txt::rate_schedule) AS e
                WHERE NOT EXISTS (
                    SELECT 1 FROM rate_schedule_entries(b.txt::rate_schedule) AS x
                    WHERE (x.code, x.modifier, x.setting) IS NOT DISTINCT FROM (e.code, e.modifier, e.setting))) AS u) AS w
           WHERE got IS DISTINCT FROM want), 0::bigint,
          'a || b holds b''s entries and the entries of a that b does not replace');

-- rate_schedule_agg splits: a forced parallel plan gives the serial result.
CREATE TABLE agg_rows AS
SELECT (10000 + i)::text || CASE WHEN i % 3 = 0 THEN '-26' ELSE '' END AS code, round((i * 1.37)::numeric % 900, 2) AS amount
FROM generate_series(1, 20000) AS i;
ANALYZE agg_rows;
SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial_result AS SELECT rate_schedule_agg(code, amount) AS s FROM agg_rows;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SELECT matches(plan_of('SELECT rate_schedule_agg(code, amount) FROM agg_rows'),
               'Partial Aggregate', 'rate_schedule_agg runs as a parallel partial aggregate');
SELECT is((SELECT rate_schedule_agg(code, amount) FROM agg_rows), (SELECT s FROM serial_result),
          'parallel and serial rate_schedule_agg agree');

-- Scale: each amount times (1 + percent/100), rounded half up to cents.
SELECT is((SELECT count(*) FROM rs, rate_schedule_entries(rate_schedule_scale(txt::rate_schedule, 7.5)) AS scaled
           JOIN rate_schedule_entries(txt::rate_schedule) AS orig USING (code, modifier, setting, method)
           WHERE scaled.amount IS DISTINCT FROM round(orig.amount * 1.075, 6)), 0::bigint,
          'rate_schedule_scale raises every amount by the percent, rounded to the type''s 6 decimals');

SELECT * FROM finish();
ROLLBACK;
