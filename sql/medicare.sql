-- Medicare physician fee schedule: medicare_fee, medicare_allowed and
-- medicare_schedule over pfs_rvu/pfs_gpci rows, every CMS ch. 12 rule,
-- and the per-entry payment indicators of rate_schedule.

-- 1. medicare_fee: (work x GPCI + PE x GPCI + MP x GPCI) x CF, rounded half up to cents.
SELECT medicare_fee(1.30, 1.24, 0.10, 1.017, 1.093, 0.662, 32.3465) AS bakersfield_99213,   -- 2.74362 x 32.3465 = 88.7466... -> 88.75
       medicare_fee(1, 0, 0, 1, 1, 1, 0.005) AS half_cent_up,                                  -- 0.01
       medicare_fee(1, 0, 0, 1, 1, 1, 0.0049999) AS below_half,                                -- 0.00
       medicare_fee(0, 0, 0, 1, 1, 1, 33.4009) AS zero_rvus;
\set VERBOSITY default
SELECT medicare_fee(-1, 0, 0, 1, 1, 1, 33.4009);
SELECT medicare_fee(1, 0, 0, 1, 1, 1, 'NaN');
\set VERBOSITY terse

-- 2. Synthetic rows that exercise every rule: GPCIs 1, conversion factor 1,
-- so a row's amount is its RVU sum: 100.00 non-facility, 80.00 facility.
INSERT INTO pfs_gpci VALUES (2099, '9999901', '99999', 'TEST LOCALITY', 1, 1, 1),
                            (2099, '9999902', '99999', 'HALF LOCALITY', 0.5, 0.5, 0.5);
CREATE TEMP TABLE rows_under_test (hcpcs text, modifier text, status text, pe_nf numeric,
                                   mult text, bilat text, asst text, cosurg text, note text);
INSERT INTO rows_under_test VALUES
  -- status classes
  ('ST00A', '', 'A', 40, '2', '1', '2', '1', 'status A: priced'),
  ('ST00R', '', 'R', 40, '2', '1', '2', '1', 'status R: priced'),
  ('ST00T', '', 'T', 40, '2', '1', '2', '1', 'status T: priced'),
  ('ST00B', '', 'B', 40, '2', '1', '2', '1', 'status B: bundled, 0.00'),
  ('ST00P', '', 'P', 40, '2', '1', '2', '1', 'status P: bundled, 0.00'),
  ('ST00C', '', 'C', 40, '2', '1', '2', '1', 'status C: carrier priced, NULL'),
  ('ST00I', '', 'I', 40, '2', '1', '2', '1', 'status I: not valid, NULL'),
  ('ST00N', '', 'N', 40, '2', '1', '2', '1', 'status N: non-covered, NULL'),
  ('ST00X', '', 'X', 40, '2', '1', '2', '1', 'status X: statutory exclusion, NULL'),
  ('ST00E', '', 'E', 40, '2', '1', '2', '1', 'status E: excluded, NULL'),
  ('ST00J', '', 'J', 40, '2', '1', '2', '1', 'status J: anesthesia, NULL'),
  -- multiple procedure indicator 0-9
  ('MP000', '', 'A', 40, '0', '0', '2', '0', 'mult 0'), ('MP001', '', 'A', 40, '1', '0', '2', '0', 'mult 1'),
  ('MP002', '', 'A', 40, '2', '0', '2', '0', 'mult 2'), ('MP003', '', 'A', 40, '3', '0', '2', '0', 'mult 3'),
  ('MP004', '', 'A', 40, '4', '0', '2', '0', 'mult 4'), ('MP005', '', 'A', 40, '5', '0', '2', '0', 'mult 5'),
  ('MP006', '', 'A', 40, '6', '0', '2', '0', 'mult 6'), ('MP007', '', 'A', 40, '7', '0', '2', '0', 'mult 7'),
  ('MP009', '', 'A', 40, '9', '0', '2', '0', 'mult 9'),
  -- bilateral indicator 0, 1, 2, 3, 9
  ('BI000', '', 'A', 40, '2', '0', '2', '0', 'bilat 0'), ('BI001', '', 'A', 40, '2', '1', '2', '0', 'bilat 1'),
  ('BI002', '', 'A', 40, '2', '2', '2', '0', 'bilat 2'), ('BI003', '', 'A', 40, '2', '3', '2', '0', 'bilat 3'),
  ('BI009', '', 'A', 40, '2', '9', '2', '0', 'bilat 9'),
  -- assistant indicator 0, 1, 2, 9
  ('AS000', '', 'A', 40, '2', '0', '0', '0', 'asst 0'), ('AS001', '', 'A', 40, '2', '0', '1', '0', 'asst 1'),
  ('AS002', '', 'A', 40, '2', '0', '2', '0', 'asst 2'), ('AS009', '', 'A', 40, '2', '0', '9', '0', 'asst 9'),
  -- co-surgeon indicator 0, 1, 2, 9
  ('CO000', '', 'A', 40, '2', '0', '2', '0', 'co 0'), ('CO001', '', 'A', 40, '2', '0', '2', '1', 'co 1'),
  ('CO002', '', 'A', 40, '2', '0', '2', '2', 'co 2'), ('CO009', '', 'A', 40, '2', '0', '2', '9', 'co 9'),
  -- PC/TC rows, a 53 row, NA (NULL non-facility PE)
  ('PCTC1', '', 'A', 40, '0', '0', '9', '9', 'global of a PC/TC code'),
  ('PCTC1', '26', 'A', 10, '0', '0', '9', '9', 'professional component'),
  ('PCTC1', 'TC', 'A', 30, '0', '0', '9', '9', 'technical component'),
  ('PCTC1', '53', 'A', 5, '0', '0', '9', '9', 'discontinued'),
  ('NOPC1', '', 'A', 40, '0', '0', '9', '9', 'no component rows'),
  ('NA001', '', 'A', NULL, '2', '1', '2', '1', 'non-facility PE is NA');
INSERT INTO pfs_rvu (year, hcpcs, modifier, status, work_rvu, pe_nonfacility, pe_facility, mp_rvu,
                     pctc, global_days, mult_proc, bilateral, assistant, co_surgeon, team, conversion_factor)
SELECT 2099, hcpcs, modifier, status,
       CASE modifier WHEN '26' THEN 20 WHEN 'TC' THEN 0 WHEN '53' THEN 10 ELSE 60 END,
       pe_nf, CASE modifier WHEN '26' THEN 5 WHEN 'TC' THEN 15 WHEN '53' THEN 2 ELSE 20 END, 0,
       CASE WHEN hcpcs LIKE 'PCTC%' THEN '1' ELSE '0' END, '090', mult, bilat, asst, cosurg, '0', 1
FROM rows_under_test;
-- Rounding at both steps: a fee of 100.005 is 100.01, and 150% of it 150.015, so 150.02
-- (150% of the unrounded fee would be 150.0075, 150.01).
INSERT INTO pfs_rvu VALUES (2099, 'RND01', '', 'A', 100.005, 0, 0, 0, '0', '090', '2', '1', '2', '1', '0', 1);

-- Every rule, line by line: the global row's amount is 100.00 (non-facility) or 80.00 (facility).
SELECT r.note, m.mods, medicare_allowed(r.hcpcs, m.mods, 2099, '9999901') AS nonfacility,
       medicare_allowed(r.hcpcs, m.mods, 2099, '9999901', facility => true) AS facility,
       medicare_allowed(r.hcpcs, m.mods, 2099, '9999901', procedure_rank => 2) AS rank_2
FROM (SELECT DISTINCT ON (hcpcs) * FROM rows_under_test ORDER BY hcpcs, modifier) AS r
CROSS JOIN LATERAL (VALUES ('{}'::text[])) AS m(mods)
WHERE r.hcpcs LIKE 'ST%' OR r.hcpcs LIKE 'MP%' OR r.hcpcs LIKE 'NA%'
ORDER BY r.hcpcs;

SELECT r.note, m.mods, medicare_allowed(r.hcpcs, m.mods, 2099, '9999901') AS one_unit,
       medicare_allowed(r.hcpcs, m.mods, 2099, '9999901', units => 2) AS two_units
FROM rows_under_test r,
     (VALUES ('{50}'::text[]), ('{80}'), ('{81}'), ('{82}'), ('{AS}'), ('{80,AS}'), ('{62}')) AS m(mods)
WHERE (r.hcpcs LIKE 'BI%' AND m.mods = '{50}') OR (r.hcpcs LIKE 'AS%' AND m.mods && '{80,81,82,AS}')
   OR (r.hcpcs LIKE 'CO%' AND m.mods = '{62}')
ORDER BY r.hcpcs, m.mods;

SELECT m.mods, medicare_allowed('PCTC1', m.mods, 2099, '9999901') AS pctc1,
       medicare_allowed('PCTC1', m.mods, 2099, '9999901', facility => true) AS pctc1_facility,
       medicare_allowed('NOPC1', m.mods, 2099, '9999901') AS no_component_rows
FROM (VALUES ('{}'::text[]), ('{26}'), ('{TC}'), ('{tc}'), ('{53}'), ('{26,53}'), ('{LT}'), ('{26,TC}')) AS m(mods);

SELECT medicare_allowed('RND01', '{}', 2099, '9999901') AS fee_rounded,              -- 100.01
       medicare_allowed('RND01', '{50}', 2099, '9999901') AS bilateral_rounded_again, -- 150.02
       medicare_allowed('RND01', '{AS}', 2099, '9999901') AS assistant,               -- 13.60 (13.60136)
       medicare_allowed('ST00A', '{}', 2099, '9999902') AS half_gpcis,                -- 50.00
       medicare_allowed('ST00A', '{}', 2099, '9999901', units => 3) AS three_units,   -- 300.00
       medicare_allowed('st00a', NULL, 2099, '9999901') AS lower_case_null_mods;      -- 100.00

-- No rows for the year or the locality, or NULL arguments: NULL.
SELECT medicare_allowed('ST00A', '{}', 2098, '9999901') AS no_year,
       medicare_allowed('ST00A', '{}', 2099, '9999903') AS no_locality,
       medicare_allowed('NOSUCH', '{}', 2099, '9999901') AS no_code,
       medicare_allowed('ST00A', '{}', NULL, '9999901') AS null_year,
       medicare_allowed('ST00A', '{}', 2099, NULL) AS null_locality,
       medicare_schedule(2098, '9999901') IS NULL AS no_schedule_for_2098,
       medicare_schedule(2099, '9999903') IS NULL AS no_schedule_for_locality;
\set VERBOSITY default
SELECT medicare_allowed('ST00A', '{}', 2099, '9999901', units => -1);
SELECT medicare_allowed('ST00A', '{}', 2099, '9999901', procedure_rank => 0);
\set VERBOSITY terse

-- 3. medicare_schedule: the same rules as a rate_schedule.
SELECT medicare_schedule(2099, '9999901')::text ~ '^mppr: 100 50; ' AS mppr_policy,
       (SELECT count(*) FROM rate_schedule_entries(medicare_schedule(2099, '9999901'))) AS entries;
SELECT e FROM unnest(string_to_array(medicare_schedule(2099, '9999901')::text, '; ')) AS e
WHERE e ~ '^(ST00A|ST00B|MP005|BI003|BI009|AS001|CO009|PCTC1|NA001|RND01)';

-- ... and expected_allowed over it equals medicare_allowed for every code, modifier
-- combination, setting, unit count and rank above.
CREATE TEMP TABLE agreement AS
SELECT c.hcpcs, m.mods, f.facility, u.units, k.rank,
       medicare_allowed(c.hcpcs, m.mods, 2099, '9999901', f.facility, u.units, k.rank) AS allowed,
       expected_allowed(s.s, c.hcpcs, m.mods, u.units, NULL, NULL, k.rank, f.facility) AS from_schedule
FROM (SELECT DISTINCT hcpcs FROM pfs_rvu WHERE year = 2099 UNION ALL SELECT 'NOSUCH') AS c,
     (SELECT medicare_schedule(2099, '9999901') AS s) AS s,
     (VALUES ('{}'::text[]), ('{50}'), ('{62}'), ('{80}'), ('{81}'), ('{82}'), ('{AS}'), ('{80,AS}'), ('{26}'), ('{TC}'),
             ('{53}'), ('{26,53}'), ('{50,80}'), ('{62,50}'), ('{LT}'), ('{50,AS,82}')) AS m(mods),
     (VALUES (false), (true)) AS f(facility), (VALUES (1), (2), (0.5)) AS u(units), (VALUES (1), (2), (3)) AS k(rank);
SELECT count(*) AS lines, count(allowed) AS priced,
       count(*) FILTER (WHERE allowed IS DISTINCT FROM from_schedule) AS disagreements
FROM agreement;

-- 4. Payment indicators in any schedule: text, canonical order, jsonb, binary versions, errors.
SELECT '27130: 1500.00 no_cosurgeon NO_MPPR bilateral 200%; 99213: 92.50; 27447: 140% medicare no_assistant'::rate_schedule;
SELECT '27130: 1500.00 no_mppr bilateral 200%; 99213: 92.50'::rate_schedule::jsonb;
SELECT '{"27130": "1500.00 bilateral 100%"}'::jsonb::rate_schedule;
SELECT get_byte(rate_schedule_send('99213: 92.50'), 0) AS plain_version,
       get_byte(rate_schedule_send('99213: 92.50 no_mppr'), 0) AS indicator_version;
SELECT label, expected_allowed(s, '27130', mods, procedure_rank => rank) AS allowed
FROM (VALUES ('1.0 schedule, rank 2',           '27130: 1000.00'::rate_schedule, '{}'::text[], 2),
             ('no_mppr, rank 2',                '27130: 1000.00 no_mppr', '{}', 2),
             ('no_mppr under mppr: 90 50',      '27130: 1000.00 no_mppr; mppr: 90 50', '{}', 1),
             ('bilateral 200%',                 '27130: 1000.00 bilateral 200%', '{50}', 1),
             ('bilateral 100%',                 '27130: 1000.00 bilateral 100%', '{50}', 1),
             ('no_assistant',                   '27130: 1000.00 no_assistant', '{80}', 1),
             ('no_assistant, AS',               '27130: 1000.00 no_assistant', '{AS,80}', 1),
             ('no_cosurgeon',                   '27130: 1000.00 no_cosurgeon', '{62}', 1),
             ('indicator of another entry',     '27130: 1000.00; 27130-50: 1800.00 no_mppr', '{}', 2),
             ('entry for 50 with indicators',   '27130: 1000.00; 27130-50: 1800.00 bilateral 200%', '{50}', 1)) AS t(label, s, mods, rank);
SELECT expected_allowed_explain('27130: 1000.00 no_mppr bilateral 200%', '27130', '{50}', procedure_rank => 2)
       - 'lesser_of' - 'code';
-- A binary COPY round trip of schedules with indicators (format 2) and without (format 1, as 1.0 wrote).
SELECT '/tmp/contracts_ext_medicare_' || pg_backend_pid() || '.copy' AS copyfile \gset
\setenv CONTRACTS_EXT_COPYFILE :copyfile
CREATE TEMP TABLE indicator_src AS
SELECT 1 AS id, '27130: 1500.00 no_mppr bilateral 200% no_assistant no_cosurgeon; 99213: 92.50'::rate_schedule AS s
UNION ALL SELECT 2, '99213: 92.50; 27130-50@facility: 2000'
UNION ALL SELECT 3, medicare_schedule(2099, '9999901');
\copy indicator_src TO PROGRAM 'cat > "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
CREATE TEMP TABLE indicator_dst (LIKE indicator_src);
\copy indicator_dst FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
SELECT id, s.s = d.s AS same, get_byte(rate_schedule_send(d.s), 0) AS format
FROM indicator_src s JOIN indicator_dst d USING (id) ORDER BY id;
\! rm -f "$CONTRACTS_EXT_COPYFILE"
\set VERBOSITY default
SELECT '27130: 1500.00 bilateral'::rate_schedule;
SELECT '27130: 1500.00 bilateral 150.5%'::rate_schedule;
SELECT '27130: 1500.00 bilateral 1001%'::rate_schedule;
SELECT '27130: 1500.00 no_mppr no_mppr'::rate_schedule;
SELECT '27130: 1500.00 no_mppr assistant'::rate_schedule;
\set VERBOSITY terse

-- 5. The load commands of the README on a sample in CMS's layout (title rows, a
-- four-row header, 32 columns, descriptions blanked; GPCI file with title and
-- footnote rows).
\i test/data/load_sample.sql
SELECT * FROM pfs_gpci WHERE year = 2025 ORDER BY locality;
SELECT count(*) AS rows, count(*) FILTER (WHERE modifier <> '') AS component_rows,
       count(*) FILTER (WHERE pe_nonfacility IS NULL) AS na_rows, count(DISTINCT conversion_factor) AS factors
FROM pfs_rvu WHERE year = 2025;
SELECT * FROM pfs_rvu WHERE year = 2025 AND hcpcs IN ('99213', '27447', '71046', '99221') ORDER BY hcpcs, modifier;
-- Worked example of the README: 99213 in Bakersfield (0111254), 2025.
SELECT medicare_allowed('99213', '{}', 2025, '0111254') AS office,
       medicare_allowed('99213', '{}', 2025, '0111254', facility => true) AS facility,
       medicare_allowed('27447', '{50}', 2025, '0111254', facility => true) AS bilateral_knee,
       medicare_allowed('71046', '{26}', 2025, '1011200') AS chest_xray_professional_alabama;
SELECT count(*) FILTER (WHERE allowed IS DISTINCT FROM from_schedule) AS disagreements_on_sample
FROM (SELECT medicare_allowed(r.hcpcs, m.mods, 2025, g.locality, f.facility) AS allowed,
             expected_allowed(medicare_schedule(2025, g.locality), r.hcpcs, m.mods, 1, NULL, NULL, 1, f.facility) AS from_schedule
      FROM (SELECT DISTINCT hcpcs FROM pfs_rvu WHERE year = 2025) AS r, pfs_gpci g,
           (VALUES ('{}'::text[]), ('{26}'), ('{TC}'), ('{50}'), ('{80}'), ('{62}'), ('{53}')) AS m(mods),
           (VALUES (false), (true)) AS f(facility)
      WHERE g.year = 2025) AS x;
-- The columns are found by name: the 31-column layout of earlier years (no PRIC IND)
-- loads the same; a quoted description with commas and quotes is skipped whole.
SELECT hcpcs, modifier, status, work_rvu, pe_nonfacility, pe_facility, mp_rvu, mult_proc, bilateral, assistant,
       co_surgeon, team, conversion_factor
FROM pfs_rvu_csv(2019, ARRAY[
  ',,2019 National Physician Fee Schedule Relative Value File October Release,,,,,,,,,,,,,,,,,,,,,,,,,,,,',
  ',,,STATUS,MEDICARE,WORK,NON-FAC,NA,FACILITY,NA,MP,NON-FACILITY,FACILITY,PCTC,GLOB,PRE,INTRA,POST,MULT,BILAT,ASST,CO-,TEAM,ENDO,CONV,DIAGNOSTIC,CALCULATION,FAMILY,PAYMENT,PAYMENT,PAYMENT',
  'HCPCS,MOD,DESCRIPTION,CODE,PAYMENT,RVU,PE RVU,INDICATOR,PE RVU,INDICATOR,RVU,TOTAL,TOTAL,IND,DAYS,OP,OP,OP,PROC,SURG,SURG,SURG,SURG,BASE,FACTOR,PROCEDURES,FLAG,INDICATOR,AMOUNT,AMOUNT,AMOUNT',
  '99213,,"(replaced, with ""quotes"")",A,,0.97,1.05,,0.40,,0.07,2.09,1.44,0,XXX,0.00,0.00,0.00,0,0,2,0,0,,36.0391,09,0,99,0.00,0.00,0.00',
  '99285,,,A,,3.80,0.80,NA,0.80,,0.38,4.98,4.98,0,XXX,0.00,0.00,0.00,0,0,2,0,0,,36.0391,09,0,99,0.00,0.00,0.00',
  'Footnote: not a code row,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,']);

-- In parallel workers (each reads the tables itself) the same answer as serially.
CREATE TABLE medicare_par AS SELECT hcpcs, mods, facility, units, rank FROM agreement;
ANALYZE medicare_par;
SELECT sum(medicare_allowed(hcpcs, mods, 2099, '9999901', facility, units, rank)) AS serial FROM medicare_par;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2; SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT sum(medicare_allowed(hcpcs, mods, 2099, '9999901', facility, units, rank)) FROM medicare_par;
SELECT sum(medicare_allowed(hcpcs, mods, 2099, '9999901', facility, units, rank)) AS parallel FROM medicare_par;
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather; RESET parallel_leader_participation;
DROP TABLE medicare_par;

-- Amounts beyond what a rate schedule holds, and table values beyond exact
-- arithmetic, are errors naming the code or the value (22003).
INSERT INTO pfs_gpci VALUES (2098, '9999901', '99999', 'TEST LOCALITY', 1, 1, 1);
INSERT INTO pfs_rvu VALUES (2098, 'BIG01', '', 'A', 1000000, 0, 0, 0, '0', '000', '0', '0', '0', '0', '0', 1000);
\set VERBOSITY default
SELECT medicare_allowed('BIG01', '{}', 2098, '9999901');
UPDATE pfs_rvu SET work_rvu = 1e40 WHERE year = 2098;
SELECT medicare_allowed('BIG01', '{}', 2098, '9999901');
\set VERBOSITY terse
DELETE FROM pfs_rvu WHERE year = 2098;
DELETE FROM pfs_gpci WHERE year = 2098;
