-- Benchmark data: the demo practice (test/demo/practice.sql, loaded first)
-- generated at bench scale, then laid out as the flat tables each benchmark
-- reads, so that the timings measure the functions, not the demo's joins.
-- psql variables:
--   :scale          demo.generate scale (about 150,000 claim lines each)
--   :members        capitated members per capitated payer (about 11.7 member months each)
-- Every fee schedule but Medicare's is a full exhibit of about 10,000 codes
-- (TOASTed), of which the practice bills about a hundred.
SELECT demo.generate(:scale, :members, 10000);

-- The fee schedules, one row per contract.
CREATE TABLE bench.schedules AS
SELECT contract_id, schedule AS s FROM demo.payer_contracts;
ALTER TABLE bench.schedules ADD PRIMARY KEY (contract_id);

-- Claim lines to price: contract in effect, Medicare amount, modifiers and
-- the MPPR rank of same-day surgical procedures by fee, as the demo's
-- analyses compute them; and what the payer allowed.
CREATE TABLE bench.lines AS
WITH l AS (
    SELECT l.claim_id, l.line_no, k.contract_id, k.schedule, l.code, l.modifier1, l.modifier2,
           ARRAY[l.modifier1, l.modifier2, l.modifier3, l.modifier4] AS mods, l.units, l.billed,
           m.amount AS medicare, l.facility, l.code BETWEEN '10000' AND '69999' AS surgical, r.allowed
    FROM demo.claim_lines l
    JOIN demo.claims c USING (claim_id)
    JOIN demo.payer_contracts k ON k.payer_id = c.payer_id AND l.service_date >= k.effective_from
                               AND (k.effective_to IS NULL OR l.service_date <= k.effective_to)
    LEFT JOIN demo.medicare_amount m ON m.code = l.code AND m.facility = l.facility
                                    AND l.service_date BETWEEN m.effective_from AND m.effective_to
    LEFT JOIN demo.remit_lines r USING (claim_id, line_no))
SELECT row_number() OVER (ORDER BY claim_id, line_no) AS line_id, contract_id, code, modifier1, modifier2,
       mods, units, billed, medicare, facility,
       CASE WHEN surgical
            THEN row_number() OVER (PARTITION BY claim_id, surgical
                                    ORDER BY expected_allowed(schedule, code, mods, units, billed, medicare, 1, facility)
                                             DESC NULLS LAST, line_no)::int
            ELSE 1 END AS rank,
       allowed
FROM l;
ALTER TABLE bench.lines ADD COLUMN expected numeric;
UPDATE bench.lines l SET expected = expected_allowed(s.s, l.code, l.mods, l.units, l.billed, l.medicare, l.rank, l.facility)
FROM bench.schedules s WHERE s.contract_id = l.contract_id;
VACUUM ANALYZE bench.lines;

-- The same lines spread over each exhibit's whole code list (a stress case:
-- every lookup a cache miss, where a practice bills a hundred codes).
-- Codes are drawn by a hash of the line, skewed towards the low codes.
CREATE TABLE bench.lines_spread AS
WITH codes AS (
    SELECT row_number() OVER (ORDER BY code) - 1 AS i, code
    FROM rate_schedule_entries((SELECT s FROM bench.schedules WHERE contract_id = 22))),
n AS (SELECT count(*) AS n FROM codes)
SELECT l.line_id, l.contract_id, c.code, l.modifier1, l.modifier2, l.mods, l.units, l.billed, l.medicare,
       l.facility, l.rank
FROM bench.lines l CROSS JOIN n
JOIN codes c ON c.i = floor(power((l.line_id * 2654435761 % 1000003) / 1000003.0, 4) * n.n)::int;
ANALYZE bench.lines_spread;

-- What an analyst keeps instead of rate_schedule: a normalized fee table,
-- each contract's policies and its modifier adjustments.
CREATE TABLE bench.fee AS
SELECT contract_id, e.code, e.modifier, e.setting, e.method, coalesce(e.amount, e.percent) AS rate
FROM bench.schedules, rate_schedule_entries(s) AS e;
CREATE UNIQUE INDEX ON bench.fee (contract_id, code, modifier, setting) NULLS NOT DISTINCT;
CREATE TABLE bench.fee_policy AS
SELECT contract_id,
       substring(s::jsonb ->> 'default' FROM '^([0-9.]+)% medicare$')::numeric AS default_percent,
       coalesce(string_to_array(s::jsonb ->> 'mppr', ' ')::numeric[], '{100,50,50,50,50}') AS mppr,
       coalesce(s::jsonb ->> 'lesser_of', 'billed') = 'billed' AS lesser_of
FROM bench.schedules;
ALTER TABLE bench.fee_policy ADD PRIMARY KEY (contract_id);
CREATE TABLE bench.fee_modifier AS
SELECT contract_id, substring(key FROM 10) AS modifier, rtrim(value, '%')::numeric AS percent
FROM bench.schedules, jsonb_each_text(s::jsonb)
WHERE key LIKE 'modifier %'
UNION ALL
SELECT contract_id, b.modifier, b.percent
FROM bench.schedules,
     (VALUES ('50', 150), ('62', 62.5), ('80', 16), ('81', 16), ('82', 16), ('AS', 13.6)) AS b(modifier, percent)
WHERE NOT (s::jsonb ? ('modifier ' || b.modifier));
ALTER TABLE bench.fee_modifier ADD PRIMARY KEY (contract_id, modifier);
-- The baselines model the default rules the demo's schedules have: "N% medicare".
DO $$
BEGIN
    IF EXISTS (SELECT FROM bench.schedules
               WHERE s::jsonb ? 'default' AND s::jsonb ->> 'default' !~ '^[0-9.]+% medicare$') THEN
        RAISE EXCEPTION 'a schedule has a default rule the SQL baselines do not model';
    END IF;
END $$;

-- Remittances against their contract: received, paid, amount, paper, notice date.
CREATE TABLE bench.pay AS
SELECT row_number() OVER (ORDER BY r.claim_id, r.line_no) AS pay_id, k.terms AS c,
       c.received_date AS received, r.remit_date AS paid, r.paid AS amount,
       c.submission = 'paper' AS paper, r.remit_date AS notice
FROM demo.remit_lines r
JOIN demo.claims c USING (claim_id)
JOIN demo.payer_contracts k ON k.payer_id = c.payer_id AND c.service_date >= k.effective_from
                           AND (k.effective_to IS NULL OR c.service_date <= k.effective_to);
ANALYZE bench.pay;

-- The holiday table the usual business-day SQL needs.
CREATE TABLE bench.holidays AS
SELECT d::date AS holiday FROM generate_series('2024-01-01'::date, '2027-12-31', '1 day') AS d
WHERE extract(isodow FROM d) < 6 AND NOT is_business_day(d::date);
ALTER TABLE bench.holidays ADD PRIMARY KEY (holiday);

-- Capitated member months with their cost, risk score and contract terms.
CREATE TABLE bench.capitations AS
SELECT contract_id AS cap_id, capitation AS c FROM demo.payer_contracts WHERE capitation IS NOT NULL;
CREATE TABLE bench.member_months AS
SELECT row_number() OVER () AS row_id, k.contract_id AS cap_id, 1::numeric AS member_months,
       cc.cost, m.risk_score AS risk
FROM demo.membership m
JOIN demo.capitated_cost cc USING (payer_id, member_id, month)
JOIN demo.payer_contracts k ON k.payer_id = m.payer_id AND m.month >= k.effective_from
                           AND (k.effective_to IS NULL OR m.month <= k.effective_to);
ANALYZE bench.member_months;

-- Remittance adjustments (for carc_category): the demo's CAS segments.
CREATE TABLE bench.adjustments AS
SELECT row_number() OVER () AS adj_id, group_code, carc, amount FROM demo.remit_adjustments;
ANALYZE bench.adjustments;
