-- A synthetic physician practice, generated inside the database:
--   SELECT demo.generate(scale);   -- scale 1: ~50,000 claims, ~150,000 lines, 12 months of 2025
--   SELECT demo.generate(scale, members, exhibit_codes);
--     members:       capitated members per capitated payer (default 2,500 x scale;
--                    about 11.7 member months each)
--     exhibit_codes: list this many codes in every fee schedule but Medicare's, as
--                    full fee-schedule exhibits do: the practice's codes plus
--                    synthetic codes it never bills (default 0: its codes only)
-- Deterministic (setseed), set-based, scalable.  Needs contracts_ext: the
-- contracts are stored in the extension's types, and what each payer should
-- have paid is what its contract says (expected_allowed); the remittances
-- then carry the faults the analyses must find (remit_lines.injected_fault).
DROP SCHEMA IF EXISTS demo CASCADE;
CREATE SCHEMA demo;
-- Contract versions may not overlap (an exclusion constraint on payer and
-- validity): btree_gist, from contrib, trusted, gives GiST its = on int.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Medicare physician fee schedule: real codes, RVUs close to CMS's published
-- values (work, practice expense non-facility and facility, malpractice).
CREATE TABLE demo.medicare_fee (
    code text PRIMARY KEY,
    description text NOT NULL,
    work_rvu numeric(6,2) NOT NULL,
    pe_rvu_nonfacility numeric(6,2) NOT NULL,
    pe_rvu_facility numeric(6,2) NOT NULL,
    mp_rvu numeric(6,2) NOT NULL,
    kind text NOT NULL           -- em, procedure, surgery, imaging, lab, therapy, drug, other
);
COMMENT ON TABLE demo.medicare_fee IS 'Medicare physician fee schedule RVUs by code (loaded into pfs_rvu below)';
INSERT INTO demo.medicare_fee VALUES
('99202','New patient office visit, straightforward',0.93,1.12,0.39,0.09,'em'),
('99203','New patient office visit, low complexity',1.60,1.49,0.66,0.16,'em'),
('99204','New patient office visit, moderate complexity',2.60,1.95,1.07,0.25,'em'),
('99205','New patient office visit, high complexity',3.50,2.40,1.44,0.33,'em'),
('99211','Established patient visit, minimal',0.18,0.53,0.07,0.01,'em'),
('99212','Established patient visit, straightforward',0.70,0.92,0.29,0.05,'em'),
('99213','Established patient visit, low complexity',1.30,1.24,0.53,0.10,'em'),
('99214','Established patient visit, moderate complexity',1.92,1.61,0.79,0.14,'em'),
('99215','Established patient visit, high complexity',2.80,2.06,1.15,0.20,'em'),
('99221','Initial hospital care, low',1.63,0.66,0.66,0.15,'em'),
('99222','Initial hospital care, moderate',2.61,1.06,1.06,0.22,'em'),
('99223','Initial hospital care, high',3.50,1.42,1.42,0.30,'em'),
('99231','Subsequent hospital care, low',1.00,0.40,0.40,0.08,'em'),
('99232','Subsequent hospital care, moderate',1.59,0.64,0.64,0.12,'em'),
('99233','Subsequent hospital care, high',2.40,0.97,0.97,0.17,'em'),
('99238','Hospital discharge day, 30 minutes or less',1.50,0.61,0.61,0.11,'em'),
('99283','Emergency visit, low',1.60,0.34,0.34,0.16,'em'),
('99284','Emergency visit, moderate',2.60,0.55,0.55,0.26,'em'),
('99285','Emergency visit, high',3.80,0.80,0.80,0.38,'em'),
('99385','Preventive visit, new, 18-39',1.92,1.86,0.78,0.13,'em'),
('99386','Preventive visit, new, 40-64',2.33,2.08,0.95,0.16,'em'),
('99395','Preventive visit, established, 18-39',1.75,1.62,0.71,0.12,'em'),
('99396','Preventive visit, established, 40-64',1.90,1.71,0.77,0.13,'em'),
('99397','Preventive visit, established, 65+',2.00,1.79,0.81,0.14,'em'),
('G0438','Annual wellness visit, initial',2.43,2.32,1.00,0.17,'em'),
('G0439','Annual wellness visit, subsequent',1.50,1.84,0.61,0.10,'em'),
('99490','Chronic care management, first 20 minutes',1.00,0.94,0.41,0.07,'em'),
('99497','Advance care planning, first 30 minutes',1.50,0.82,0.62,0.10,'em'),
('10060','Drainage of skin abscess',1.22,2.53,0.79,0.13,'procedure'),
('11042','Debridement, subcutaneous tissue',1.01,2.17,0.55,0.16,'procedure'),
('11102','Tangential skin biopsy, single lesion',0.66,2.04,0.38,0.07,'procedure'),
('11104','Punch biopsy of skin, single lesion',0.83,2.37,0.46,0.09,'procedure'),
('11200','Removal of skin tags, up to 15',0.82,1.70,0.58,0.08,'procedure'),
('11721','Debridement of nails, 6 or more',0.53,0.94,0.20,0.05,'procedure'),
('12001','Simple repair of wound, 2.5 cm or less',0.84,2.03,0.39,0.13,'procedure'),
('17000','Destruction of premalignant lesion, first',0.61,1.28,0.58,0.06,'procedure'),
('17110','Destruction of benign lesions, up to 14',0.70,1.83,0.80,0.07,'procedure'),
('20550','Injection of tendon sheath or ligament',0.75,0.83,0.31,0.09,'procedure'),
('20610','Arthrocentesis or injection, major joint',0.79,0.82,0.36,0.09,'procedure'),
('20611','Arthrocentesis, major joint, with ultrasound',1.10,1.50,0.45,0.13,'procedure'),
('64483','Transforaminal epidural injection, lumbar, one level',1.90,4.50,0.95,0.19,'procedure'),
('69210','Removal of impacted ear wax',0.61,0.71,0.25,0.05,'procedure'),
('36415','Routine venipuncture',0.00,0.10,0.10,0.01,'procedure'),
('96372','Therapeutic injection, subcutaneous or intramuscular',0.17,0.36,0.36,0.01,'procedure'),
('90471','Immunization administration, first',0.17,0.43,0.43,0.01,'procedure'),
('93000','Electrocardiogram with interpretation',0.17,0.30,0.30,0.02,'procedure'),
('94010','Spirometry',0.17,0.64,0.64,0.01,'procedure'),
('45378','Diagnostic colonoscopy',3.26,6.45,1.69,0.33,'surgery'),
('45380','Colonoscopy with biopsy',3.56,7.10,1.85,0.36,'surgery'),
('45385','Colonoscopy with snare polypectomy',4.57,7.43,2.33,0.47,'surgery'),
('43239','Upper GI endoscopy with biopsy',2.39,6.24,1.29,0.25,'surgery'),
('47562','Laparoscopic cholecystectomy',10.47,6.05,6.05,2.45,'surgery'),
('49505','Inguinal hernia repair, age 5 or older',7.96,5.02,5.02,1.64,'surgery'),
('29881','Knee arthroscopy with meniscectomy',7.03,5.25,5.25,1.43,'surgery'),
('29880','Knee arthroscopy, medial and lateral meniscectomy',7.39,5.40,5.40,1.51,'surgery'),
('29827','Shoulder arthroscopy, rotator cuff repair',15.59,9.79,9.79,3.18,'surgery'),
('27447','Total knee arthroplasty',19.60,11.66,11.66,3.98,'surgery'),
('27130','Total hip arthroplasty',19.60,11.78,11.78,3.97,'surgery'),
('28285','Hammertoe correction',4.62,6.64,4.05,0.94,'surgery'),
('26055','Trigger finger release',2.69,6.34,2.40,0.55,'surgery'),
('64721','Carpal tunnel release',4.97,6.58,3.92,1.01,'surgery'),
('66984','Cataract removal with lens implant',7.35,5.18,5.18,0.59,'surgery'),
('19301','Partial mastectomy',10.13,6.21,6.21,2.05,'surgery'),
('58558','Hysteroscopy with biopsy',4.17,6.07,2.51,0.85,'surgery'),
('59400','Routine obstetric care, vaginal delivery (global)',23.06,19.12,19.12,4.66,'surgery'),
('59510','Routine obstetric care, cesarean (global)',26.22,21.10,21.10,5.29,'surgery'),
('17999','Unlisted procedure, skin',0.00,0.00,0.00,0.00,'surgery'),
('64999','Unlisted procedure, nervous system',0.00,0.00,0.00,0.00,'surgery'),
('70450','CT head without contrast',0.85,2.80,2.80,0.05,'imaging'),
('70553','MRI brain without and with contrast',2.29,8.60,8.60,0.13,'imaging'),
('71045','Chest X-ray, single view',0.18,0.58,0.58,0.01,'imaging'),
('71046','Chest X-ray, two views',0.22,0.74,0.74,0.01,'imaging'),
('72148','MRI lumbar spine without contrast',1.48,5.10,5.10,0.08,'imaging'),
('73030','Shoulder X-ray, two or more views',0.18,0.77,0.77,0.01,'imaging'),
('73721','MRI joint of lower extremity without contrast',1.35,5.20,5.20,0.07,'imaging'),
('74177','CT abdomen and pelvis with contrast',1.82,6.40,6.40,0.10,'imaging'),
('76700','Abdominal ultrasound, complete',0.81,2.95,2.95,0.05,'imaging'),
('77067','Screening mammography, bilateral',0.76,2.83,2.83,0.05,'imaging'),
('93306','Echocardiogram, complete',1.46,4.27,4.27,0.08,'imaging'),
('80053','Comprehensive metabolic panel',0.00,0.30,0.30,0.00,'lab'),
('80061','Lipid panel',0.00,0.37,0.37,0.00,'lab'),
('83036','Hemoglobin A1c',0.00,0.26,0.26,0.00,'lab'),
('84443','Thyroid stimulating hormone',0.00,0.46,0.46,0.00,'lab'),
('85025','Complete blood count with differential',0.00,0.21,0.21,0.00,'lab'),
('81003','Urinalysis, automated, without microscopy',0.00,0.06,0.06,0.00,'lab'),
('87635','SARS-CoV-2 amplified probe test',0.00,1.30,1.30,0.00,'lab'),
('97110','Therapeutic exercise, each 15 minutes',0.45,0.48,0.48,0.02,'therapy'),
('97140','Manual therapy, each 15 minutes',0.43,0.43,0.43,0.02,'therapy'),
('97530','Therapeutic activities, each 15 minutes',0.44,0.64,0.64,0.02,'therapy'),
('97161','Physical therapy evaluation, low complexity',1.54,1.34,1.34,0.06,'therapy'),
('J1100','Dexamethasone sodium phosphate, 1 mg',0.00,0.01,0.01,0.00,'drug'),
('J3301','Triamcinolone acetonide, 10 mg',0.00,0.05,0.05,0.00,'drug'),
('J1885','Ketorolac tromethamine, 15 mg',0.00,0.01,0.01,0.00,'drug'),
('90686','Influenza vaccine, quadrivalent, preservative free',0.00,0.58,0.58,0.00,'drug');

CREATE TABLE demo.medicare_cf (effective_from date, effective_to date, conversion_factor numeric(8,4));
COMMENT ON TABLE demo.medicare_cf IS 'Medicare physician fee schedule conversion factors by period';
INSERT INTO demo.medicare_cf VALUES
    ('2024-01-01', '2024-03-08', 32.7442), ('2024-03-09', '2024-12-31', 33.2875),
    ('2025-01-01', '2025-12-31', 32.3465), ('2026-01-01', '2026-12-31', 33.4009);

-- CMS's fee schedule tables, filled as a practice fills them from CMS's files
-- (README, "Medicare physician fee schedule"): the codes above for 2024-2026
-- with each year's conversion factor, component (26/TC) rows for imaging,
-- indicators typical of each kind of code, and the practice's locality,
-- Arizona (0310200), at CMS's 2025 GPCIs for every year.  Unlisted codes
-- have no RVUs: status C (carrier priced), no Medicare amount.
INSERT INTO pfs_gpci SELECT y, '0310200', '03102', 'ARIZONA', 1.000, 0.975, 0.854 FROM generate_series(2024, 2026) AS y;
INSERT INTO pfs_rvu (year, hcpcs, modifier, status, work_rvu, pe_nonfacility, pe_facility, mp_rvu, pctc,
                     global_days, mult_proc, bilateral, assistant, co_surgeon, team, conversion_factor)
SELECT y.year, f.code, c.modifier, CASE WHEN f.work_rvu + f.pe_rvu_nonfacility + f.mp_rvu > 0 THEN 'A' ELSE 'C' END,
       CASE c.modifier WHEN 'TC' THEN 0 ELSE f.work_rvu END,
       round(f.pe_rvu_nonfacility * c.pe_share, 2), round(f.pe_rvu_facility * c.pe_share, 2),
       CASE c.modifier WHEN 'TC' THEN 0 ELSE f.mp_rvu END,
       CASE f.kind WHEN 'imaging' THEN '1' ELSE '0' END,
       CASE f.kind WHEN 'surgery' THEN '090' WHEN 'procedure' THEN '000' ELSE 'XXX' END,
       CASE WHEN f.kind IN ('surgery', 'procedure') THEN '2' WHEN f.kind = 'imaging' THEN '4' WHEN f.kind = 'therapy' THEN '5' ELSE '0' END,
       CASE WHEN f.code IN ('27447', '27130', '29881', '64483', '20610') THEN '1' ELSE '0' END,
       CASE f.kind WHEN 'surgery' THEN '2' WHEN 'em' THEN '0' ELSE '9' END,
       CASE WHEN f.code IN ('27447', '27130', '29827', '47562') THEN '1' ELSE '0' END, '0', y.cf
FROM demo.medicare_fee f
CROSS JOIN (VALUES (2024, 32.7442), (2025, 32.3465), (2026, 33.4009)) AS y(year, cf)
JOIN (VALUES ('', 1.0), ('26', 0.12), ('TC', 0.88)) AS c(modifier, pe_share) ON c.modifier = '' OR f.kind = 'imaging';

-- The practice's Medicare amounts, from those tables.  A "% medicare" rule
-- takes the one-unit amount of the line's row (26, TC and 53 choose it); the
-- contract's own policies then adjust it.  (A plain expression, so the
-- planner inlines it and medicare_allowed keeps its per-query cache.)
CREATE FUNCTION demo.medicare_basis(code text, modifier1 text, modifier2 text, service_date date, facility boolean)
RETURNS numeric LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT medicare_allowed(code, ARRAY[CASE WHEN modifier1 IN ('26', 'TC', '53') THEN modifier1 END,
                                        CASE WHEN modifier2 IN ('26', 'TC', '53') THEN modifier2 END],
                            extract(year FROM service_date)::int, '0310200', facility) $$;
CREATE VIEW demo.medicare_amount AS
SELECT f.code, cf.effective_from, cf.effective_to, s.facility,
       medicare_allowed(f.code, '{}', extract(year FROM cf.effective_from)::int, '0310200', s.facility) AS amount
FROM demo.medicare_fee f CROSS JOIN demo.medicare_cf cf CROSS JOIN (VALUES (false), (true)) AS s(facility);
COMMENT ON VIEW demo.medicare_amount IS 'Medicare amount per code, conversion-factor period and setting (global rows, from pfs_rvu and pfs_gpci)';

CREATE TABLE demo.payers (payer_id int PRIMARY KEY, name text, kind text, state text);
COMMENT ON TABLE demo.payers IS 'the practice''s payers';
CREATE TABLE demo.payer_contracts (
    contract_id int PRIMARY KEY, payer_id int REFERENCES demo.payers, product text,
    effective_from date NOT NULL, effective_to date, terms contract, schedule rate_schedule, capitation capitation,
    -- the dates of service the version covers (effective_to NULL: until replaced)
    valid daterange GENERATED ALWAYS AS (daterange(effective_from, effective_to, '[]')) STORED,
    EXCLUDE USING gist (payer_id WITH =, valid WITH &&));
COMMENT ON TABLE demo.payer_contracts IS 'payer contract versions by validity (no two of a payer overlap): administrative terms, fee schedule, capitation terms; join lines with valid @> service_date';
CREATE TABLE demo.claims (
    claim_id bigint PRIMARY KEY, payer_id int, member_id bigint, service_date date, received_date date,
    submission text, place_of_service text, rendering_provider_type text);
COMMENT ON TABLE demo.claims IS 'claims as submitted (received_date: receipt at the payer)';
CREATE TABLE demo.claim_lines (
    claim_id bigint, line_no int, service_date date, code text, modifier1 text, modifier2 text,
    modifier3 text, modifier4 text, units numeric, billed numeric(12,2), place_of_service text, facility boolean,
    PRIMARY KEY (claim_id, line_no));
COMMENT ON TABLE demo.claim_lines IS 'service lines as billed (billed: the chargemaster price x units)';
CREATE TABLE demo.remit_lines (
    claim_id bigint, line_no int, remit_date date, allowed numeric(12,2), paid numeric(12,2),
    patient_resp numeric(12,2), injected_fault text, PRIMARY KEY (claim_id, line_no));
COMMENT ON TABLE demo.remit_lines IS '835 service-line payments; injected_fault labels the synthetic errors';
CREATE TABLE demo.remit_adjustments (
    claim_id bigint, line_no int, group_code text, carc text, amount numeric(12,2), rarc text);
COMMENT ON TABLE demo.remit_adjustments IS '835 CAS adjustments: group code, reason code, amount (billed - sum = paid)';
CREATE TABLE demo.membership (payer_id int, member_id bigint, month date, risk_score numeric(5,3));
COMMENT ON TABLE demo.membership IS 'capitated members by month, with risk scores';
CREATE TABLE demo.capitated_cost (payer_id int, member_id bigint, month date, cost numeric(12,2));
COMMENT ON TABLE demo.capitated_cost IS 'cost of care per capitated member-month';

CREATE FUNCTION demo.generate(scale numeric DEFAULT 1, members int DEFAULT NULL,
                              exhibit_codes int DEFAULT 0) RETURNS text
LANGUAGE plpgsql AS $gen$
DECLARE
    n_claims int := greatest(50, round(50000 * scale));
    n_members int := coalesce(members, greatest(20, round(2500 * scale)));
BEGIN
    SET LOCAL max_parallel_workers_per_gather = 0;  -- random() in plan order: deterministic
    PERFORM setseed(0.4242);
    TRUNCATE demo.payers, demo.payer_contracts, demo.claims, demo.claim_lines, demo.remit_lines,
             demo.remit_adjustments, demo.membership, demo.capitated_cost CASCADE;

    INSERT INTO demo.payers VALUES
        (1, 'Medicare', 'medicare', 'TX'),
        (2, 'Acme Health', 'commercial', 'TX'),
        (3, 'Blue Meridian', 'commercial', 'TX'),
        (4, 'Summit Mutual', 'commercial', 'GA'),
        (5, 'Pinnacle Care', 'commercial', 'NY'),
        (6, 'Harbor Advantage', 'medicare_advantage', 'TX'),
        (7, 'Riverside Medicaid Plan', 'medicaid_managed_care', 'TX');

    -- The rest of a full exhibit: 5-digit codes the practice never bills,
    -- with Medicare-like amounts from $20 to $420.
    CREATE TEMP TABLE exhibit_tail ON COMMIT DROP AS
    SELECT code, 20 + (abs(hashint4(n)) % 40000) / 100.0 AS amount
    FROM (SELECT n, n::text AS code FROM generate_series(10000, 99999, 7) AS n) AS t
    WHERE NOT EXISTS (SELECT 1 FROM demo.medicare_fee f WHERE f.code = t.code)
    ORDER BY n
    LIMIT greatest(0, exhibit_codes - (SELECT count(*) FROM demo.medicare_fee));

    -- Contracts: a 2024 and a 2025 version per payer.  Commercial fee
    -- schedules are fixed amounts at a payer-specific percent of Medicare
    -- for every listed code; 2025 is 2024 raised 3%.
    INSERT INTO demo.payer_contracts (contract_id, payer_id, product, effective_from, effective_to, terms, schedule, capitation)
    SELECT p.payer_id * 10 + y.v, p.payer_id, CASE WHEN p.payer_id >= 6 THEN 'HMO' ELSE 'PPO' END,
           make_date(2023 + y.v, 1, 1), CASE WHEN y.v = 1 THEN '2024-12-31'::date END,
           t.terms::contract,
           CASE WHEN p.payer_id = 1 THEN 'default: 100% medicare'::rate_schedule
                ELSE (SELECT rate_schedule_agg(e.code, round(e.amount * pct.p / 100 * (1 + 0.03 * (y.v - 1)), 2))
                      FROM (SELECT f.code, m.amount
                            FROM demo.medicare_fee f JOIN demo.medicare_amount m ON m.code = f.code AND NOT m.facility
                                 AND m.effective_from = make_date(2023 + y.v, 1, 1)
                            WHERE f.work_rvu + f.pe_rvu_nonfacility > 0
                              AND NOT (p.payer_id = 4 AND f.kind IN ('therapy', 'drug'))
                            UNION ALL  -- professional and technical components
                            SELECT r.hcpcs || '-' || r.modifier, medicare_allowed(r.hcpcs, ARRAY[r.modifier], 2023 + y.v, '0310200')
                            FROM pfs_rvu r WHERE r.year = 2023 + y.v AND r.modifier IN ('26', 'TC')
                            UNION ALL
                            SELECT code, amount FROM exhibit_tail) AS e)
                     || t.policies::rate_schedule END,
           -- One settlement per deviation from the benchmark: Harbor shares
           -- savings and losses, Riverside (Medicaid) settles through a corridor.
           CASE p.payer_id WHEN 6 THEN 'pmpm: 42.50; withhold: 10%; benchmark: 38.00; share: 50%; loss_share: 40%; msr: 2%; savings_cap: 10%; loss_cap: 15%; stop_loss: 25000; stop_loss_rate: 80%'
                           WHEN 7 THEN 'pmpm: 28.75; withhold: 5%; benchmark: 30.00; corridor: 3% 50%, 8% 80%; stop_loss: 15000; stop_loss_rate: 90%' END::capitation
    FROM demo.payers p
    CROSS JOIN (VALUES (1), (2)) AS y(v)
    JOIN (VALUES (1, 100), (2, 128), (3, 135), (4, 118), (5, 142), (6, 105), (7, 80)) AS pct(payer_id, p) USING (payer_id)
    JOIN (VALUES
        (1, 'payer: Medicare; filing: 12 months; appeal: 120 days, 180 days, 60 days, 60 days, 60 days; notice_receipt: 5 days; prompt_pay: 30 days; interest: 4.625%; lookback: 3 years; deadline_roll: next_business_day', ''),
        (2, 'payer: Acme Health; effective: 2023-01-01; term: 3 years; renewal: 1 year; notice: 90 days; filing: 95 days; appeal: 180 days, 60 days; prompt_pay: 30 days; prompt_pay_paper: 45 days; interest: 18%; lookback: 18 months', 'default: 130% medicare; modifier 80: 16%'),
        (3, 'payer: Blue Meridian; effective: 2022-07-01; term: 2 years; renewal: 1 year; notice: 120 days; filing: 180 days; appeal: 180 days; prompt_pay: 30 days; prompt_pay_paper: 45 days; interest: 18%; lookback: 24 months', 'default: 135% medicare; 97110: 65% billed; 97140: 65% billed'),
        (4, 'payer: Summit Mutual; effective: 2024-04-01; term: 3 years; renewal: 1 year; notice: 180 days; filing: 90 days; appeal: 90 days, 60 days; prompt_pay: 15 business days; prompt_pay_paper: 30 days; interest: 12%; lookback: 12 months', 'mppr: 100 50 25; lesser_of: billed'),
        (5, 'payer: Pinnacle Care; effective: 2021-03-01; term: 5 years; renewal: 2 years; notice: 60 days; filing: 120 days; appeal: 60 days, 45 days; prompt_pay: 30 days; prompt_pay_paper: 45 days; interest: 12%; interest_min: 2.00; lookback: 18 months', 'default: 140% medicare; modifier 80: 20%; 59400: 3400.00/case; 59510: 3900.00/case'),
        (6, 'payer: Harbor Advantage; effective: 2024-01-01; term: 2 years; renewal: 1 year; notice: 90 days; filing: 12 months; appeal: 60 days, 60 days; notice_receipt: 5 days; prompt_pay: 30 days; interest: 4.625%; lookback: 3 years', 'default: 105% medicare'),
        (7, 'payer: Riverside Medicaid Plan; effective: 2025-07-01; term: 1 year; renewal: 1 year; notice: 60 days; filing: 180 days; appeal: 60 days; prompt_pay: 30 days; interest: 10%; interest_basis: 360; lookback: 5 years', 'default: 80% medicare')
        ) AS t(payer_id, terms, policies) USING (payer_id);

    -- Schedules also change within the year (new rates in cents): Summit Mutual's at its
    -- contract anniversary (2025-04-01, every rate +2.5%), Acme Health's
    -- mid-year (2025-07-01, office visits +4%, the default down to 125% of
    -- Medicare).  The version in effect ends the day before the next begins
    -- (first, or the exclusion constraint rejects the new one).
    CREATE TEMP TABLE new_version ON COMMIT DROP AS
    SELECT k.*, v.effective_from AS new_from,
           CASE k.payer_id WHEN 4 THEN rate_schedule_scale(k.schedule, 2.5, NULL, 2)
                           ELSE rate_schedule_scale(k.schedule, 4, (SELECT array_agg(code) FROM demo.medicare_fee WHERE code BETWEEN '99202' AND '99215'), 2)
                                || 'default: 125% medicare'::rate_schedule END AS new_schedule
    FROM demo.payer_contracts k
    JOIN (VALUES (4, date '2025-04-01'), (2, date '2025-07-01')) AS v(payer_id, effective_from) USING (payer_id)
    WHERE k.effective_to IS NULL;
    UPDATE demo.payer_contracts k SET effective_to = n.new_from - 1
    FROM new_version n WHERE k.contract_id = n.contract_id;
    INSERT INTO demo.payer_contracts (contract_id, payer_id, product, effective_from, effective_to, terms, schedule, capitation)
    SELECT payer_id * 10 + 3, payer_id, product, new_from, NULL, terms, new_schedule, capitation
    FROM new_version;

    -- Claims: payer mix, dates across 2025, receipt 1-20 days after service
    -- (a few filed late), 7% on paper.
    INSERT INTO demo.claims
    SELECT i,
           CASE WHEN r < 0.24 THEN 1 WHEN r < 0.42 THEN 2 WHEN r < 0.58 THEN 3 WHEN r < 0.70 THEN 4
                WHEN r < 0.80 THEN 5 WHEN r < 0.92 THEN 6 ELSE 7 END,
           1 + floor(random() * n_members * 6)::bigint,
           dos,
           dos + CASE WHEN random() < 0.015 THEN 100 + floor(random() * 120)::int ELSE 1 + floor(random() * 20)::int END,
           CASE WHEN random() < 0.07 THEN 'paper' ELSE 'electronic' END,
           pos,
           (ARRAY['MD','MD','MD','DO','NP','PA'])[1 + floor(random() * 6)::int]
    FROM generate_series(1, n_claims) AS i,
         LATERAL (SELECT random() AS r, '2025-01-01'::date + floor(random() * 365)::int AS dos,
                         CASE WHEN random() < 0.78 THEN '11' WHEN random() < 0.5 THEN '22' WHEN random() < 0.5 THEN '24' ELSE '21' END AS pos
                  WHERE i > 0) AS x;

    -- Claim lines: an E/M visit or a procedure visit, plus ancillaries;
    -- a surgical claim has up to three same-day procedures.
    CREATE TEMP TABLE plan_lines ON COMMIT DROP AS
    SELECT c.claim_id, c.service_date, c.place_of_service, c.place_of_service IN ('21','22','23','24') AS facility,
           CASE WHEN g.seq = 1 THEN CASE WHEN k.surgical THEN 'surgery' ELSE 'em' END
                WHEN k.surgical AND g.seq <= k.procedures THEN 'surgery'
                ELSE 'ancillary' END AS line_kind,
           g.seq, c.payer_id
    FROM demo.claims c,
         LATERAL (SELECT random() < 0.12 AS surgical, 1 + floor(random() * 3)::int AS procedures,
                         1 + floor(random() * 5)::int AS lines
                  WHERE c.claim_id > 0) AS k,
         generate_series(1, k.lines) AS g(seq);

    INSERT INTO demo.claim_lines (claim_id, line_no, service_date, code, modifier1, modifier2, units, billed, place_of_service, facility)
    SELECT p.claim_id, row_number() OVER (PARTITION BY p.claim_id ORDER BY p.seq),
           p.service_date, code.code,
           CASE WHEN code.code IN ('27447','27130','29881','64483','20610') AND random() < 0.12 THEN '50'
                WHEN p.line_kind = 'surgery' AND p.seq > 1 AND random() < 0.10 THEN '80'
                WHEN code.code IN ('70450','72148','73721','74177','71046','93306') AND p.facility THEN '26'
                WHEN p.line_kind = 'em' AND random() < 0.15 THEN '25' END,
           CASE WHEN code.code IN ('20610','29881','64721','26055') AND random() < 0.5 THEN (ARRAY['LT','RT'])[1 + floor(random() * 2)::int] END,
           CASE WHEN code.code IN ('97110','97140','97530') THEN 1 + floor(random() * 3)::int
                WHEN code.code IN ('J1100','J1885') THEN 4 + floor(random() * 8)::int ELSE 1 END,
           0, p.place_of_service, p.facility
    FROM plan_lines p,
         LATERAL (SELECT f.code FROM demo.medicare_fee f
                  WHERE f.kind = CASE p.line_kind WHEN 'em' THEN 'em' WHEN 'surgery' THEN
                                       CASE WHEN random() < 0.6 THEN 'surgery' ELSE 'procedure' END
                                  ELSE (ARRAY['lab','lab','lab','imaging','procedure','therapy','drug'])[1 + floor(random() * 7)::int] END
                    AND p.claim_id > 0
                  ORDER BY power(random(), 1.0 / (CASE f.code WHEN '99213' THEN 12 WHEN '99214' THEN 10 WHEN '36415' THEN 9
                                 WHEN '85025' THEN 6 WHEN '80053' THEN 6 WHEN '99215' THEN 4 WHEN '99212' THEN 3
                                 WHEN '96372' THEN 4 WHEN '97110' THEN 4 ELSE 1 END)) DESC
                  LIMIT 1) AS code;

    -- Billed charges: the chargemaster, 2.5x the 2025 non-facility Medicare amount per unit.
    UPDATE demo.claim_lines l
    SET billed = greatest(25, round(coalesce(nullif(m.amount, 0), 150) * 2.5, 0)) * l.units
    FROM demo.medicare_amount m
    WHERE m.code = l.code AND NOT m.facility AND m.effective_from = '2025-01-01';

    -- What the contract in effect says, with same-day surgical procedures
    -- ranked by fee.  Rows keep contract ids, not copies of the schedules.
    CREATE TEMP TABLE expected ON COMMIT DROP AS
    WITH priced AS (
        SELECT l.*, c.payer_id, k.contract_id, k2024.contract_id AS contract_2024, m.medicare,
               expected_allowed(k.schedule, l.code, ARRAY[l.modifier1, l.modifier2], l.units, l.billed,
                                m.medicare, 1, l.facility) AS fee,
               f.kind IN ('surgery', 'procedure') AND f.kind <> 'em' AND l.code BETWEEN '10000' AND '69999' AS surgical
        FROM demo.claim_lines l
        JOIN demo.claims c USING (claim_id)
        JOIN demo.payer_contracts k ON k.payer_id = c.payer_id AND k.valid @> l.service_date
        JOIN demo.payer_contracts k2024 ON k2024.payer_id = c.payer_id AND k2024.effective_from = '2024-01-01'
        JOIN demo.medicare_fee f ON f.code = l.code
        CROSS JOIN LATERAL (SELECT demo.medicare_basis(l.code, l.modifier1, l.modifier2, l.service_date,
                                                       l.facility) AS medicare) AS m)
    SELECT *, CASE WHEN surgical THEN row_number() OVER (PARTITION BY claim_id, surgical ORDER BY fee DESC NULLS LAST, line_no)::int
                   ELSE 1 END AS procedure_rank
    FROM priced;
    ALTER TABLE expected ADD COLUMN correct numeric, ADD COLUMN fault text, ADD COLUMN paid_as numeric;
    UPDATE expected e SET correct = expected_allowed(k.schedule, code, ARRAY[modifier1, modifier2], units, billed,
                                                     medicare, procedure_rank, facility)
    FROM demo.payer_contracts k WHERE k.contract_id = e.contract_id;

    -- The faults.
    UPDATE expected e SET fault = 'old_fee_schedule',
           paid_as = expected_allowed(k.schedule, code, ARRAY[modifier1, modifier2], units, billed, medicare, procedure_rank, facility)
    FROM demo.payer_contracts k
    WHERE k.contract_id = e.contract_2024 AND e.payer_id = 3 AND service_date < '2025-05-01' AND correct IS NOT NULL;
    UPDATE expected e SET fault = 'mppr_missing',
           paid_as = expected_allowed(k.schedule, code, ARRAY[modifier1, modifier2], units, billed, medicare, 1, facility)
    FROM demo.payer_contracts k
    WHERE k.contract_id = e.contract_id AND e.payer_id = 2 AND procedure_rank > 1 AND fault IS NULL
      AND abs(hashint8(claim_id)) % 10 < 3;
    UPDATE expected e SET fault = 'mppr_wrong',
           paid_as = round(expected_allowed(k.schedule, code, ARRAY[modifier1, modifier2], units, billed, medicare, 1, facility) * 0.25, 2)
    FROM demo.payer_contracts k
    WHERE k.contract_id = e.contract_id AND e.payer_id = 4 AND procedure_rank = 2 AND fault IS NULL
      AND abs(hashint8(claim_id)) % 2 = 0;
    UPDATE expected e SET fault = 'bilateral_mispriced',
           paid_as = expected_allowed(k.schedule, code, ARRAY[modifier2], units, billed, medicare, procedure_rank, facility)
    FROM demo.payer_contracts k
    WHERE k.contract_id = e.contract_id AND e.payer_id = 4 AND modifier1 = '50' AND fault IS NULL;
    UPDATE expected SET fault = 'assistant_mispriced',
           paid_as = round(correct / 0.20 * 0.16, 2)
    WHERE payer_id = 5 AND modifier1 = '80' AND fault IS NULL;
    UPDATE expected e SET fault = 'downcoded',
           paid_as = expected_allowed(k.schedule, '99213', ARRAY[modifier1, modifier2], units, billed,
                                      (SELECT amount FROM demo.medicare_amount m WHERE m.code = '99213' AND m.facility = e.facility
                                        AND e.service_date BETWEEN m.effective_from AND m.effective_to), 1, facility)
    FROM demo.payer_contracts k
    WHERE k.contract_id = e.contract_id AND code IN ('99214', '99215') AND e.payer_id IN (2, 5) AND fault IS NULL
      AND random() < 0.06;
    UPDATE expected SET fault = 'unlisted_code', paid_as = round(billed * 0.4, 2)
    WHERE correct IS NULL AND fault IS NULL;

    -- Denials: about 9% of lines, concentrated where real denials are.  A
    -- claim is late only past its own contract's filing limit (Medicare's
    -- is 12 months, so a Medicare claim filed after 100 days is timely).
    UPDATE expected e SET fault = CASE WHEN c.received_date > filing_deadline(k.terms, c.service_date)
                                       THEN 'denial_late_filing' ELSE 'denial' END, paid_as = 0
    FROM demo.claims c, demo.payer_contracts k
    WHERE c.claim_id = e.claim_id AND k.contract_id = e.contract_id AND e.fault IS NULL AND
          (random() < 0.055
           OR c.received_date > filing_deadline(k.terms, c.service_date)
           OR (e.code IN ('70450','72148','73721','74177','70553') AND random() < 0.25)
           OR (e.code IN ('97110','97140','97530') AND e.payer_id = 4 AND random() < 0.2));

    INSERT INTO demo.remit_lines
    SELECT e.claim_id, e.line_no, NULL, coalesce(e.paid_as, e.correct), 0, 0, e.fault
    FROM expected e JOIN demo.claims c USING (claim_id)
    WHERE abs(hashint8(e.claim_id + 7)) % 100 >= 3;     -- 3% of claims still pending

    -- Payment dates: on time for most; late for some of two payers.
    UPDATE demo.remit_lines r SET remit_date = c.received_date +
           CASE WHEN c.payer_id IN (3, 4) AND abs(hashint8(c.claim_id * 3)) % 100 < 7
                THEN (payment_due(k.terms, c.received_date, c.submission = 'paper') - c.received_date)
                     + 1 + (abs(hashint8(c.claim_id)) % 60)::int
                ELSE 7 + (abs(hashint8(c.claim_id)) % 14)::int END
    FROM demo.claims c
    JOIN demo.payer_contracts k ON k.payer_id = c.payer_id AND k.valid @> c.service_date
    WHERE r.claim_id = c.claim_id;
    UPDATE demo.remit_lines r SET injected_fault = coalesce(r.injected_fault || ',', '') || 'late_payment'
    FROM demo.claims c
    JOIN demo.payer_contracts k ON k.payer_id = c.payer_id AND k.valid @> c.service_date
    WHERE r.claim_id = c.claim_id AND r.remit_date > payment_due(k.terms, c.received_date, c.submission = 'paper');

    -- Patient responsibility and payment: 20% coinsurance (Medicaid none);
    -- Medicare's payment also loses 2% to sequestration.
    UPDATE demo.remit_lines r SET
        patient_resp = CASE WHEN c.payer_id = 7 THEN 0 ELSE round(r.allowed * 0.20, 2) END,
        paid = r.allowed - CASE WHEN c.payer_id = 7 THEN 0 ELSE round(r.allowed * 0.20, 2) END
               - CASE WHEN c.payer_id = 1 THEN round((r.allowed - round(r.allowed * 0.20, 2)) * 0.02, 2) ELSE 0 END
    FROM demo.claims c WHERE c.claim_id = r.claim_id;

    -- CAS adjustments balance each line: billed - adjustments = paid.
    INSERT INTO demo.remit_adjustments
    SELECT r.claim_id, r.line_no, 'CO', '45', l.billed - r.allowed, NULL
    FROM demo.remit_lines r JOIN demo.claim_lines l USING (claim_id, line_no)
    WHERE r.allowed > 0 AND l.billed > r.allowed
    UNION ALL
    SELECT r.claim_id, r.line_no, 'PR', '2', r.patient_resp, NULL FROM demo.remit_lines r WHERE r.patient_resp > 0
    UNION ALL
    SELECT r.claim_id, r.line_no, 'CO', '253', r.allowed - r.patient_resp - r.paid, NULL
    FROM demo.remit_lines r WHERE r.allowed - r.patient_resp - r.paid > 0
    UNION ALL
    SELECT r.claim_id, r.line_no, 'CO', d.carc, l.billed, d.rarc
    FROM demo.remit_lines r
    JOIN demo.claim_lines l USING (claim_id, line_no)
    JOIN demo.claims c USING (claim_id),
    LATERAL (SELECT CASE
               WHEN r.injected_fault LIKE 'denial_late_filing%' THEN '29'
               WHEN l.code IN ('70450','72148','73721','74177','70553') AND x < 0.8 THEN '197'
               WHEN c.payer_id = 4 AND l.code IN ('97110','97140','97530') THEN '50'
               WHEN x < 0.22 THEN '16' WHEN x < 0.34 THEN '27' WHEN x < 0.44 THEN '18' WHEN x < 0.54 THEN '97'
               WHEN x < 0.62 THEN '4' WHEN x < 0.70 THEN '96' WHEN x < 0.77 THEN '22' WHEN x < 0.84 THEN '50'
               WHEN x < 0.89 THEN '31' WHEN x < 0.93 THEN '242' WHEN x < 0.97 THEN 'B7' ELSE '204' END AS carc,
               CASE WHEN x < 0.22 AND r.injected_fault NOT LIKE 'denial_late_filing%' THEN (ARRAY['N130','MA130','M15'])[1 + floor(x * 100)::int % 3] END AS rarc
             FROM (SELECT random() AS x WHERE r.claim_id > 0) AS rr) AS d
    WHERE r.injected_fault LIKE 'denial%';
    -- (allowed never exceeds billed: every schedule pays the lesser of the two)

    -- Capitated members: most enrolled all year, some churn; log-normal-ish risk.
    INSERT INTO demo.membership
    SELECT p.payer_id, p.payer_id * 10000000 + m, make_date(2025, mo, 1),
           round(least(4.0, greatest(0.4, exp((random() + random() + random() - 1.5) * 0.6)))::numeric, 3)
    FROM (VALUES (6), (7)) AS p(payer_id), generate_series(1, n_members) AS m,
         LATERAL (SELECT 1 + floor(random() * 4)::int AS first_month, random() < 0.8 AS full_year WHERE m > 0) AS e,
         generate_series(1, 12) AS mo
    WHERE e.full_year OR mo >= e.first_month;

    -- Cost of care: heavy-tailed; 0.4% high-cost members; Harbor runs under
    -- its benchmark (shared savings); Riverside costs more than its
    -- capitation pays (a PMPM loss) but, net of stop-loss, less than its
    -- corridor target, so it pays some back.
    INSERT INTO demo.capitated_cost
    SELECT m.payer_id, m.member_id, m.month,
           round((m.risk_score * CASE WHEN abs(hashint8(m.member_id)) % 1000 < 4 THEN 1500 + random() * 2000
                                     ELSE random() * random() * CASE m.payer_id WHEN 6 THEN 100 ELSE 84 END END)::numeric, 2)
    FROM demo.membership m;

    ANALYZE demo.claims, demo.claim_lines, demo.remit_lines, demo.remit_adjustments, demo.membership, demo.capitated_cost;
    RETURN format('%s claims, %s lines, %s remit lines, %s member months',
                  (SELECT count(*) FROM demo.claims), (SELECT count(*) FROM demo.claim_lines),
                  (SELECT count(*) FROM demo.remit_lines), (SELECT count(*) FROM demo.membership));
END
$gen$;
COMMENT ON FUNCTION demo.generate(numeric, int, int) IS 'fills the demo schema with a synthetic practice; scale 1 = ~50,000 claims over 2025';
