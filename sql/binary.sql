-- Binary send/receive: a binary COPY round trip, and receive re-validating
-- everything text input validates.

SELECT '/tmp/contracts_ext_binary_' || pg_backend_pid() || '.copy' AS copyfile \gset

CREATE TABLE contracts_src (id int, c contract);
INSERT INTO contracts_src VALUES
  (1, 'payer: Acme Health; effective: 2025-01-01; term: 3 years; renewal: 1 year; notice: 90 days; filing: 90 days; appeal: 120 days, 180 days, 60 days; notice_receipt: 5 days; prompt_pay: 30 days; prompt_pay_paper: 45 days; interest: 12%; interest_basis: 365; interest_min: 2.00; lookback: 18 months'),
  (2, $$payer: 'Smith; Jones: O''Brien'$$),
  (3, ''),
  (4, 'prompt_pay: 15 business days; interest: 4.625%; interest_basis: 360'),
  (5, NULL);
COPY contracts_src TO :'copyfile' (FORMAT binary);
CREATE TABLE contracts_dst (LIKE contracts_src);
COPY contracts_dst FROM :'copyfile' (FORMAT binary);
SELECT s.id, s.c IS NOT DISTINCT FROM d.c AS same, d.c
FROM contracts_src s JOIN contracts_dst d USING (id) ORDER BY id;

CREATE TABLE schedules_src (id int, s rate_schedule);
INSERT INTO schedules_src VALUES
  (1, '99213: 92.50; 99213@facility: 70; 99214-25: 120; 59400: 3200/case; 27447: 140% medicare; 97110: 65% billed; J3301: 0.123456; default: 125% medicare; mppr: 100 50 25; modifier 80: 20%; modifier AS: 10%; lesser_of: none'),
  (2, ''),
  (3, NULL),
  (4, (SELECT string_agg((10000 + i)::text || ': ' || (i * 1.25)::text, '; ') FROM generate_series(1, 10000) AS i)::rate_schedule);
COPY schedules_src TO :'copyfile' (FORMAT binary);
CREATE TABLE schedules_dst (LIKE schedules_src);
COPY schedules_dst FROM :'copyfile' (FORMAT binary);
SELECT s.id, s.s IS NOT DISTINCT FROM d.s AS same, length(d.s::text) AS text_length
FROM schedules_src s JOIN schedules_dst d USING (id) ORDER BY id;

CREATE TABLE caps_src (id int, c capitation, st pmpm_state);
INSERT INTO caps_src VALUES
  (1, 'pmpm: 45; withhold: 10%; benchmark: 500; share: 50%; loss_share: 40%; msr: 2%; first_dollar: false; corridor: 3% 50%, 8% 80%; stop_loss: 10000; stop_loss_rate: 80%',
      'rows: 3; revenue: 12528.65; cost: -11400.50; member_months: 299'),
  (2, '', 'rows: 0; revenue: 0; cost: 0; member_months: 0');
COPY caps_src TO :'copyfile' (FORMAT binary);
CREATE TABLE caps_dst (LIKE caps_src);
COPY caps_dst FROM :'copyfile' (FORMAT binary);
SELECT s.id, s.c = d.c AS same, d.c, d.st FROM caps_src s JOIN caps_dst d USING (id) ORDER BY id;

-- A bad value in a binary stream: the same checks and messages as text, SQLSTATE 22P03.
CREATE FUNCTION pg_temp.recv_test(payload bytea, typ text DEFAULT 'contract') RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    f text := '/tmp/contracts_ext_binary_' || pg_backend_pid() || '.bad';
    detail text;
BEGIN
    EXECUTE format('COPY (SELECT %L::bytea) TO %L (FORMAT binary)', payload, f);
    EXECUTE format('CREATE TEMP TABLE IF NOT EXISTS recv_%s (v %s)', typ, typ);
    EXECUTE format('COPY recv_%s FROM %L (FORMAT binary)', typ, f);
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
    RAISE NOTICE 'SQLSTATE %: % (%)', SQLSTATE, SQLERRM, detail;
END $$;
\set VERBOSITY default
SELECT pg_temp.recv_test(convert_to(E'\x01payer Acme', 'UTF8'));
SELECT pg_temp.recv_test(convert_to(E'\x01filing: -1 days', 'UTF8'));
SELECT pg_temp.recv_test(convert_to(E'\x01interest: 101%', 'UTF8'));
SELECT pg_temp.recv_test(convert_to(E'\x01filing: 1 day; filing: 2 days', 'UTF8'));
SELECT pg_temp.recv_test(convert_to(E'\x02filing: 90 days', 'UTF8'));
SELECT pg_temp.recv_test(''::bytea);
-- ... and a good one is accepted.
SELECT pg_temp.recv_test(convert_to(E'\x01FILING: 90 Days', 'UTF8'));
SELECT * FROM recv_contract;
SELECT pg_temp.recv_test(convert_to(E'\x0199213: 1; 99213: 2', 'UTF8'), 'rate_schedule');
SELECT pg_temp.recv_test(convert_to(E'\x0199213: -1', 'UTF8'), 'rate_schedule');
SELECT pg_temp.recv_test(convert_to(E'\x01mppr: 100 150', 'UTF8'), 'rate_schedule');
SELECT pg_temp.recv_test(convert_to(E'\x01xyz: 1', 'UTF8'), 'rate_schedule');
SELECT pg_temp.recv_test('\x00'::bytea || convert_to('99213: 1', 'UTF8'), 'rate_schedule');
SELECT pg_temp.recv_test(convert_to(E'\x01 99213: 1.5 ; default: 100% MEDICARE', 'UTF8'), 'rate_schedule');
SELECT * FROM recv_rate_schedule;
SELECT pg_temp.recv_test(convert_to(E'\x01pmpm: -1', 'UTF8'), 'capitation');
SELECT pg_temp.recv_test(convert_to(E'\x01corridor: 8% 1%, 3% 2%', 'UTF8'), 'capitation');
SELECT pg_temp.recv_test(convert_to(E'\x01rows: x; revenue: 1; cost: 1; member_months: 1', 'UTF8'), 'pmpm_state');

COPY (SELECT 1) TO PROGRAM 'rm -f /tmp/contracts_ext_binary_*';
