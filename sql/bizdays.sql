-- US federal business days: holidays, observed days, arithmetic.

-- Every 2025 federal holiday is not a business day; the days around are.
SELECT d, to_char(d, 'Dy') AS dow, is_business_day(d)
FROM unnest(ARRAY['2025-01-01', '2025-01-20', '2025-02-17', '2025-05-26',
                  '2025-06-19', '2025-07-04', '2025-09-01', '2025-10-13',
                  '2025-11-11', '2025-11-27', '2025-12-25',
                  '2025-01-02', '2025-11-28', '2025-12-24']::date[]) AS d;

-- Observed days: Saturday holidays on the Friday before, Sunday on the Monday after.
SELECT d, to_char(d, 'Dy') AS dow, is_business_day(d)
FROM unnest(ARRAY['2021-12-31',   -- New Year's 2022 (Sat) observed Fri Dec 31, 2021
                  '2022-01-03',   -- ... so the Monday after is a business day
                  '2022-12-26',   -- Christmas 2022 (Sun) observed Mon Dec 26
                  '2023-01-02',   -- New Year's 2023 (Sun) observed Mon Jan 2
                  '2026-07-03',   -- Independence Day 2026 (Sat) observed Fri Jul 3
                  '2027-06-18',   -- Juneteenth 2027 (Sat) observed Fri Jun 18
                  '2020-06-19',   -- before Juneteenth became a holiday (2021)
                  '2021-06-18',   -- Juneteenth 2021 (Sat) observed Fri Jun 18
                  '1985-01-21',   -- 3rd Monday of January before MLK Day (1986)
                  '1986-01-20',
                  '2025-01-04', '2025-01-05']::date[]) AS d;

-- Business days per year (weekdays less observed holidays).
SELECT y, count(*) FILTER (WHERE is_business_day(d)) AS business_days
FROM generate_series(2020, 2027) AS y,
     generate_series(make_date(y, 1, 1), make_date(y, 12, 31), '1 day') AS g(ts),
     LATERAL (SELECT ts::date) AS c(d)
GROUP BY y ORDER BY y;

-- Adding: the n-th business day after (or before) d.
SELECT d, n, add_business_days(d, n)
FROM (VALUES ('2025-01-01'::date, 15), ('2025-01-17', 1), ('2025-01-18', 1),
             ('2025-01-21', -1), ('2025-01-18', -1), ('2025-12-24', 1),
             ('2025-06-18', 1), ('2025-03-15', 0), ('2025-12-31', 1),
             ('2021-12-30', 1), ('2025-11-26', 2)) AS t(d, n);

-- Counting: (a, b] forwards, [b, a) backwards.
SELECT a, b, business_days_between(a, b)
FROM (VALUES ('2025-01-01'::date, '2025-12-31'::date), ('2025-01-03', '2025-01-06'),
             ('2025-01-06', '2025-01-03'), ('2025-01-04', '2025-01-05'),
             ('2025-03-10', '2025-03-10'), ('2025-01-01', '2025-01-23')) AS t(a, b);

-- Infinite dates and the calendar's range.
SELECT is_business_day('infinity'), add_business_days('-infinity', 5);
SELECT business_days_between('infinity', '2025-01-01');
SELECT add_business_days('1899-12-31', 1);
SELECT add_business_days('2199-12-30', 5);
SELECT is_business_day('1066-10-14');
