-- Benchmark data, deterministic (setseed), sized by psql variables:
--   :lines          claim lines to price and remittances to check (default run: 1,000,000)
--   :member_months  capitation member-month rows (default run: 10,000,000)
-- Codes follow a skewed mix, as in a real practice: a few hundred codes carry
-- most lines, the rest of each payer's 10,000-entry schedule is the long tail.
SET max_parallel_workers_per_gather = 0;	-- random() in plan order: deterministic
SELECT setseed(0.2026);

-- Five payers, each a 10,000-entry fee schedule stored in a table (TOASTed).
CREATE TABLE bench.schedules AS
SELECT payer_id,
       (SELECT string_agg(e, '; ')
        FROM (SELECT (10000 + i)::text || ': ' || round(40 + (i * payer_id * 37) % 900 + payer_id * 0.25, 2) AS e
              FROM generate_series(1, 9800) AS i
              UNION ALL
              SELECT (10000 + i)::text || '-26: ' || round((20 + i % 200)::numeric, 2) FROM generate_series(1, 100) AS i
              UNION ALL
              SELECT (10000 + i)::text || '@facility: ' || round((30 + (i * 7) % 300)::numeric, 2) FROM generate_series(101, 200) AS i
              UNION ALL
              SELECT 'default: ' || (110 + payer_id * 5) || '% medicare') AS entries)::rate_schedule AS s
FROM generate_series(1, 5) AS payer_id;
ALTER TABLE bench.schedules ADD PRIMARY KEY (payer_id);

-- The normalized fee table an analyst would keep instead.
CREATE TABLE bench.fee AS
SELECT payer_id, e.code, e.modifier, e.setting, e.method, coalesce(e.amount, e.percent) AS rate
FROM bench.schedules, rate_schedule_entries(s) AS e;
CREATE UNIQUE INDEX ON bench.fee (payer_id, code, modifier, setting) NULLS NOT DISTINCT;
CREATE TABLE bench.fee_default AS
SELECT payer_id, (110 + payer_id * 5)::numeric AS percent FROM generate_series(1, 5) AS payer_id;

-- Claim lines: skewed codes, one modifier at most, a Medicare amount, a rank.
CREATE TABLE bench.lines AS
SELECT i AS line_id, 1 + (i * 13) % 5 AS payer_id,
       (10000 + 1 + least(floor(power(random(), 4) * 10050), 10049))::int::text AS code,
       m.mod AS modifier1,
       ARRAY[m.mod, NULL]::text[] AS mods,
       (1 + (random() < 0.1)::int)::numeric AS units,
       round((80 + random() * 900)::numeric, 2) AS billed,
       round((30 + random() * 300)::numeric, 2) AS medicare,
       CASE WHEN random() < 0.15 THEN 2 ELSE 1 END AS rank,
       random() < 0.2 AS facility
FROM generate_series(1, :lines) AS i,
     LATERAL (SELECT (ARRAY[NULL, NULL, NULL, NULL, NULL, NULL, '26', '50', '80', 'LT'])[1 + floor(random() * 10)::int] AS mod
              WHERE i > 0) AS m;
ANALYZE bench.lines;
-- The same lines with a practice's code mix: a few hundred codes billed, the
-- rest of the 10,000-entry schedule never touched.
CREATE TABLE bench.lines_practice AS
SELECT line_id, payer_id, (10001 + (code::int * 7919) % 300)::text AS code, modifier1, mods, units,
       billed, medicare, rank, facility
FROM bench.lines;
ANALYZE bench.lines_practice;

-- Remittances against a contract: received, paid, amount, paper, notice date.
CREATE TABLE bench.contracts AS
SELECT k AS contract_id, c::contract AS c
FROM (VALUES (1, 'prompt_pay: 15 business days; prompt_pay_paper: 30 days; interest: 12%; notice_receipt: 5 days; appeal: 30 business days, 60 days'),
             (2, 'prompt_pay: 30 days; prompt_pay_paper: 45 days; interest: 18%; appeal: 180 business days'),
             (3, 'prompt_pay: 30 days; interest: 4.625%; notice_receipt: 5 days; appeal: 120 business days, 180 days'),
             (4, 'prompt_pay: 30 business days; interest: 12%; interest_min: 2.00; appeal: 90 business days'),
             (5, 'prompt_pay: 45 days; interest: 10%; interest_basis: 360; appeal: 60 business days')) AS t(k, c);
CREATE TABLE bench.pay AS
SELECT i AS pay_id, k.c, received,
       received + CASE WHEN random() < 0.06 THEN 31 + floor(random() * 90)::int
                       ELSE 7 + floor(random() * 14)::int END AS paid,
       round((20 + random() * 2000)::numeric, 2) AS amount,
       random() < 0.07 AS paper,
       received + 20 + floor(random() * 20)::int AS notice
FROM generate_series(1, :lines) AS i,
     LATERAL (SELECT '2025-01-01'::date + floor(random() * 365)::int AS received WHERE i > 0) AS r,
     bench.contracts k
WHERE k.contract_id = 1 + i % 5;
ANALYZE bench.pay;

-- The holiday table and day list the usual business-day SQL needs.
CREATE TABLE bench.holidays AS
SELECT d::date AS holiday FROM generate_series('2024-01-01'::date, '2027-12-31', '1 day') AS d
WHERE extract(isodow FROM d) < 6 AND NOT is_business_day(d::date);
ALTER TABLE bench.holidays ADD PRIMARY KEY (holiday);

-- Capitation member months: terms change mid-year, risk scores vary.
CREATE TABLE bench.capitations AS
SELECT k AS cap_id, c::capitation AS c
FROM (VALUES (1, 'pmpm: 45; withhold: 10%'), (2, 'pmpm: 47.25; withhold: 5%'), (3, 'pmpm: 38.5')) AS t(k, c);
CREATE TABLE bench.member_months AS
SELECT i AS row_id, 1 + i % 3 AS cap_id, 1::numeric AS member_months,
       round((random() * 120)::numeric, 2) AS cost,
       round((0.4 + random() * 2)::numeric, 3) AS risk
FROM generate_series(1, :member_months) AS i;
ANALYZE bench.member_months;
RESET max_parallel_workers_per_gather;

-- Remittance adjustments with a realistic reason-code mix (for carc_category).
CREATE TABLE bench.adjustments AS
SELECT i AS adj_id, (ARRAY['CO','CO','CO','PR','OA'])[1 + i % 5] AS group_code,
       (ARRAY['45','45','45','2','1','3','253','16','29','197','18','27','50','97','4','96','22','242','B7','204'])[1 + (i * 7) % 20] AS carc,
       round((i % 500)::numeric + 0.25, 2) AS amount
FROM generate_series(1, :lines) AS i;
ANALYZE bench.adjustments;
