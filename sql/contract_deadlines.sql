-- Deadlines as contracts count them: deadline_roll, notice_from,
-- next_renewal, the contract calendar's order and reach, and the limits
-- of the date and interest arithmetic (issues 15 and 16).

-- Errors with their SQLSTATE: the function returns "SQLSTATE: message".
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE q;
    RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- deadline_roll: the issue's example.  Due Thu 2026-01-01 (New Year's Day)
-- rolls to Fri 2026-01-02, so a payment on Mon 2026-01-05 is 3 days late.
SELECT interest_due('prompt_pay: 30 days; interest: 12%; deadline_roll: next_business_day',
                    '2025-12-02', '2026-01-05', 10000) AS rolled,       -- 9.86
       interest_due('prompt_pay: 30 days; interest: 12%',
                    '2025-12-02', '2026-01-05', 10000) AS raw,          -- 13.15
       interest_due('prompt_pay: 30 days; interest: 12%; deadline_roll: none',
                    '2025-12-02', '2026-01-05', 10000) AS explicit_none;
-- Paid on the rolled due date: on time.
SELECT interest_due('prompt_pay: 30 days; interest: 12%; deadline_roll: next_business_day',
                    '2025-12-02', '2026-01-02', 10000);

-- Every deadline rolls: filing, appeal, payment_due (paper too), recoupment.
SELECT 'filing: 90 days; appeal: 120 days, 60 days; notice_receipt: 5 days; prompt_pay: 15 business days;
        prompt_pay_paper: 30 days; lookback: 18 months; deadline_roll: next_business_day'::contract AS r,
       'filing: 90 days; appeal: 120 days, 60 days; notice_receipt: 5 days; prompt_pay: 15 business days;
        prompt_pay_paper: 30 days; lookback: 18 months'::contract AS n
\gset
SELECT d, filing_deadline(:'n', d) AS filing_raw, filing_deadline(:'r', d) AS filing_rolled,
       to_char(filing_deadline(:'r', d), 'Dy') AS dow
FROM unnest(ARRAY['2025-11-03', '2025-10-04', '2025-10-05', '2025-10-03']::date[]) AS d;
SELECT appeal_deadline(:'n', '2025-03-01', 1) AS raw1, appeal_deadline(:'r', '2025-03-01', 1) AS rolled1,
       appeal_deadline(:'n', '2025-03-01', 2) AS raw2, appeal_deadline(:'r', '2025-03-01', 2) AS rolled2;
SELECT payment_due(:'n', '2025-06-04', true) AS paper_raw,     -- Fri 2025-07-04
       payment_due(:'r', '2025-06-04', true) AS paper_rolled,  -- Mon 2025-07-07
       payment_due(:'r', '2025-06-04') AS electronic;          -- business days: never rolls
SELECT recoupment_deadline(:'n', '2024-05-31') AS raw,         -- Sun 2025-11-30
       recoupment_deadline(:'r', '2024-05-31') AS rolled;      -- Mon 2025-12-01
-- Infinite dates stay infinite (as date + integer does); nothing rolls.
SELECT filing_deadline(:'r', 'infinity'), appeal_deadline(:'r', '-infinity', 1),
       recoupment_deadline(:'r', 'infinity');

-- The keys in text, jsonb and back; canonical order puts them beside their kin.
SELECT 'deadline_roll: NEXT_BUSINESS_DAY; notice_from: Term_End; notice: 60 days; payer: P'::contract;
SELECT 'deadline_roll: next_business_day; notice_from: term_end'::contract::jsonb;
SELECT '{"deadline_roll": "next_business_day", "notice_from": "renewal"}'::jsonb::contract;
-- A contract with only 1.0's keys keeps its 1.0 bytes (format 1) and equality.
SELECT 'filing: 90 days'::contract <> 'filing: 90 days; deadline_roll: none'::contract AS stated_none_differs,
       'filing: 90 days; deadline_roll: none'::contract = 'deadline_roll: none; filing: 90 days' AS order_does_not_matter,
       pg_column_size('filing: 90 days'::contract) AS format1_bytes;
SELECT 'deadline_roll: tomorrow'::contract;
SELECT 'notice_from: expiry'::contract;
SELECT 'deadline_roll: none; deadline_roll: none'::contract;

-- notice_from: "N days prior to the expiration of the term" counts back from
-- the term's last day (2026-02-28), not from the renewal date (2026-03-01).
SELECT notice_deadline('effective: 2021-03-01; term: 5 years; renewal: 2 years; notice: 60 days', '2025-06-01') AS from_renewal,
       notice_deadline('effective: 2021-03-01; term: 5 years; renewal: 2 years; notice: 60 days;
                        notice_from: renewal', '2025-06-01') AS explicit_renewal,
       notice_deadline('effective: 2021-03-01; term: 5 years; renewal: 2 years; notice: 60 days;
                        notice_from: term_end', '2025-06-01') AS from_term_end,
       notice_deadline('effective: 2021-03-01; term: 5 years; renewal: 2 years; notice: 3 months;
                        notice_from: term_end', '2025-06-01') AS months_from_term_end;

-- next_renewal pairs a renewal with its own deadline.  Pinnacle Care in the
-- demo: renews 2026-03-01, its deadline 2025-12-31 passed before 2026-02-01
-- (notice_deadline alone would answer the next term's, 2027-12-31).
SELECT 'payer: Pinnacle Care; effective: 2021-03-01; term: 5 years; renewal: 2 years; notice: 60 days'::contract AS pc
\gset
SELECT * FROM next_renewal(:'pc', '2026-02-01');
SELECT notice_deadline(:'pc', '2026-02-01');
SELECT * FROM next_renewal(:'pc', '2025-12-31');    -- the last day: not passed
SELECT * FROM next_renewal(:'pc', '2026-03-01');    -- renewal day itself
SELECT * FROM next_renewal(:'pc', '2026-03-02');    -- the following term
SELECT * FROM next_renewal('effective: 2025-01-01; term: 1 year; notice: 30 days', '2025-12-15');  -- expiry
SELECT * FROM next_renewal('effective: 2025-01-01; term: 1 year; notice: 30 days', '2026-01-02');  -- expired
SELECT * FROM next_renewal('effective: 2025-01-01; term: 1 year; renewal: 1 year', '2025-06-01'); -- no notice
SELECT * FROM next_renewal('filing: 90 days', '2025-06-01');                                     -- no calendar
SELECT * FROM next_renewal(:'pc', 'infinity');
SELECT renewal_date(:'pc', 'infinity'), notice_deadline(:'pc', 'infinity'),
       renewal_date(:'pc', '-infinity'), notice_deadline(:'pc', '-infinity');

-- contract_calendar: a month-to-month contract with 3 months' notice has
-- four notice deadlines in June-September (they belong to renewals after
-- the window), in date order with the renewals.
SELECT * FROM contract_calendar('effective: 2025-01-01; term: 1 month; renewal: 1 month; notice: 3 months',
                                '2025-06-01', '2025-09-30');
-- Notice longer than the renewal period, with the effective date between.
SELECT * FROM contract_calendar('effective: 2025-01-01; term: 1 year; renewal: 1 year; notice: 400 days',
                                '2024-06-01', '2027-09-30');
-- notice_from: term_end in the calendar.
SELECT * FROM contract_calendar((:'pc' || '; notice_from: term_end')::contract, '2025-01-01', '2026-12-31');
-- A non-renewing contract: effective, its deadline, expiry; nothing after.
SELECT * FROM contract_calendar('effective: 2025-01-01; term: 1 year; notice: 30 days', '2024-01-01', '2030-12-31');
-- Notice of zero days: the deadline is the renewal day, listed first.
SELECT * FROM contract_calendar('effective: 2025-01-01; term: 1 year; renewal: 1 year; notice: 0 days',
                                '2026-01-01', '2026-01-01');
SELECT count(*) FROM contract_calendar(:'pc', '-infinity', '2030-01-01');
SELECT pg_temp.err($$SELECT * FROM contract_calendar('effective: 2025-01-01; term: 1 day; renewal: 1 day',
                                                    '2025-01-01', 'infinity')$$);
-- Long calendars are cancellable: statement_timeout stops one of millions
-- of rows promptly (measured: within about 10 ms of the limit; asserted
-- with room for a loaded machine).
SELECT clock_timestamp() AS t0 \gset
SET statement_timeout = '200ms';
SELECT count(*) FROM contract_calendar('effective: 1900-01-01; term: 1 day; renewal: 1 day; notice: 1 day',
                                       '1900-01-01', '9999-12-31');
RESET statement_timeout;
SELECT clock_timestamp() - :'t0'::timestamptz < interval '450 ms' AS cancelled_promptly;

-- Interest: infinite dates and amounts too large are errors, not garbage.
SELECT pg_temp.err($$SELECT interest_due('prompt_pay: 30 days; interest: 12%', '2025-01-15', 'infinity', 1000.00)$$);
SELECT pg_temp.err($$SELECT interest_due('prompt_pay: 30 days; interest: 12%', '-infinity', '2025-01-15', 1000.00)$$);
SELECT pg_temp.err($$SELECT interest_due('prompt_pay: 30 days; interest: 12%', '2025-01-15', '2026-01-15', 1e30)$$);
SELECT interest_due('prompt_pay: 30 days; interest: 12%', '2025-01-15', '2025-01-15', 1e30);  -- on time: 0
SELECT interest_due('prompt_pay: 30 days; interest: 12%', '2025-01-15', '2026-01-15', 1e14);
SELECT interest_due('prompt_pay: 30 days; interest: 100%', '2025-01-15', '9999-12-31', 1e16);

-- add_business_days(d, 0) is d for any date; other counts need the calendar.
SELECT add_business_days('1066-10-14', 0), add_business_days('3000-01-01', 0);
SELECT pg_temp.err($$SELECT add_business_days('1066-10-14', 1)$$);
SELECT pg_temp.err($$SELECT is_business_day('1066-10-14')$$);

-- Out-of-range and limit errors say so, with their SQLSTATEs; binary
-- receive reports every bad value as 22P03.
SELECT pg_temp.err($$SELECT 'filing: 365001 days'::contract$$);
SELECT pg_temp.err($$SELECT 'interest_min: 99999999999999'::contract$$);
SELECT pg_temp.err($$SELECT 'appeal: 1 day, 1 day, 1 day, 1 day, 1 day, 1 day, 1 day, 1 day, 1 day, 1 day, 1 day'::contract$$);
SELECT 'filing: 365001 days'::contract;
SELECT 'appeal: 1 day, 1 day, 1 day, 1 day, 1 day, 1 day, 1 day, 1 day, 1 day, 1 day, 1 day'::contract;
CREATE TEMP TABLE raw_contract (b bytea);
INSERT INTO raw_contract VALUES ('\x01'::bytea || convert_to('filing: 365001 days', 'UTF8'));
\copy raw_contract TO '/tmp/contracts_ext_contract_deadlines.bin' WITH (FORMAT binary)
CREATE TEMP TABLE typed_contract (c contract);
\set VERBOSITY sqlstate
\copy typed_contract FROM '/tmp/contracts_ext_contract_deadlines.bin' WITH (FORMAT binary)
\set VERBOSITY default
\copy typed_contract FROM '/tmp/contracts_ext_contract_deadlines.bin' WITH (FORMAT binary)

-- A jsonb appeal element holding a comma is one bad value, not two levels.
SELECT '{"appeal": ["120 days, 60 days"]}'::jsonb::contract;
SELECT '{"appeal": ["120 days", "60 days"]}'::jsonb::contract;
SELECT '{"appeal": "120 days, 60 days"}'::jsonb::contract;
