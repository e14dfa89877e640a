-- The capitation type, its settlements with hand-checked numbers, and pmpm_margin.

-- Every key, written loosely; canonical output; round trips.
SELECT $$PMPM: 45; withhold: 10 %; benchmark: 500.00; share: 50%; loss_share: 40%; msr: 2%; mlr: 2.5%
first_dollar: FALSE; savings_cap: 10%; loss_cap: 15%; corridor: 3% 50%,  8% 80%
stop_loss: 10000; stop_loss_rate: 80%$$::capitation;
WITH t(c) AS (VALUES
    ('pmpm: 45.00; withhold: 10%; benchmark: 500.00; share: 50%; loss_share: 40%; msr: 2%; mlr: 2%; first_dollar: true; savings_cap: 10%; loss_cap: 15%; corridor: 3% 50%, 8% 80%; stop_loss: 10000.00; stop_loss_rate: 80%'),
    (''), ('pmpm: 0.005'), ('corridor: 0% 25%'))
SELECT c::capitation AS canonical, c::capitation::text::capitation = c::capitation AS round_trip,
       c::capitation::jsonb::capitation = c::capitation AS jsonb_round_trip
FROM t;
SELECT 'pmpm: 45; first_dollar: false; corridor: 3% 50%, 8% 80%; share: 62.5%'::capitation::jsonb;
SELECT * FROM capitation_terms('stop_loss: 10000; pmpm: 45; corridor: 3% 50%, 8% 80%');
SELECT 'pmpm: 45'::capitation = 'PMPM: 45.00'::capitation AS same, 'pmpm: 45'::capitation <> 'pmpm: 46'::capitation AS differ;

-- Errors: 22P02 echoing the item (22003 for amounts out of range).
\set VERBOSITY default
SELECT 'pmpm: 45; pmpm: 46'::capitation;
SELECT 'capitation: 45'::capitation;
SELECT 'pmpm: -45'::capitation;
SELECT 'pmpm: forty'::capitation;
SELECT 'withhold: 110%'::capitation;
SELECT 'msr: 101%'::capitation;
SELECT 'share: -5%'::capitation;
SELECT 'first_dollar: maybe'::capitation;
SELECT 'corridor: 3%'::capitation;
SELECT 'corridor: 8% 50%, 3% 80%'::capitation;
SELECT 'corridor: 3% 50% 80%'::capitation;
SELECT 'corridor: '::capitation;
SELECT 'corridor: 3% 150%'::capitation;
SELECT 'stop_loss: 1000000000'::capitation;
SELECT 'pmpm: 1.1234567'::capitation;

-- Revenue: pmpm x risk x member months x (1 - withhold).
SELECT capitation_revenue('pmpm: 45; withhold: 10%', 1000) AS plain,                  -- 40500.00
       capitation_revenue('pmpm: 45; withhold: 10%', 12, 1.234) AS risk_adjusted,     -- 599.72 (599.724)
       capitation_revenue('pmpm: 45', 1, 0.3333) AS rounds_half_up,                   -- 15.00 (14.9985)
       capitation_revenue('benchmark: 500', 10) IS NULL AS no_pmpm;
SELECT capitation_revenue('pmpm: 45', -1);

-- Shared savings.  B = 500 x 1000 = 500,000.  two_sided: savings cap 25,000 binds at cost 400,000,
-- loss cap 20,000 binds at cost 600,000 (40% of 100,000 = 40,000).
CREATE TABLE cap (name text PRIMARY KEY, c capitation);
INSERT INTO cap VALUES
  ('one_sided_first_dollar', 'benchmark: 500; share: 50%; msr: 2%'),
  ('one_sided_beyond_msr',   'benchmark: 500; share: 50%; msr: 2%; first_dollar: false'),
  ('two_sided',              'benchmark: 500; share: 50%; loss_share: 40%; msr: 2%; mlr: 3%; savings_cap: 5%; loss_cap: 4%'),
  ('two_sided_beyond',       'benchmark: 500; share: 60%; loss_share: 40%; msr: 2%; first_dollar: false'),
  ('no_msr',                 'benchmark: 500; share: 50%; loss_share: 50%'),
  ('corridor',               'benchmark: 500; corridor: 3% 50%, 8% 80%'),
  ('stop_loss',              'stop_loss: 10000; stop_loss_rate: 80%'),
  ('empty',                  '');
SELECT name, cost, shared_savings(c, 1000, cost) AS settlement
FROM cap, unnest(ARRAY[495000, 490000, 489999.99, 460000, 400000, 500000, 505000, 510000, 515000, 540000, 600000]::numeric[]) AS cost
WHERE name IN ('one_sided_first_dollar', 'one_sided_beyond_msr', 'two_sided', 'two_sided_beyond', 'no_msr', 'empty')
ORDER BY name, cost;
-- quality scales shared savings: 50% x 0.9 x 40,000 = 18,000.
SELECT shared_savings(c, 1000, 460000, 0.9) AS quality_scaled FROM cap WHERE name = 'one_sided_first_dollar';
SELECT shared_savings(c, 1000, 460000, 1.5) FROM cap WHERE name = 'one_sided_first_dollar';
SELECT shared_savings(c, -1, 460000) FROM cap WHERE name = 'one_sided_first_dollar';

-- Risk corridor: target 500,000; 3% = 15,000; 8% = 40,000.
SELECT cost, cost - 500000 AS deviation, corridor_settlement(c, 1000, cost) AS settlement
FROM cap, unnest(ARRAY[500000, 515000, 520000, 540000, 560000, 485000, 480000, 450000, 440000]::numeric[]) AS cost
WHERE name = 'corridor' ORDER BY cost;
SELECT corridor_settlement(c, 1000, 520000) IS NULL AS no_corridor FROM cap WHERE name = 'empty';

-- Stop-loss around the attachment point.
SELECT member_cost, stop_loss_recovery(c, member_cost)
FROM cap, unnest(ARRAY[0, 9999.99, 10000, 10000.01, 10000.02, 25000, 125000.555]::numeric[]) AS member_cost
WHERE name = 'stop_loss' ORDER BY member_cost;
SELECT stop_loss_recovery(c, 50000) IS NULL AS no_terms FROM cap WHERE name = 'empty';

-- pmpm_margin: (revenue - cost) / member months, terms per row.
CREATE TABLE mm (payer int, month date, c capitation, member_months numeric, cost numeric, risk numeric);
INSERT INTO mm VALUES
  (1, '2025-01-01', 'pmpm: 45; withhold: 10%', 100, 3000.00, 1.1),
  (1, '2025-02-01', 'pmpm: 45; withhold: 10%', 98, 4500.50, 0.9),
  (1, '2025-03-01', 'pmpm: 47; withhold: 5%', 101, 3900.00, 1.0),
  (2, '2025-01-01', 'pmpm: 30', 3, 100.00, 1.0),
  (2, '2025-02-01', 'pmpm: 30', NULL, 100.00, 1.0);
-- payer 1: revenue 4050 + 3969 + 4509.65 = 12528.65; cost 11400.50; months 299 -> 3.77 (3.7731)
-- with risk: 4455 + 3572.10 + 4509.65 = 12536.75 -> 3.80 (3.8002)
-- payer 2: (90 - 100) / 3 = -3.33; the NULL row is skipped
SELECT payer, pmpm_margin(c, member_months, cost) AS margin,
       pmpm_margin(c, member_months, cost, risk) AS risk_adjusted_margin
FROM mm GROUP BY payer ORDER BY payer;
SELECT pmpm_margin(c, member_months, cost) IS NULL AS no_rows FROM mm WHERE false;
SELECT pmpm_margin(c, 0, 10) IS NULL AS no_member_months FROM mm WHERE payer = 1;
SELECT pmpm_margin('benchmark: 500'::capitation, 1, 1);
-- The state type has text I/O for Citus and parallel query.
SELECT 'rows: 3; revenue: 12529.35; cost: 11400.50; member_months: 299'::pmpm_state;
SELECT 'rows: 3; revenue: abc; cost: 1; member_months: 1'::pmpm_state;
SELECT 'rows: 3'::pmpm_state;
