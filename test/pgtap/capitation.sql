-- pmpm_margin splits: combine is exact under any split of the rows, and
-- forced parallel plans give the serial result to the cent.
BEGIN;
SELECT plan(9);

SELECT setseed(0.77);
CREATE TABLE mm_rows AS
SELECT i, 1 + i % 3 AS payer,
       (ARRAY['pmpm: 45; withhold: 10%', 'pmpm: 47.25; withhold: 5%', 'pmpm: 31.333333'])[1 + (i / 7) % 3]::capitation AS c,
       (1 + (random() * 3)::int)::numeric / (1 + i % 2) AS member_months,
       round((random() * 400)::numeric, 2) AS cost,
       round((0.4 + random() * 2)::numeric, 3) AS risk
FROM generate_series(1, 30000) AS i;
ANALYZE mm_rows;

-- The reference, in plain SQL over exact numerics.
CREATE TEMP TABLE reference AS
SELECT payer,
       round((sum(pmpm * member_months * (1 - withhold / 100)) - sum(cost)) / sum(member_months), 2) AS margin,
       round((sum(pmpm * risk * member_months * (1 - withhold / 100)) - sum(cost)) / sum(member_months), 2) AS risk_margin
FROM mm_rows,
     LATERAL (SELECT (SELECT value::numeric FROM capitation_terms(c) WHERE key = 'pmpm') AS pmpm,
                     coalesce((SELECT rtrim(value, '%')::numeric FROM capitation_terms(c) WHERE key = 'withhold'), 0) AS withhold) AS t
GROUP BY payer;

SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial AS
SELECT payer, pmpm_margin(c, member_months, cost) AS margin, pmpm_margin(c, member_months, cost, risk) AS risk_margin
FROM mm_rows GROUP BY payer;
SELECT is((SELECT count(*) FROM serial JOIN reference r USING (payer)
           WHERE serial.margin <> r.margin OR serial.risk_margin <> r.risk_margin), 0::bigint,
          'pmpm_margin equals the SQL formula (to within numeric''s own division rounding)');

-- Any split: the states of arbitrary row groups, passed through their text
-- form (as Citus moves them) and combined, give the same margin.
CREATE AGGREGATE pg_temp.margin_state(capitation, numeric, numeric) (
    SFUNC = pmpm_margin_sfunc, STYPE = pmpm_state);
CREATE AGGREGATE pg_temp.margin_combine(pmpm_state) (
    SFUNC = pmpm_margin_combine, STYPE = pmpm_state, FINALFUNC = pmpm_margin_final);
SELECT is((SELECT count(*) FROM (
               SELECT k, payer, pg_temp.margin_combine(st::text::pmpm_state) AS margin
               FROM (SELECT k, payer, (i * 7919) % k AS g, pg_temp.margin_state(c, member_months, cost) AS st
                     FROM mm_rows, (VALUES (1), (2), (3), (10), (997)) AS ks(k)
                     GROUP BY k, payer, g) AS parts
               GROUP BY k, payer) AS split
           JOIN serial s USING (payer) WHERE split.margin <> s.margin), 0::bigint,
          'combining any split of the rows gives the serial margin');
SELECT is((SELECT count(*) FROM (SELECT payer, pg_temp.margin_state(c, member_months, cost) AS st FROM mm_rows GROUP BY payer) x
           WHERE st::text::pmpm_state::text <> st::text), 0::bigint,
          'pmpm_state text form round-trips exactly');
SELECT is((SELECT pg_temp.margin_combine(st) FROM (SELECT NULL::pmpm_state AS st UNION ALL
                                                    SELECT pg_temp.margin_state(c, member_months, cost) FROM mm_rows WHERE payer = 1) x),
          (SELECT margin FROM serial WHERE payer = 1), 'combining with an empty state changes nothing');

SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SELECT matches(plan_of('SELECT payer, pmpm_margin(c, member_months, cost) FROM mm_rows GROUP BY payer'),
               'Partial (Hash|Group)?Aggregate', 'pmpm_margin runs as a parallel partial aggregate');
SELECT matches(plan_of('SELECT pmpm_margin(c, member_months, cost, risk) FROM mm_rows'),
               'Partial Aggregate', 'the risk-adjusted form too');
SELECT is((SELECT count(*) FROM (SELECT payer, pmpm_margin(c, member_months, cost) AS margin,
                                        pmpm_margin(c, member_months, cost, risk) AS risk_margin
                                 FROM mm_rows GROUP BY payer) AS par
           JOIN serial s USING (payer) WHERE par.margin <> s.margin OR par.risk_margin <> s.risk_margin),
          0::bigint, 'parallel and serial pmpm_margin agree to the cent');
-- Settlement properties over a range of costs.
CREATE TEMP TABLE costs AS SELECT 300000 + 500 * g AS cost FROM generate_series(0, 800) AS g;
SELECT is((SELECT count(*) FROM costs
           WHERE corridor_settlement('benchmark: 500; corridor: 3% 50%, 8% 80%', 1000, 500000 + (cost - 300000))
                 <> -corridor_settlement('benchmark: 500; corridor: 3% 50%, 8% 80%', 1000, 500000 - (cost - 300000))),
          0::bigint, 'the corridor is symmetric for gains and losses');
SELECT is((SELECT count(*) FROM costs a JOIN costs b ON b.cost = a.cost + 500,
                (VALUES ('benchmark: 500; share: 50%; loss_share: 40%; msr: 2%; savings_cap: 10%; loss_cap: 15%'::capitation),
                        ('benchmark: 500; share: 75%; loss_share: 75%; msr: 3%; mlr: 1%; first_dollar: false'),
                        ('benchmark: 500; share: 50%')) AS t(c)
           WHERE shared_savings(c, 1000, b.cost) > shared_savings(c, 1000, a.cost)), 0::bigint,
          'the settlement never rises as cost rises');

SELECT * FROM finish();
ROLLBACK;
