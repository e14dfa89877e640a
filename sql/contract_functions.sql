-- Deadlines, prompt-pay interest and the renewal calendar, with hand-checked dates and amounts.

CREATE TABLE k (name text PRIMARY KEY, c contract);
INSERT INTO k VALUES
  ('medicare', 'payer: Medicare; filing: 12 months; appeal: 120 days, 180 days, 60 days, 60 days, 60 days; notice_receipt: 5 days; prompt_pay: 30 days; interest: 4.625%; interest_basis: 365'),
  ('texas',    'payer: Lone Star; effective: 2025-01-01; term: 3 years; renewal: 1 year; notice: 90 days; filing: 95 days; appeal: 180 days; prompt_pay: 30 days; prompt_pay_paper: 45 days; interest: 18%; lookback: 18 months'),
  ('georgia',  'payer: Peach; filing: 90 business days; appeal: 30 business days, 60 days; prompt_pay: 15 business days; prompt_pay_paper: 30 days; interest: 12%; interest_basis: 360'),
  ('newyork',  'payer: Empire; effective: 2024-02-29; term: 1 year; renewal: 1 year; notice: 3 months; prompt_pay: 30 days; interest: 12%; interest_min: 2.00'),
  ('monthly',  'payer: Month; effective: 2025-01-31; term: 1 month; renewal: 1 month; notice: 10 days'),
  ('fixed',    'payer: Fixed; effective: 2025-01-01; term: 2 years; notice: 60 days'),
  ('empty',    '');

-- Timely filing: days, months clamped to month end (leap years), business days.
SELECT name, d AS service_date, filing_deadline(c, d)
FROM k, unnest(ARRAY['2025-01-15', '2024-02-29', '2025-03-31', '2025-10-31']::date[]) AS d
WHERE name IN ('medicare', 'texas', 'georgia', 'empty')
ORDER BY name, d;

-- Appeals: notice date + presumed receipt + the level's window.
SELECT name, lvl, appeal_deadline(c, '2025-03-01', lvl)
FROM k, generate_series(1, 6) AS lvl
WHERE name IN ('medicare', 'georgia', 'texas', 'empty')
ORDER BY name, lvl;
SELECT appeal_deadline(c, '2025-03-01') AS default_level FROM k WHERE name = 'medicare';
SELECT appeal_deadline(c, '2025-03-01', 0) FROM k WHERE name = 'medicare';

-- Prompt-pay due dates: electronic and paper, calendar and business days,
-- across Christmas and a New Year's Day observed in the prior year.
SELECT name, received, paper, payment_due(c, received, paper)
FROM k, unnest(ARRAY['2025-01-15', '2025-12-19', '2021-12-17']::date[]) AS received,
     unnest(ARRAY[false, true]) AS paper
WHERE name IN ('medicare', 'texas', 'georgia', 'empty')
ORDER BY name, received, paper;
SELECT payment_due(c, '2025-01-15') AS electronic_by_default FROM k WHERE name = 'texas';

-- Interest: 0 when paid on (or before) the due date; then simple interest.
SELECT name, paid, paid - payment_due(c, '2025-01-15') AS days_late,
       interest_due(c, '2025-01-15', paid, 1000.00) AS interest
FROM k, unnest(ARRAY['2025-02-10', '2025-02-14', '2025-02-15', '2025-03-16', '2025-12-31']::date[]) AS paid
WHERE name IN ('texas', 'newyork', 'medicare')
ORDER BY name, paid;
-- 360-day basis: 1000 x 12% x 30 / 360 = 10.00 exactly.
SELECT interest_due(c, '2025-01-15', payment_due(c, '2025-01-15') + 30, 1000.00) FROM k WHERE name = 'georgia';
-- Half a cent rounds up: 18.25 x 10% x 1 / 365 = 0.005.
SELECT interest_due('prompt_pay: 30 days; interest: 10%', '2025-01-01', '2025-02-01', 18.25) AS half_cent,
       interest_due('prompt_pay: 30 days; interest: 10%', '2025-01-01', '2025-02-01', 18.24) AS under_half;
-- Paper claims use prompt_pay_paper: due 2025-03-01, paid 2025-03-11: 2500 x 18% x 10 / 365 = 12.33.
SELECT interest_due(c, '2025-01-15', '2025-03-11', 2500.00, true) AS paper,
       interest_due(c, '2025-01-15', '2025-03-11', 2500.00, false) AS electronic
FROM k WHERE name = 'texas';
-- The Treasury rate overrides the contract's: 2500 x 4.875% x 10 / 365 = 3.34.
SELECT interest_due(c, '2025-01-15', '2025-02-24', 2500.00, false, 4.875) AS treasury,
       interest_due(c, '2025-01-15', '2025-02-24', 2500.00) AS contract_rate
FROM k WHERE name = 'medicare';
-- interest_min: under 2.00 is not owed; at 2.00 it is. 1000 x 12% x 6 / 365 = 1.97; x 7 = 2.30.
SELECT interest_due(c, '2025-01-15', '2025-02-20', 1000.00) AS six_days,
       interest_due(c, '2025-01-15', '2025-02-21', 1000.00) AS seven_days
FROM k WHERE name = 'newyork';
-- Amounts with more than 2 decimals are used exactly and rounded once.
SELECT interest_due(c, '2025-01-15', '2025-03-16', 333.3333) FROM k WHERE name = 'texas';
-- NULLs: missing arguments or terms give NULL; a NULL rate means the contract's.
SELECT interest_due(NULL, '2025-01-15', '2025-03-16', 100) IS NULL AS no_contract,
       interest_due(c, NULL, '2025-03-16', 100) IS NULL AS no_received,
       interest_due(c, '2025-01-15', NULL, 100) IS NULL AS no_paid,
       interest_due(c, '2025-01-15', '2025-03-16', NULL) IS NULL AS no_amount,
       interest_due(c, '2025-01-15', '2025-03-16', 100, NULL) IS NULL AS no_paper,
       interest_due(c, '2025-01-15', '2025-03-16', 100, false, NULL) AS contract_rate
FROM k WHERE name = 'texas';
SELECT interest_due(c, '2025-01-15', '2025-03-16', 100) IS NULL AS no_terms,
       interest_due(c, '2025-01-15', '2025-03-16', 100, false, 10) IS NULL AS rate_but_no_window
FROM k WHERE name = 'empty';
SELECT interest_due('prompt_pay: 30 days', '2025-01-15', '2025-03-16', 100) IS NULL AS no_rate,
       interest_due('prompt_pay: 30 days', '2025-01-15', '2025-03-16', 100, false, 10) AS given_rate;
-- Errors.
SELECT interest_due(c, '2025-01-15', '2025-03-16', -100) FROM k WHERE name = 'texas';
SELECT interest_due(c, '2025-01-15', '2025-03-16', 'NaN') FROM k WHERE name = 'texas';
SELECT interest_due(c, '2025-01-15', '2025-03-16', 100, false, 101) FROM k WHERE name = 'texas';
SELECT interest_due(c, '2025-01-15', '2025-03-16', 100, false, -1) FROM k WHERE name = 'texas';
SELECT interest_due(c, '2025-01-15', '2025-03-16', 100, false, 4.1234567) FROM k WHERE name = 'texas';

-- Audit lookback.
SELECT name, recoupment_deadline(c, '2024-08-31') FROM k WHERE name IN ('texas', 'empty') ORDER BY name;

-- Renewals: the next renewal (or expiry) on or after as_of.
SELECT name, as_of, renewal_date(c, as_of), notice_deadline(c, as_of)
FROM k, unnest(ARRAY['2020-01-01', '2026-06-01', '2027-10-03', '2027-10-04',
                     '2028-01-01', '2028-01-02']::date[]) AS as_of
WHERE name IN ('texas', 'fixed', 'empty')
ORDER BY name, as_of;
-- A leap-day start: anniversaries count from the effective date, so 2028 renews on Feb 29.
SELECT as_of, renewal_date(c, as_of), notice_deadline(c, as_of)
FROM k, unnest(ARRAY['2024-03-01', '2025-03-01', '2027-03-01', '2028-02-29', '2028-03-01']::date[]) AS as_of
WHERE name = 'newyork' ORDER BY as_of;
-- Month-end start with monthly renewals: Feb 28, Mar 31, Apr 30, not a drifting 28th.
SELECT as_of, renewal_date(c, as_of)
FROM k, unnest(ARRAY['2025-02-01', '2025-03-01', '2025-04-01', '2025-05-01', '2026-02-01']::date[]) AS as_of
WHERE name = 'monthly' ORDER BY as_of;
-- Far-future as_of stays fast (no walk from the start) and correct.
SELECT renewal_date(c, '2999-06-01'), notice_deadline(c, '2999-06-01') FROM k WHERE name = 'texas';

-- The contract calendar.
SELECT * FROM contract_calendar((SELECT c FROM k WHERE name = 'texas'), '2024-06-01', '2029-12-31');
SELECT * FROM contract_calendar((SELECT c FROM k WHERE name = 'fixed'), '2024-01-01', '2030-12-31');
SELECT * FROM contract_calendar((SELECT c FROM k WHERE name = 'monthly'), '2025-03-15', '2025-05-31');
SELECT count(*) FROM contract_calendar((SELECT c FROM k WHERE name = 'empty'), '2024-01-01', '2030-12-31');
SELECT count(*) FROM contract_calendar((SELECT c FROM k WHERE name = 'texas'), '2030-01-01', '2020-01-01');

-- Out-of-range arithmetic is an error, never a wrong date.
SELECT filing_deadline('filing: 1000 years', '5874000-01-01');
SELECT payment_due('prompt_pay: 10 business days', '2199-12-28');
