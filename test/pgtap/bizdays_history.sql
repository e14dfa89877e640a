-- The business-day calendar of 1900-1989 against an independent SQL
-- statement of the holiday law's history (see src/bizdays.c for sources).
BEGIN;
SELECT plan(2);

CREATE TEMP TABLE hist_holiday AS
WITH years AS (SELECT generate_series(1899, 1990) AS y),
fixed AS (
    SELECT make_date(y, 1, 1) AS d, y FROM years
    UNION ALL SELECT make_date(y, 2, 22), y FROM years WHERE y < 1971
    UNION ALL SELECT make_date(y, 5, 30), y FROM years WHERE y < 1971
    UNION ALL SELECT make_date(y, 7, 4), y FROM years
    UNION ALL SELECT make_date(y, 11, 11), y FROM years WHERE y >= 1938 AND (y < 1971 OR y >= 1978)
    UNION ALL SELECT make_date(y, 12, 25), y FROM years),
nth(y, m, dow, n) AS (
    SELECT y, 1, 1, 3 FROM years WHERE y >= 1986      -- MLK Day
    UNION ALL SELECT y, 2, 1, 3 FROM years WHERE y >= 1971
    UNION ALL SELECT y, 9, 1, 1 FROM years             -- Labor Day
    UNION ALL SELECT y, 10, 1, 2 FROM years WHERE y >= 1971
    UNION ALL SELECT y, 10, 1, 4 FROM years WHERE y BETWEEN 1971 AND 1977
    UNION ALL SELECT y, 11, 4, 4 FROM years WHERE y >= 1942),
thursdays AS (
    SELECT y, d::date AS d, row_number() OVER (PARTITION BY y ORDER BY d DESC) AS from_end
    FROM years, generate_series(make_date(y, 11, 1), make_date(y, 11, 30), '1 day') AS d
    WHERE extract(isodow FROM d) = 4)
SELECT CASE WHEN extract(isodow FROM d) = 6 AND y >= 1960 THEN d - 1
            WHEN extract(isodow FROM d) = 7 THEN d + 1 ELSE d END AS d FROM fixed
UNION
SELECT make_date(y, m, 1) + ((dow - extract(dow FROM make_date(y, m, 1))::int + 7) % 7) + 7 * (n - 1) FROM nth
UNION
SELECT make_date(y, 5, 31) - ((extract(dow FROM make_date(y, 5, 31))::int + 6) % 7) FROM years WHERE y >= 1971
UNION
SELECT d FROM thursdays WHERE (y < 1939 AND from_end = 1) OR (y BETWEEN 1939 AND 1941 AND from_end = 2);

CREATE TEMP TABLE hist_day AS
SELECT g::date AS d,
       extract(isodow FROM g) < 6 AND g::date NOT IN (SELECT d FROM hist_holiday) AS business
FROM generate_series('1900-01-01'::date, '1989-12-31', '1 day') AS g;

SELECT is((SELECT count(*) FROM hist_day WHERE is_business_day(d) <> business), 0::bigint,
          'is_business_day follows the holiday law''s history for 1900-1989');
SELECT is((SELECT count(*) FROM (SELECT d, n FROM generate_series(1, 300) AS g,
                  LATERAL (SELECT '1901-01-01'::date + (random() * 32000)::int AS d, 1 + (random() * 40)::int AS n
                           WHERE g > 0) AS r) AS s
           WHERE add_business_days(d, n) <> (SELECT h.d FROM hist_day h WHERE h.d > s.d AND h.business
                                             ORDER BY h.d OFFSET n - 1 LIMIT 1)),
          0::bigint, 'add_business_days matches the historical calendar');

SELECT * FROM finish();
ROLLBACK;
