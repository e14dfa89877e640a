-- Federal holidays before 1978, as the law stood each year (issue 16 item 7):
-- fixed-date Washington's Birthday, Memorial Day and Armistice/Veterans Day
-- until 1970, the Monday rules from 1971, Veterans Day on the 4th Monday of
-- October 1971-1977, Columbus Day from 1971, Armistice Day from 1938,
-- Thanksgiving by proclamation until 1941, Saturday holidays observed on
-- Friday only from 1960 (Pub. L. 86-362, 1959).
SELECT d, to_char(d, 'Dy') AS dow, is_business_day(d), why
FROM (VALUES
  ('1970-02-23'::date, 'Washington''s Birthday 1970 (Sun Feb 22) observed Monday'),
  ('1970-02-16', '3rd Monday of February 1970: not yet a holiday'),
  ('1971-02-15', '3rd Monday of February 1971: Washington''s Birthday'),
  ('1971-02-22', 'February 22, 1971: no longer the holiday'),
  ('1969-05-30', 'Memorial Day 1969 on May 30 (Fri)'),
  ('1969-05-26', 'last Monday of May 1969: not yet'),
  ('1971-05-31', 'last Monday of May 1971: Memorial Day'),
  ('1970-10-12', 'Monday October 12, 1970: Columbus Day not yet a federal holiday'),
  ('1971-10-11', '2nd Monday of October 1971: Columbus Day'),
  ('1971-10-25', '4th Monday of October 1971: Veterans Day'),
  ('1971-11-11', 'November 11, 1971 (Thu): not a holiday 1971-1977'),
  ('1977-10-24', '4th Monday of October 1977: Veterans Day'),
  ('1977-11-11', 'November 11, 1977 (Fri): not a holiday'),
  ('1978-10-23', '4th Monday of October 1978: no longer'),
  ('1978-11-10', 'Veterans Day 1978 (Sat Nov 11) observed Friday'),
  ('1970-11-11', 'Veterans Day 1970 (Wed)'),
  ('1937-11-11', 'November 11, 1937: before Armistice Day became a legal holiday (1938)'),
  ('1938-11-11', 'Armistice Day 1938'),
  ('1953-07-03', 'Independence Day 1953 on a Saturday: no Friday holiday before 1960'),
  ('1954-12-31', 'New Year''s Day 1955 on a Saturday: no Friday holiday before 1960'),
  ('1961-11-10', 'Veterans Day 1961 (Sat) observed Friday'),
  ('1965-12-31', 'New Year''s Day 1966 (Sat) observed Friday December 31, 1965'),
  ('1950-01-02', 'New Year''s Day 1950 (Sun) observed Monday'),
  ('1934-11-29', 'Thanksgiving 1934: the last Thursday (the 5th)'),
  ('1934-11-22', 'the 4th Thursday of November 1934: a business day'),
  ('1939-11-23', 'Thanksgiving 1939: the second-to-last Thursday'),
  ('1939-11-30', 'the last Thursday of November 1939: a business day'),
  ('1940-11-21', 'Thanksgiving 1940: the second-to-last (3rd) Thursday'),
  ('1940-11-28', 'the 4th Thursday of 1940: a business day'),
  ('1941-11-20', 'Thanksgiving 1941: the 3rd Thursday'),
  ('1942-11-26', 'Thanksgiving 1942: the 4th Thursday, by law'),
  ('1900-01-01', 'New Year''s Day 1900: the calendar''s first day'),
  ('1985-01-21', 'MLK Day not yet (1986)')) AS t(d, why)
ORDER BY d;

-- Business days per year across the changes.
SELECT y, count(*) FILTER (WHERE is_business_day(d)) AS business_days
FROM unnest(ARRAY[1937, 1938, 1940, 1959, 1960, 1970, 1971, 1977, 1978]) AS y,
     generate_series(make_date(y, 1, 1), make_date(y, 12, 31), '1 day') AS g(ts),
     LATERAL (SELECT ts::date) AS c(d)
GROUP BY y ORDER BY y;

-- Arithmetic across the history and to the calendar's ends.
SELECT add_business_days('1970-02-20', 1) AS after_washington_1970,
       add_business_days('1971-10-22', 1) AS after_veterans_1971,
       business_days_between('1900-01-01', '2199-12-31') AS whole_calendar,
       add_business_days('1900-01-03', -1) AS first_business_day,
       add_business_days('2199-12-31', -1) AS before_last_day;
