-- Issue 13: Medicare amounts from CMS's tables.  Claim lines priced as
-- "% medicare" with the Medicare amount from medicare_allowed, against the
-- same with a precomputed Medicare column, and medicare_allowed against the
-- plain SQL that joins pfs_rvu and pfs_gpci.  Two shapes: a practice (100
-- codes, 1 locality) and a billing company (10,000 codes, 10 localities).
-- :lines claim lines (psql variable set by test/bench/run).

-- A synthetic fee schedule year (2030), so the demo's rows are untouched:
-- 10,000 codes (every 20th with 26/TC rows), CMS-like RVUs and indicators,
-- 10 localities.
INSERT INTO pfs_gpci
SELECT 2030, lpad((10000 + i)::text, 5, '0') || '00', lpad((10000 + i)::text, 5, '0'), 'BENCH ' || i,
       round(1 + (i % 5) * 0.01, 3), round(0.85 + (i % 7) * 0.04, 3), round(0.5 + (i % 9) * 0.1, 3)
FROM generate_series(1, 10) AS i;
INSERT INTO pfs_rvu
SELECT 2030, (10000 + i)::text, c.modifier, CASE WHEN i % 50 = 0 THEN 'B' WHEN i % 97 = 0 THEN 'C' ELSE 'A' END,
       CASE c.modifier WHEN 'TC' THEN 0 ELSE round(0.2 + (i % 300) * 0.07, 2) END,
       CASE WHEN i % 11 = 0 THEN NULL ELSE round((0.3 + (i % 200) * 0.05) * c.share, 2) END,
       round((0.2 + (i % 150) * 0.03) * c.share, 2),
       CASE c.modifier WHEN 'TC' THEN 0.01 ELSE round(0.01 + (i % 40) * 0.02, 2) END,
       CASE WHEN i % 20 = 0 THEN '1' ELSE '0' END, '090',
       (ARRAY['0', '2', '2', '3', '4', '9'])[1 + i % 6], (ARRAY['0', '1', '1', '2', '3', '9'])[1 + i % 6],
       (ARRAY['0', '1', '2', '9'])[1 + i % 4], (ARRAY['0', '1', '2', '9'])[1 + (i / 4) % 4], '0', 33.4009
FROM generate_series(1, 10000) AS i
JOIN (VALUES ('', 1.0), ('26', 0.15), ('TC', 0.85)) AS c(modifier, share) ON c.modifier = '' OR i % 20 = 0;

-- The lines: a code, modifiers, setting, units and rank; for each shape its
-- code and locality.  component: the modifiers that choose the Medicare row
-- (26, TC), which is what a "% medicare" rule's basis takes.
CREATE TABLE bench.medicare_lines AS
SELECT n AS line_id, 1 + n % 3 AS contract_id,
       (10001 + (hashint4(n) & 2147483647) % 100)::text AS code_practice,
       (10001 + (hashint4(n + 7) & 2147483647) % 10000)::text AS code_company,
       '1000100' AS locality_practice,
       lpad((10001 + (hashint4(n + 13) & 2147483647) % 10)::text, 5, '0') || '00' AS locality_company,
       m.mods, ARRAY(SELECT x FROM unnest(m.mods) AS x WHERE x IN ('26', 'TC')) AS component,
       (1 + n % 2)::numeric AS units, round((50 + n % 900)::numeric, 2) AS billed,
       1 + (n % 10 = 0)::int + (n % 30 = 0)::int AS rank, n % 4 = 0 AS facility
FROM generate_series(1, :lines) AS n
CROSS JOIN LATERAL (SELECT (ARRAY['{}', '{}', '{}', '{}', '{}', '{26}', '{TC}', '{50}', '{80}', '{62}', '{AS,80}', '{LT}'])[1 + n % 12]::text[] AS mods) AS m;
-- the precomputed Medicare column a user would keep instead
ALTER TABLE bench.medicare_lines ADD COLUMN medicare_practice numeric, ADD COLUMN medicare_company numeric;
UPDATE bench.medicare_lines
SET medicare_practice = medicare_allowed(code_practice, component, 2030, locality_practice, facility),
    medicare_company = medicare_allowed(code_company, component, 2030, locality_company, facility);
CREATE TABLE bench.pct_schedules AS
SELECT 1 AS contract_id, 'default: 125% medicare'::rate_schedule AS s
UNION ALL SELECT 2, 'default: 140% medicare; mppr: 100 50 25; modifier 80: 20%'
UNION ALL SELECT 3, 'default: 110% medicare; lesser_of: none';
VACUUM ANALYZE bench.medicare_lines;
VACUUM ANALYZE bench.pct_schedules;
ANALYZE pfs_rvu;
ANALYZE pfs_gpci;

-- Medicare's rules in plain SQL over the two tables: the row (26/TC), the PE
-- by setting with the NA fallback, status, the fee rounded, MPPR, bilateral,
-- assistant and co-surgeon indicators, units, rounded again.
CREATE FUNCTION bench.medicare_sql(shape text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT format($q$
SELECT sum(round(fee * CASE WHEN rank > 1 AND mult_proc IN ('2', '3') THEN 0.5 ELSE 1 END
                 * CASE WHEN '50' = ANY (mods) THEN CASE bilateral WHEN '1' THEN 1.5 WHEN '3' THEN 2 ELSE 1 END ELSE 1 END
                 * CASE WHEN 'AS' = ANY (mods) THEN CASE WHEN assistant IN ('0', '2') THEN 0.136 ELSE 0 END
                        WHEN mods && '{80,81,82}' THEN CASE WHEN assistant IN ('0', '2') THEN 0.16 ELSE 0 END ELSE 1 END
                 * CASE WHEN '62' = ANY (mods) THEN CASE WHEN co_surgeon IN ('1', '2') THEN 0.625 ELSE 0 END ELSE 1 END
                 * CASE WHEN '50' = ANY (mods) THEN least(units, 1) ELSE units END, 2))
FROM (SELECT l.mods, l.units, l.rank, r.mult_proc, r.bilateral, r.assistant, r.co_surgeon,
             CASE WHEN r.status IN ('B', 'P') THEN 0
                  WHEN r.status IN ('A', 'R', 'T') THEN
                      round((r.work_rvu * g.work
                             + CASE WHEN l.facility THEN r.pe_facility ELSE coalesce(r.pe_nonfacility, r.pe_facility) END * g.pe
                             + r.mp_rvu * g.mp) * r.conversion_factor, 2) END AS fee
      FROM bench.medicare_lines l
      JOIN pfs_gpci g ON g.year = 2030 AND g.locality = l.locality_%1$s
      JOIN pfs_rvu r ON r.year = 2030 AND r.hcpcs = l.code_%1$s
                    AND r.modifier = coalesce(l.component[1], '')) AS x
$q$, shape) $$;

INSERT INTO bench.cases (issue, name, query, baseline, baseline_is, target) VALUES
(13, 'practice (100 codes, 1 locality): sum(expected_allowed) of "% medicare" contracts with medicare => medicare_allowed(...), vs the same with a precomputed Medicare column',
    'SELECT sum(expected_allowed(s.s, l.code_practice, l.mods, l.units, l.billed, medicare_allowed(l.code_practice, l.component, 2030, l.locality_practice, l.facility), l.rank, l.facility)) FROM bench.medicare_lines l JOIN bench.pct_schedules s USING (contract_id)',
    'SELECT sum(expected_allowed(s.s, l.code_practice, l.mods, l.units, l.billed, l.medicare_practice, l.rank, l.facility)) FROM bench.medicare_lines l JOIN bench.pct_schedules s USING (contract_id)',
    'same answer', 'ratio <= 1.5'),
(13, 'billing company (10,000 codes, 10 localities): the same',
    'SELECT sum(expected_allowed(s.s, l.code_company, l.mods, l.units, l.billed, medicare_allowed(l.code_company, l.component, 2030, l.locality_company, l.facility), l.rank, l.facility)) FROM bench.medicare_lines l JOIN bench.pct_schedules s USING (contract_id)',
    'SELECT sum(expected_allowed(s.s, l.code_company, l.mods, l.units, l.billed, l.medicare_company, l.rank, l.facility)) FROM bench.medicare_lines l JOIN bench.pct_schedules s USING (contract_id)',
    'same answer', 'ratio <= 1.5'),
(13, 'practice: sum(medicare_allowed) with every rule, vs plain SQL joining pfs_rvu and pfs_gpci',
    'SELECT sum(medicare_allowed(code_practice, mods, 2030, locality_practice, facility, units, rank)) FROM bench.medicare_lines',
    bench.medicare_sql('practice'),
    'same answer', 'speedup >= 3'),
(13, 'billing company: sum(medicare_allowed) vs the same plain SQL',
    'SELECT sum(medicare_allowed(code_company, mods, 2030, locality_company, facility, units, rank)) FROM bench.medicare_lines',
    bench.medicare_sql('company'),
    'same answer', 'speedup >= 3');
