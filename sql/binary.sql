-- Binary send/receive: a binary COPY round trip, and receive re-validating
-- everything text input validates.  The files are the client's (\copy), so
-- a database owner without superuser rights can run this file too; \copy
-- takes no psql variables, so the file name reaches it through the shell.

SELECT '/tmp/contracts_ext_binary_' || pg_backend_pid() || '.copy' AS copyfile \gset
\setenv CONTRACTS_EXT_COPYFILE :copyfile

CREATE TABLE contracts_src (id int, c contract);
INSERT INTO contracts_src VALUES
  (1, 'payer: Acme Health; effective: 2025-01-01; term: 3 years; renewal: 1 year; notice: 90 days; filing: 90 days; appeal: 120 days, 180 days, 60 days; notice_receipt: 5 days; prompt_pay: 30 days; prompt_pay_paper: 45 days; interest: 12%; interest_basis: 365; interest_min: 2.00; lookback: 18 months'),
  (2, $$payer: 'Smith; Jones: O''Brien'$$),
  (3, ''),
  (4, 'prompt_pay: 15 business days; interest: 4.625%; interest_basis: 360'),
  (5, NULL);
\copy contracts_src TO PROGRAM 'cat > "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
CREATE TABLE contracts_dst (LIKE contracts_src);
\copy contracts_dst FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
SELECT s.id, s.c IS NOT DISTINCT FROM d.c AS same, d.c
FROM contracts_src s JOIN contracts_dst d USING (id) ORDER BY id;

CREATE TABLE schedules_src (id int, s rate_schedule);
INSERT INTO schedules_src VALUES
  (1, '99213: 92.50; 99213@facility: 70; 99214-25: 120; 59400: 3200/case; 27447: 140% medicare; 97110: 65% billed; J3301: 0.123456; default: 125% medicare; mppr: 100 50 25; modifier 80: 20%; modifier AS: 10%; lesser_of: none'),
  (2, ''),
  (3, NULL),
  (4, (SELECT string_agg((10000 + i)::text || ': ' || (i * 1.25)::text, '; ') FROM generate_series(1, 10000) AS i)::rate_schedule);
\copy schedules_src TO PROGRAM 'cat > "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
CREATE TABLE schedules_dst (LIKE schedules_src);
\copy schedules_dst FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
SELECT s.id, s.s IS NOT DISTINCT FROM d.s AS same, length(d.s::text) AS text_length
FROM schedules_src s JOIN schedules_dst d USING (id) ORDER BY id;

CREATE TABLE caps_src (id int, c capitation, st pmpm_state);
INSERT INTO caps_src VALUES
  (1, 'pmpm: 45; withhold: 10%; benchmark: 500; share: 50%; loss_share: 40%; msr: 2%; first_dollar: false; corridor: 3% 50%, 8% 80%; stop_loss: 10000; stop_loss_rate: 80%',
      'rows: 3; revenue: 12528.65; cost: -11400.50; member_months: 299'),
  (2, '', 'rows: 0; revenue: 0; cost: 0; member_months: 0');
\copy caps_src TO PROGRAM 'cat > "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
CREATE TABLE caps_dst (LIKE caps_src);
\copy caps_dst FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
SELECT s.id, s.c = d.c AS same, d.c, d.st FROM caps_src s JOIN caps_dst d USING (id) ORDER BY id;

-- A bad value in a binary stream: the same checks and messages as text, SQLSTATE 22P03.
-- Each payload goes out as a one-column binary COPY file of bytea and comes
-- back in as the type under test, so its bytes reach the receive function as
-- they are.  Each case runs twice: the message in full, then its SQLSTATE
-- (psql's \copy sets no error variables).
CREATE TEMP TABLE payloads (id int PRIMARY KEY, payload bytea);
CREATE TEMP TABLE recv_contract (v contract);
CREATE TEMP TABLE recv_rate_schedule (v rate_schedule);
CREATE TEMP TABLE recv_capitation (v capitation);
CREATE TEMP TABLE recv_pmpm_state (v pmpm_state);
INSERT INTO payloads VALUES
  (1, convert_to(E'\x01payer Acme', 'UTF8')),
  (2, convert_to(E'\x01filing: -1 days', 'UTF8')),
  (3, convert_to(E'\x01interest: 101%', 'UTF8')),
  (4, convert_to(E'\x01filing: 1 day; filing: 2 days', 'UTF8')),
  (5, convert_to(E'\x02filing: 90 days', 'UTF8')),
  (6, ''::bytea),
  (7, convert_to(E'\x01FILING: 90 Days', 'UTF8')),
  (11, convert_to(E'\x0199213: 1; 99213: 2', 'UTF8')),
  (12, convert_to(E'\x0199213: -1', 'UTF8')),
  (13, convert_to(E'\x01mppr: 100 150', 'UTF8')),
  (14, convert_to(E'\x01xyz: 1', 'UTF8')),
  (15, '\x00'::bytea || convert_to('99213: 1', 'UTF8')),
  (16, convert_to(E'\x01 99213: 1.5 ; default: 100% MEDICARE', 'UTF8')),
  (21, convert_to(E'\x01pmpm: -1', 'UTF8')),
  (22, convert_to(E'\x01corridor: 8% 1%, 3% 2%', 'UTF8')),
  (31, convert_to(E'\x01rows: x; revenue: 1; cost: 1; member_months: 1', 'UTF8'));
\set VERBOSITY default
\copy (SELECT payload FROM payloads WHERE id = 1) TO PROGRAM 'cat > "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\copy recv_contract FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY sqlstate
\copy recv_contract FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY default
\copy (SELECT payload FROM payloads WHERE id = 2) TO PROGRAM 'cat > "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\copy recv_contract FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY sqlstate
\copy recv_contract FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY default
\copy (SELECT payload FROM payloads WHERE id = 3) TO PROGRAM 'cat > "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\copy recv_contract FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY sqlstate
\copy recv_contract FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY default
\copy (SELECT payload FROM payloads WHERE id = 4) TO PROGRAM 'cat > "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\copy recv_contract FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY sqlstate
\copy recv_contract FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY default
\copy (SELECT payload FROM payloads WHERE id = 5) TO PROGRAM 'cat > "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\copy recv_contract FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY sqlstate
\copy recv_contract FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY default
\copy (SELECT payload FROM payloads WHERE id = 6) TO PROGRAM 'cat > "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\copy recv_contract FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY sqlstate
\copy recv_contract FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY default
-- ... and a good one is accepted.
\copy (SELECT payload FROM payloads WHERE id = 7) TO PROGRAM 'cat > "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\copy recv_contract FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
SELECT * FROM recv_contract;
\copy (SELECT payload FROM payloads WHERE id = 11) TO PROGRAM 'cat > "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\copy recv_rate_schedule FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY sqlstate
\copy recv_rate_schedule FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY default
\copy (SELECT payload FROM payloads WHERE id = 12) TO PROGRAM 'cat > "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\copy recv_rate_schedule FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY sqlstate
\copy recv_rate_schedule FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY default
\copy (SELECT payload FROM payloads WHERE id = 13) TO PROGRAM 'cat > "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\copy recv_rate_schedule FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY sqlstate
\copy recv_rate_schedule FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY default
\copy (SELECT payload FROM payloads WHERE id = 14) TO PROGRAM 'cat > "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\copy recv_rate_schedule FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY sqlstate
\copy recv_rate_schedule FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY default
\copy (SELECT payload FROM payloads WHERE id = 15) TO PROGRAM 'cat > "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\copy recv_rate_schedule FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY sqlstate
\copy recv_rate_schedule FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY default
\copy (SELECT payload FROM payloads WHERE id = 16) TO PROGRAM 'cat > "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\copy recv_rate_schedule FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
SELECT * FROM recv_rate_schedule;
\copy (SELECT payload FROM payloads WHERE id = 21) TO PROGRAM 'cat > "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\copy recv_capitation FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY sqlstate
\copy recv_capitation FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY default
\copy (SELECT payload FROM payloads WHERE id = 22) TO PROGRAM 'cat > "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\copy recv_capitation FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY sqlstate
\copy recv_capitation FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY default
\copy (SELECT payload FROM payloads WHERE id = 31) TO PROGRAM 'cat > "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\copy recv_pmpm_state FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY sqlstate
\copy recv_pmpm_state FROM PROGRAM 'cat "$CONTRACTS_EXT_COPYFILE"' (FORMAT binary)
\set VERBOSITY default

\! rm -f "$CONTRACTS_EXT_COPYFILE"
