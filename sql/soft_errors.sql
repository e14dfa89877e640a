-- Soft input errors (PostgreSQL 16+): pg_input_is_valid and
-- pg_input_error_info report bad input of every type without raising, with
-- the same message and SQLSTATE the hard error gives.  On 14 and 15 these
-- functions do not exist (expected/soft_errors_1.out).

CREATE TEMP TABLE soft_cases (typ text, input text);
INSERT INTO soft_cases VALUES
    ('contract', 'payer: Acme; effective: 2025-01-01; term: 3 years'),
    ('contract', 'term: 3 fortnights'),
    ('contract', 'effective: 2025-02-30'),
    ('contract', 'interest_min: 100000000000'),
    ('contract', 'payer: Acme; payer: Beta'),
    ('contract', 'no colon here'),
    ('contract', 'payer: ''unclosed'),
    ('rate_schedule', '99213: 92.50; default: 125% medicare'),
    ('rate_schedule', '99213: abc'),
    ('rate_schedule', '99213: 100000000.01'),
    ('rate_schedule', '99213: 1; 99213: 2'),
    ('rate_schedule', 'mppr: 100 50 x'),
    ('rate_schedule', '99213: 0.1234567'),
    ('capitation', 'pmpm: 45; withhold: 10%'),
    ('capitation', 'pmpm: -1'),
    ('capitation', 'stop_loss: 1000000000'),
    ('capitation', 'withhold: 200%'),
    ('capitation', 'color: blue'),
    ('pmpm_state', 'rows: 1; revenue: 1; cost: 1; member_months: 1'),
    ('pmpm_state', 'rows: 1.5; revenue: 1; cost: 1; member_months: 1'),
    ('pmpm_state', 'rows: 1'),
    ('variance_state', 'lines: 1; unpriced_lines: 0; expected: 1; actual: 1; underpaid_lines: 0; underpaid: 0; overpaid_lines: 0; overpaid: 0'),
    ('variance_state', 'lines: -1; unpriced_lines: 0; expected: 1; actual: 1; underpaid_lines: 0; underpaid: 0; overpaid_lines: 0; overpaid: 0'),
    ('variance_state', 'lines: x');

-- The hard error of each case, caught.
CREATE FUNCTION pg_temp.hard_error(input text, typ text, OUT state text, OUT message text)
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('SELECT $1::%s', typ) USING input;
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT;
END $$;

SELECT c.typ, pg_input_is_valid(c.input, c.typ) AS valid, e.sql_error_code, e.message,
       (h.state IS NOT DISTINCT FROM e.sql_error_code AND h.message IS NOT DISTINCT FROM e.message) AS same_as_hard
FROM soft_cases c, pg_input_error_info(c.input, c.typ) e, pg_temp.hard_error(c.input, c.typ) h
ORDER BY c.typ, c.input;

SELECT * FROM pg_input_error_info('term: 3 fortnights', 'contract');
