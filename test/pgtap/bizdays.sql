-- Business-day calendar properties, checked against an independent SQL
-- computation of the federal holidays and against the usual generate_series
-- approach an analyst would write.
BEGIN;
SELECT plan(7);

CREATE TEMP TABLE ref_holiday AS
WITH years AS (SELECT generate_series(1989, 2041) AS y),
fixed AS (
    SELECT make_date(y, 1, 1) AS d FROM years
    UNION ALL SELECT make_date(y, 6, 19) FROM years WHERE y >= 2021
    UNION ALL SELECT make_date(y, 7, 4) FROM years
    UNION ALL SELECT make_date(y, 11, 11) FROM years
    UNION ALL SELECT make_date(y, 12, 25) FROM years),
nth(y, m, dow, n) AS (
    SELECT y, 1, 1, 3 FROM years WHERE y >= 1986      -- MLK Day
    UNION ALL SELECT y, 2, 1, 3 FROM years             -- Washington's Birthday
    UNION ALL SELECT y, 9, 1, 1 FROM years             -- Labor Day
    UNION ALL SELECT y, 10, 1, 2 FROM years            -- Columbus Day
    UNION ALL SELECT y, 11, 4, 4 FROM years)           -- Thanksgiving
SELECT CASE extract(isodow FROM d) WHEN 6 THEN d - 1 WHEN 7 THEN d + 1 ELSE d END AS d FROM fixed
UNION
SELECT make_date(y, m, 1) + ((dow - extract(dow FROM make_date(y, m, 1))::int + 7) % 7) + 7 * (n - 1) FROM nth
UNION
SELECT make_date(y, 5, 31) - ((extract(dow FROM make_date(y, 5, 31))::int + 6) % 7) FROM years;  -- Memorial Day

CREATE TEMP TABLE ref_day AS
SELECT g::date AS d,
       extract(isodow FROM g) < 6 AND g::date NOT IN (SELECT d FROM ref_holiday) AS business
FROM generate_series('1990-01-01'::date, '2040-12-31', '1 day') AS g;

SELECT is((SELECT count(*) FROM ref_day WHERE is_business_day(d) <> business), 0::bigint,
          'is_business_day agrees with an independent holiday table for 1990-2040');

CREATE TEMP TABLE sample AS
SELECT '1995-01-01'::date + (random() * 15000)::int AS d, n
FROM generate_series(1, 400), LATERAL (SELECT (random() * 80)::int - 40 AS n) AS r
WHERE n <> 0;

SELECT is((SELECT count(*) FROM sample WHERE NOT is_business_day(add_business_days(d, n))), 0::bigint,
          'add_business_days(d, n <> 0) is always a business day');
SELECT is((SELECT count(*) FROM sample WHERE business_days_between(d, add_business_days(d, n)) <> n), 0::bigint,
          'business_days_between inverts add_business_days');
SELECT is((SELECT count(*) FROM sample WHERE add_business_days(d, n) >= add_business_days(d, n + 1)), 0::bigint,
          'add_business_days is strictly increasing in n');
SELECT is((SELECT count(*) FROM sample WHERE n > 0 AND add_business_days(d, n) <>
              (SELECT r.d FROM ref_day r WHERE r.d > sample.d AND r.business ORDER BY r.d OFFSET n - 1 LIMIT 1)),
          0::bigint, 'add_business_days matches the generate_series-and-holiday-table method (forwards)');
SELECT is((SELECT count(*) FROM sample WHERE n < 0 AND add_business_days(d, n) <>
              (SELECT r.d FROM ref_day r WHERE r.d < sample.d AND r.business ORDER BY r.d DESC OFFSET -n - 1 LIMIT 1)),
          0::bigint, 'add_business_days matches the generate_series-and-holiday-table method (backwards)');
SELECT is((SELECT count(*) FROM sample s, LATERAL (SELECT s.d + n * 3 AS e) AS x
           WHERE business_days_between(s.d, x.e) <>
                 CASE WHEN x.e >= s.d
                      THEN (SELECT count(*) FROM ref_day r WHERE r.d > s.d AND r.d <= x.e AND r.business)
                      ELSE -(SELECT count(*) FROM ref_day r WHERE r.d >= x.e AND r.d < s.d AND r.business) END),
          0::bigint, 'business_days_between counts (a, b] forwards and [b, a) backwards');

SELECT * FROM finish();
ROLLBACK;
