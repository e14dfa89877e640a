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

-- A bad value in a binary stream: the same checks and messages as text, SQLSTATE 22P03.
CREATE FUNCTION pg_temp.recv_test(payload bytea) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    f text := '/tmp/contracts_ext_binary_' || pg_backend_pid() || '.bad';
    detail text;
BEGIN
    EXECUTE format('COPY (SELECT %L::bytea) TO %L (FORMAT binary)', payload, f);
    CREATE TEMP TABLE IF NOT EXISTS recv_target (c contract);
    EXECUTE format('COPY recv_target FROM %L (FORMAT binary)', f);
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
SELECT * FROM recv_target;

COPY (SELECT 1) TO PROGRAM 'rm -f /tmp/contracts_ext_binary_*';
