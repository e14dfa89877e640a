-- payment_variance splits exactly: any split of the rows, and parallel plans,
-- give the serial result to the cent.
BEGIN;
SELECT plan(5);
SELECT setseed(0.5);
CREATE TABLE var_rows AS
SELECT i, i % 4 AS grp,
       CASE WHEN random() < 0.05 THEN NULL ELSE round((random() * 500 - 20)::numeric, 2) END AS expected,
       CASE WHEN random() < 0.03 THEN NULL ELSE round((random() * 500 - 20)::numeric, 3) END AS actual
FROM generate_series(1, 40000) AS i;
ANALYZE var_rows;

CREATE TEMP TABLE reference AS
SELECT grp, count(*) AS lines, count(*) FILTER (WHERE expected IS NULL) AS unpriced_lines,
       round(sum(expected), 2) AS expected, round(sum(coalesce(actual, 0)) FILTER (WHERE expected IS NOT NULL), 2) AS actual,
       count(*) FILTER (WHERE expected - coalesce(actual, 0) >= 0.01) AS underpaid_lines,
       round(coalesce(sum(expected - coalesce(actual, 0)) FILTER (WHERE expected - coalesce(actual, 0) >= 0.01), 0), 2) AS underpaid,
       count(*) FILTER (WHERE coalesce(actual, 0) - expected >= 0.01) AS overpaid_lines,
       round(coalesce(sum(coalesce(actual, 0) - expected) FILTER (WHERE coalesce(actual, 0) - expected >= 0.01), 0), 2) AS overpaid
FROM var_rows GROUP BY grp;

SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial AS SELECT grp, (payment_variance(expected, actual)).* FROM var_rows GROUP BY grp;
SELECT is((SELECT count(*) FROM serial s JOIN reference r USING (grp)
           WHERE (s.lines, s.unpriced_lines, s.expected, s.actual, s.underpaid_lines, s.underpaid, s.overpaid_lines, s.overpaid)
                 IS DISTINCT FROM (r.lines, r.unpriced_lines, r.expected, r.actual, r.underpaid_lines, r.underpaid, r.overpaid_lines, r.overpaid)),
          0::bigint, 'payment_variance equals the same sums written in SQL');

CREATE AGGREGATE pg_temp.variance_part(numeric, numeric) (SFUNC = payment_variance_sfunc, STYPE = variance_state);
CREATE AGGREGATE pg_temp.variance_combine(variance_state) (
    SFUNC = payment_variance_combine, STYPE = variance_state, FINALFUNC = payment_variance_final);
SELECT is((SELECT count(*) FROM (
               SELECT k, grp, pg_temp.variance_combine(st::text::variance_state) AS v
               FROM (SELECT k, grp, (i * 31337) % k AS g, pg_temp.variance_part(expected, actual) AS st
                     FROM var_rows, (VALUES (1), (2), (7), (1000)) AS ks(k) GROUP BY k, grp, g) AS parts
               GROUP BY k, grp) AS x
           JOIN serial s USING (grp)
           WHERE (x.v).expected <> s.expected OR (x.v).actual <> s.actual OR (x.v).underpaid <> s.underpaid
              OR (x.v).overpaid <> s.overpaid OR (x.v).lines <> s.lines OR (x.v).yield_pct IS DISTINCT FROM s.yield_pct),
          0::bigint, 'combining any split of the rows (through the state''s text form) gives the serial result');

SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SELECT matches(plan_of('SELECT payment_variance(expected, actual) FROM var_rows'),
               'Partial Aggregate', 'payment_variance runs as a parallel partial aggregate');
SELECT is((SELECT payment_variance(expected, actual)::text FROM var_rows),
          (SELECT pg_temp.variance_combine(st)::text FROM (SELECT grp, pg_temp.variance_part(expected, actual) AS st FROM var_rows GROUP BY grp) x),
          'parallel whole-table result equals the combined per-group states');
SELECT is((SELECT count(*) FROM (SELECT grp, (payment_variance(expected, actual)).* FROM var_rows GROUP BY grp) p
           JOIN serial s USING (grp) WHERE p::text <> s::text), 0::bigint,
          'parallel and serial grouped results agree to the cent');
SELECT * FROM finish();
ROLLBACK;
