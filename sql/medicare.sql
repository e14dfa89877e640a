-- Medicare physician fee schedule: medicare_fee, medicare_allowed and
-- medicare_schedule over pfs_rvu/pfs_gpci rows, every CMS ch. 12 rule,
-- and the per-entry payment indicators of rate_schedule.

-- 1. medicare_fee: (work x GPCI + PE x GPCI + MP x GPCI) x CF, rounded half up to cents.
SELECT medicare_fee(1.30, 1.35, 0.10, 1.017, 1.093, 0.662, 32.3465) AS bakersfield_99213,   -- 2.86385 x 32.3465 = 92.6355... -> 92.64
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

-- 5. The load commands of the README on real CMS rows (test/data/README.md gives the
-- sources): 56 rows of CMS's RVU25D relative value file (PPRRVU2025_Oct.csv: its title
-- rows, four-row header and 31 columns, CRLF, descriptions blanked) and five localities of
-- GPCI2025.csv with its title and footnote rows.
\i test/data/load_sample.sql
SELECT * FROM pfs_gpci WHERE year = 2025 ORDER BY locality;
SELECT count(*) AS rows, count(*) FILTER (WHERE modifier <> '') AS component_rows,
       count(*) FILTER (WHERE pe_nonfacility IS NULL) AS na_rows, count(DISTINCT conversion_factor) AS factors,
       string_agg(DISTINCT status, '' ORDER BY status) AS statuses,
       string_agg(DISTINCT mult_proc, '' ORDER BY mult_proc) AS mult_proc,
       string_agg(DISTINCT bilateral, '' ORDER BY bilateral) AS bilateral,
       string_agg(DISTINCT assistant, '' ORDER BY assistant) AS assistant,
       string_agg(DISTINCT co_surgeon, '' ORDER BY co_surgeon) AS co_surgeon
FROM pfs_rvu WHERE year = 2025;
SELECT * FROM pfs_rvu WHERE year = 2025 AND hcpcs IN ('99213', '27447', '71046', '99221', '45378') ORDER BY hcpcs, modifier;

-- Every priced row of the sample against CMS's published Alabama amounts (PFAL25A.TXT, the
-- 2025 fee schedule of MAC 10112 locality 00: non-facility and facility amount per code and
-- modifier, copied here as facts): 47 rows, 94 amounts, all equal.
CREATE TEMP TABLE pfal25a (hcpcs text, modifier text, nonfacility numeric, facility numeric);
INSERT INTO pfal25a VALUES
  ('10060', '', 111.87, 95.01), ('11010', '', 384.01, 244.87), ('11042', '', 111.83, 54.20), ('11055', '', 60.23, 14.13),
  ('22818', '', 1902.43, 1902.43), ('27130', '', 1139.40, 1139.40), ('27447', '', 1138.09, 1138.09), ('29881', '', 484.31, 484.31),
  ('36591', '', 23.24, 23.24), ('36598', '', 100.38, 31.80), ('45378', '', 294.47, 163.76), ('45378', '53', 147.33, 82.11),
  ('70450', '', 94.48, 94.48), ('70450', '26', 36.95, 36.95), ('70450', 'TC', 57.53, 57.53), ('71046', '', 29.13, 29.13),
  ('71046', '26', 9.55, 9.55), ('71046', 'TC', 19.58, 19.58), ('73721', '', 178.86, 178.86), ('73721', '26', 58.84, 58.84),
  ('73721', 'TC', 120.02, 120.02), ('74177', '', 264.89, 264.89), ('74177', '26', 79.28, 79.28), ('74177', 'TC', 185.61, 185.61),
  ('93000', '', 12.62, 12.62), ('93005', '', 5.25, 5.25), ('93010', '', 7.37, 7.37), ('93306', '', 168.83, 168.83),
  ('93306', '26', 62.59, 62.59), ('93306', 'TC', 106.25, 106.25), ('96372', '', 12.71, 12.71), ('97110', '', 26.83, 26.83),
  ('97140', '', 25.34, 25.34), ('99202', '', 63.99, 42.63), ('99203', '', 99.99, 74.13), ('99204', '', 150.69, 120.89),
  ('99205', '', 199.09, 164.23), ('99211', '', 20.34, 7.98), ('99212', '', 50.28, 32.01), ('99213', '', 81.86, 59.93),
  ('99214', '', 115.49, 88.23), ('99215', '', 162.50, 130.46), ('99221', '', 74.44, 74.44), ('99232', '', 71.84, 71.84),
  ('99285', '', 159.59, 159.59), ('99291', '', 245.66, 193.66), ('99292', '', 107.89, 96.92);
SELECT count(*) AS published_rows, count(*) * 2 AS published_amounts,
       count(*) FILTER (WHERE medicare_allowed(hcpcs, ARRAY[modifier], 2025, '1011200') = nonfacility) AS nonfacility_equal,
       count(*) FILTER (WHERE medicare_allowed(hcpcs, ARRAY[modifier], 2025, '1011200', facility => true) = facility) AS facility_equal,
       (SELECT count(*) FROM pfs_rvu r WHERE year = 2025 AND status IN ('A', 'R', 'T')
          AND NOT EXISTS (SELECT FROM pfal25a p WHERE (p.hcpcs, p.modifier) = (r.hcpcs, r.modifier))) AS priced_rows_not_compared
FROM pfal25a;
SELECT p.*, medicare_allowed(hcpcs, ARRAY[modifier], 2025, '1011200') AS computed_nonfacility,
       medicare_allowed(hcpcs, ARRAY[modifier], 2025, '1011200', facility => true) AS computed_facility
FROM pfal25a p
WHERE medicare_allowed(hcpcs, ARRAY[modifier], 2025, '1011200') IS DISTINCT FROM nonfacility
   OR medicare_allowed(hcpcs, ARRAY[modifier], 2025, '1011200', facility => true) IS DISTINCT FROM facility;
-- The sample's other statuses: B and P bundled (0.00), the rest not priced (NULL).
SELECT hcpcs, status, medicare_allowed(hcpcs, '{}', 2025, '1011200') AS alabama
FROM pfs_rvu WHERE year = 2025 AND status NOT IN ('A', 'R', 'T') ORDER BY status, hcpcs;
-- The indicators of real rows: 27447 (mult 2, bilateral 1, assistant 2, co-surgeon 1),
-- 29881 (mult 3, assistant 0), 22818 (co-surgeon 2), 11010 (bilateral 2), 73721 (mult 4,
-- bilateral 3), 45378 (assistant 1), 74177 (assistant 9), 99213 (co-surgeon 0).
SELECT c.code, m.mods, medicare_allowed(c.code, m.mods, 2025, '1011200') AS rank_1,
       medicare_allowed(c.code, m.mods, 2025, '1011200', procedure_rank => 2) AS rank_2
FROM (VALUES ('27447'), ('29881'), ('22818'), ('11010'), ('73721'), ('45378'), ('74177'), ('99213')) AS c(code),
     (VALUES ('{}'::text[]), ('{50}'), ('{80}'), ('{AS}'), ('{62}')) AS m(mods)
ORDER BY c.code, m.mods;
-- Worked example of the README: 99213 in Bakersfield (0111254), 2025, and 27447; 71046-26 in Alabama.
SELECT medicare_allowed('99213', '{}', 2025, '0111254') AS office,                                 -- 92.64
       medicare_allowed('99213', '{}', 2025, '0111254', facility => true) AS facility,             -- 65.06
       medicare_allowed('27447', '{}', 2025, '0111254', facility => true) AS knee,                 -- 1270.92
       medicare_allowed('27447', '{50}', 2025, '0111254', facility => true) AS bilateral_knee,     -- 1906.38
       medicare_allowed('27447', '{}', 2025, '0111254', facility => true, procedure_rank => 2) AS knee_rank_2, -- 635.46
       medicare_allowed('71046', '{26}', 2025, '1011200') AS chest_xray_professional_alabama;      -- 9.55
SELECT count(*) AS lines, count(*) FILTER (WHERE allowed IS DISTINCT FROM from_schedule) AS disagreements_on_sample
FROM (SELECT medicare_allowed(r.hcpcs, m.mods, 2025, g.locality, f.facility) AS allowed,
             expected_allowed(medicare_schedule(2025, g.locality), r.hcpcs, m.mods, 1, NULL, NULL, 1, f.facility) AS from_schedule
      FROM (SELECT DISTINCT hcpcs FROM pfs_rvu WHERE year = 2025) AS r, pfs_gpci g,
           (VALUES ('{}'::text[]), ('{26}'), ('{TC}'), ('{50}'), ('{80}'), ('{62}'), ('{53}')) AS m(mods),
           (VALUES (false), (true)) AS f(facility)
      WHERE g.year = 2025) AS x;
-- The columns are found by name: the 32-column layout of 2026 (PRIC IND before ENDO BASE)
-- loads the same.  No 2026 file was at hand, so this is a LAYOUT test built by hand: the
-- 2026 header rows, and the sample's real 2025 rows of 99213 (with a quoted description
-- holding commas and quotes, skipped whole) and 99285 (NA) with an empty PRIC IND cell
-- inserted; not 2026 numbers.
SELECT hcpcs, modifier, status, work_rvu, pe_nonfacility, pe_facility, mp_rvu, mult_proc, bilateral, assistant,
       co_surgeon, team, conversion_factor
FROM pfs_rvu_csv(2026, ARRAY[
  ',,2026 National Physician Fee Schedule Relative Value File layout (hand-made test lines),,,,,,,,,,,,,,,,,,,,,,,,,,,,,',
  ',,,STATUS,MEDICARE,WORK,NON-FAC,NA,FACILITY,NA,MP,NON-FACILITY,FACILITY,PCTC,GLOB,PRE,INTRA,POST,MULT,BILAT,ASST,CO-,TEAM,PRIC,ENDO,CONV,DIAGNOSTIC,CALCULATION,FAMILY,PAYMENT,PAYMENT,PAYMENT',
  'HCPCS,MOD,DESCRIPTION,CODE,PAYMENT,RVU,PE RVU,INDICATOR,PE RVU,INDICATOR,RVU,TOTAL,TOTAL,IND,DAYS,OP,OP,OP,PROC,SURG,SURG,SURG,SURG,IND,BASE,FACTOR,PROCEDURES,FLAG,INDICATOR,AMOUNT,AMOUNT,AMOUNT',
  '99213,,"(replaced, with ""quotes"")",A,,1.30,1.35,,0.57,,0.10,2.75,1.97,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,,32.3465,09,0,99,0.00,0.00,0.00',
  '99285,,,A,,4.00,0.79,NA,0.79,,0.43,5.22,5.22,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,,32.3465,09,0,99,0.00,0.00,0.00',
  'Footnote: not a code row,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,']);

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
