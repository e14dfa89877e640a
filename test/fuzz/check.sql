-- Server side of the fuzz harness (test/fuzz/run): judge one case.
-- Outcomes: 'value' (parsed, and its text output parses back to an equal
-- value, also through jsonb for the three term types), 'rows' (an 835 text
-- that every 835 function reads, see fz_x835) or 'error' (a clean error
-- with a documented SQLSTATE); anything else is a failure:
-- 'internal' (XX000, "unrecognized", "cache lookup failed"), 'bad_sqlstate',
-- 'no_round_trip', 'soft_mismatch' (PostgreSQL 16+: pg_input_is_valid or
-- pg_input_error_info disagree with the hard error); 'slow' is judged by the
-- driver's timing; 'crash' from the server's exit.

CREATE TABLE fz_case (id int PRIMARY KEY, kind text NOT NULL, input text NOT NULL);
CREATE TABLE fz_result (id int PRIMARY KEY, target text, kind text, outcome text, state text, message text, ms float8);
CREATE TABLE fz_seed_candidate (input text);

-- SQLSTATEs the README documents for bad input (22P04: a malformed COPY file).
CREATE FUNCTION fz_documented(state text) RETURNS boolean LANGUAGE sql IMMUTABLE
AS $$ SELECT state IN ('22P02', '22P03', '22003', '22023', '22007', '22008', '54000', '22P04') $$;

CREATE FUNCTION fz_classify(state text, message text) RETURNS text LANGUAGE sql IMMUTABLE
AS $$
    SELECT CASE
        WHEN state = 'XX000' OR message ~* 'unrecognized|cache lookup failed' THEN 'internal'
        WHEN fz_documented(state) THEN 'error'
        ELSE 'bad_sqlstate' END
$$;

-- Does a value of type typ, given as its text form, round-trip?
CREATE FUNCTION fz_round_trip(typ text, out_text text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    ok boolean;
BEGIN
    IF typ IN ('contract', 'rate_schedule', 'capitation') THEN
        EXECUTE format('SELECT $1::%1$s::text = $1 AND $1::%1$s::jsonb::%1$s = $1::%1$s', typ)
            INTO ok USING out_text;
    ELSE
        EXECUTE format('SELECT $1::%1$s::text = $1', typ) INTO ok USING out_text;
    END IF;
    RETURN coalesce(ok, false);
END $$;

CREATE FUNCTION fz_text(kind text, input text, OUT outcome text, OUT state text, OUT message text)
LANGUAGE plpgsql AS $$
DECLARE
    typ text := CASE WHEN kind LIKE 'jsonb:%' THEN substr(kind, 7) ELSE kind END;
    out_text text;
    soft_valid boolean;
    soft_state text;
    soft_message text;
BEGIN
    BEGIN
        IF kind LIKE 'jsonb:%' THEN
            EXECUTE format('SELECT $1::jsonb::%s::text', typ) INTO out_text USING input;
        ELSE
            EXECUTE format('SELECT $1::%s::text', typ) INTO out_text USING input;
        END IF;
        outcome := CASE WHEN fz_round_trip(typ, out_text) THEN 'value' ELSE 'no_round_trip' END;
        message := out_text;
    EXCEPTION WHEN query_canceled THEN
        RAISE;
    WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT;
        outcome := fz_classify(state, message);
    END;
    -- Soft errors (PostgreSQL 16+) must agree with the hard ones.
    IF kind NOT LIKE 'jsonb:%' AND current_setting('server_version_num')::int >= 160000
       AND outcome IN ('value', 'error') THEN
        EXECUTE 'SELECT pg_input_is_valid($1, $2)' INTO soft_valid USING input, typ;
        IF soft_valid <> (outcome = 'value') THEN
            outcome := 'soft_mismatch';
        ELSIF NOT soft_valid THEN
            EXECUTE 'SELECT sql_error_code, message FROM pg_input_error_info($1, $2)'
                INTO soft_state, soft_message USING input, typ;
            IF soft_state IS DISTINCT FROM state OR soft_message IS DISTINCT FROM message THEN
                outcome := 'soft_mismatch';
                message := format('hard %s "%s", soft %s "%s"', state, message, soft_state, soft_message);
            END IF;
        END IF;
    END IF;
END $$;

CREATE TABLE fz_bin_contract (v contract);
CREATE TABLE fz_bin_rate_schedule (v rate_schedule);
CREATE TABLE fz_bin_capitation (v capitation);
CREATE TABLE fz_bin_pmpm_state (v pmpm_state);
CREATE TABLE fz_bin_variance_state (v variance_state);

CREATE FUNCTION fz_binary(kind text, path text, OUT outcome text, OUT state text, OUT message text)
LANGUAGE plpgsql AS $$
DECLARE
    out_text text;
BEGIN
    BEGIN
        EXECUTE format('COPY fz_bin_%s FROM %L (FORMAT binary)', kind, path);
        EXECUTE format('SELECT v::text FROM fz_bin_%s', kind) INTO out_text;
        EXECUTE format('DELETE FROM fz_bin_%s', kind);
        outcome := CASE WHEN out_text IS NULL OR fz_round_trip(kind, out_text) THEN 'value' ELSE 'no_round_trip' END;
        message := out_text;
    EXCEPTION WHEN query_canceled THEN
        RAISE;
    WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT;
        outcome := fz_classify(state, message);
    END;
END $$;

-- The X12 835 functions.  No value to round-trip: a case must end as rows
-- from all five functions, or as the same documented error from all five
-- (they share one parser; x12_835_balance alone may add 22003, its 128-bit
-- sums overflowing).  Rows must be valid text, and the functions must agree:
-- lines and adjustments belong to claims and lines that x12_835_claims and
-- x12_835_lines return, a line repeats its claim's fields, and the rules
-- x12_835_balance reports are exactly those that the rows of the other
-- functions break.  Failures: 'disagree', 'bad_invariant', 'bad_encoding',
-- and 'internal', 'bad_sqlstate' as above.
CREATE FUNCTION fz_x835_call(fn text, input text, OUT ok boolean, OUT state text, OUT message text)
LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    EXECUTE format('SELECT count(*) FROM %I($1)', fn) INTO n USING input;
    ok := true;
EXCEPTION WHEN query_canceled THEN
    RAISE;
WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT;
    ok := false;
END $$;

-- The invariants over the rows of a text every function parses; the first
-- one broken, or NULL.
CREATE FUNCTION fz_x835_broken(input text, with_balance boolean) RETURNS text
LANGUAGE sql AS $$
WITH c AS (SELECT * FROM x12_835_claims(input)),
     l AS (SELECT * FROM x12_835_lines(input)),
     a AS (SELECT * FROM x12_835_adjustments(input)),
     p AS (SELECT * FROM x12_835_provider_adjustments(input)),
     b AS (SELECT * FROM x12_835_balance(input) WHERE with_balance),
     claim_rule AS (
        SELECT c.transaction_no, c.claim_no, c.charge - coalesce(sum(a.amount), 0) AS expected, c.paid AS actual
        FROM c LEFT JOIN a USING (transaction_no, claim_no)
        GROUP BY c.transaction_no, c.claim_no, c.charge, c.paid),
     line_rule AS (
        SELECT l.transaction_no, l.claim_no, l.line_no, l.charge - coalesce(sum(a.amount), 0) AS expected, l.paid AS actual
        FROM l LEFT JOIN a USING (transaction_no, claim_no, line_no)
        GROUP BY l.transaction_no, l.claim_no, l.line_no, l.charge, l.paid),
     paid AS (   -- transactions with a claim and a BPR02: the claims tell the payment
        SELECT transaction_no, sum(paid) AS paid, min(payment_amount) AS payment
        FROM c GROUP BY transaction_no HAVING count(payment_amount) > 0),
     transaction_rule AS (
        SELECT t.transaction_no, t.paid - coalesce((SELECT sum(amount) FROM p WHERE p.transaction_no = t.transaction_no), 0) AS expected,
               t.payment AS actual
        FROM paid t)
SELECT CASE
    -- convert_to checks the text, raising 22021 where it is not valid
    WHEN (SELECT octet_length(convert_to(coalesce(string_agg(x, ''), ''), 'UTF8')) FROM (
            SELECT c::text FROM c UNION ALL SELECT l::text FROM l UNION ALL SELECT a::text FROM a
            UNION ALL SELECT p::text FROM p UNION ALL SELECT b::text FROM b) s(x)) < 0
        THEN 'not reached'
    WHEN (SELECT count(*) FROM c) <> (SELECT count(DISTINCT (transaction_no, claim_no)) FROM c)
        THEN 'claims: (transaction_no, claim_no) not unique'
    WHEN (SELECT count(*) FROM l) <> (SELECT count(DISTINCT (transaction_no, claim_no, line_no)) FROM l)
        THEN 'lines: (transaction_no, claim_no, line_no) not unique'
    WHEN EXISTS (SELECT FROM l WHERE NOT EXISTS (
            SELECT FROM c WHERE (c.transaction_no, c.claim_no) = (l.transaction_no, l.claim_no)
              AND c.patient_control_number IS NOT DISTINCT FROM l.patient_control_number
              AND c.payer_claim_number IS NOT DISTINCT FROM l.payer_claim_number
              AND c.claim_status IS NOT DISTINCT FROM l.claim_status
              AND c.payer_id IS NOT DISTINCT FROM l.payer_id
              AND c.payment_date IS NOT DISTINCT FROM l.payment_date))
        THEN 'a line without its claim, or with other claim fields'
    WHEN EXISTS (SELECT FROM a WHERE NOT EXISTS (
            SELECT FROM c WHERE (c.transaction_no, c.claim_no) = (a.transaction_no, a.claim_no)))
        THEN 'an adjustment without its claim'
    WHEN EXISTS (SELECT FROM a WHERE a.line_no IS NOT NULL AND NOT EXISTS (
            SELECT FROM l WHERE (l.transaction_no, l.claim_no, l.line_no) = (a.transaction_no, a.claim_no, a.line_no)))
        THEN 'a line adjustment without its line'
    WHEN NOT with_balance THEN NULL
    WHEN EXISTS ((SELECT transaction_no, claim_no, line_no, expected, actual FROM line_rule WHERE expected <> actual
                  EXCEPT ALL
                  SELECT transaction_no, claim_no, line_no, expected, actual FROM b WHERE rule = 'SVC02 - CAS = SVC03')
                 UNION ALL
                 (SELECT transaction_no, claim_no, line_no, expected, actual FROM b WHERE rule = 'SVC02 - CAS = SVC03'
                  EXCEPT ALL
                  SELECT transaction_no, claim_no, line_no, expected, actual FROM line_rule WHERE expected <> actual))
        THEN 'x12_835_balance: the line rule differs from the lines and adjustments'
    WHEN EXISTS ((SELECT transaction_no, claim_no, expected, actual FROM claim_rule WHERE expected <> actual
                  EXCEPT ALL
                  SELECT transaction_no, claim_no, expected, actual FROM b WHERE rule = 'CLP03 - CAS = CLP04')
                 UNION ALL
                 (SELECT transaction_no, claim_no, expected, actual FROM b WHERE rule = 'CLP03 - CAS = CLP04'
                  EXCEPT ALL
                  SELECT transaction_no, claim_no, expected, actual FROM claim_rule WHERE expected <> actual))
        THEN 'x12_835_balance: the claim rule differs from the claims and adjustments'
    WHEN EXISTS ((SELECT transaction_no, expected, actual FROM transaction_rule WHERE expected <> actual
                  EXCEPT ALL
                  SELECT transaction_no, expected, actual FROM b WHERE rule = 'sum(CLP04) - sum(PLB) = BPR02')
                 UNION ALL
                 (SELECT transaction_no, expected, actual FROM b WHERE rule = 'sum(CLP04) - sum(PLB) = BPR02'
                    AND transaction_no IN (SELECT transaction_no FROM paid)
                  EXCEPT ALL
                  SELECT transaction_no, expected, actual FROM transaction_rule WHERE expected <> actual))
        THEN 'x12_835_balance: the transaction rule differs from the claims and provider adjustments'
    WHEN EXISTS (SELECT FROM b WHERE rule NOT IN ('SVC02 - CAS = SVC03', 'CLP03 - CAS = CLP04', 'sum(CLP04) - sum(PLB) = BPR02')
                    OR (rule = 'SVC02 - CAS = SVC03') <> (line_no IS NOT NULL)
                    OR (rule = 'sum(CLP04) - sum(PLB) = BPR02') <> (claim_no IS NULL))
        THEN 'x12_835_balance: a rule with the wrong claim or line numbers'
    END
$$;

CREATE FUNCTION fz_x835(input text, OUT outcome text, OUT state text, OUT message text)
LANGUAGE plpgsql AS $$
DECLARE
    fn text;
    first record;
    r record;
    balance record;
BEGIN
    first := fz_x835_call('x12_835_claims', input);
    FOREACH fn IN ARRAY ARRAY['x12_835_lines', 'x12_835_adjustments', 'x12_835_provider_adjustments'] LOOP
        r := fz_x835_call(fn, input);
        IF r.ok <> first.ok OR r.state IS DISTINCT FROM first.state OR r.message IS DISTINCT FROM first.message THEN
            outcome := 'disagree';
            message := format('x12_835_claims: %s %s; %s: %s %s', first.state, first.message, fn, r.state, r.message);
            RETURN;
        END IF;
    END LOOP;
    balance := fz_x835_call('x12_835_balance', input);
    IF NOT (balance.ok = first.ok AND balance.state IS NOT DISTINCT FROM first.state
            AND balance.message IS NOT DISTINCT FROM first.message
            OR first.ok AND balance.state = '22003') THEN
        outcome := 'disagree';
        message := format('x12_835_claims: %s %s; x12_835_balance: %s %s', first.state, first.message, balance.state, balance.message);
        RETURN;
    END IF;
    IF NOT first.ok THEN
        state := first.state;
        message := first.message;
        outcome := fz_classify(state, message);
        IF outcome = 'error' THEN   -- a message is text too
            BEGIN
                PERFORM convert_to(message, 'UTF8');
            EXCEPTION WHEN character_not_in_repertoire THEN
                outcome := 'bad_encoding';
            END;
        END IF;
        RETURN;
    END IF;
    IF NOT balance.ok THEN          -- rows, and a balance check beyond 128 bits
        state := balance.state;
    END IF;
    BEGIN
        message := fz_x835_broken(input, balance.ok);
        outcome := CASE WHEN message IS NULL THEN 'rows' ELSE 'bad_invariant' END;
    EXCEPTION WHEN query_canceled THEN
        RAISE;
    WHEN character_not_in_repertoire THEN
        outcome := 'bad_encoding';
        GET STACKED DIAGNOSTICS message = MESSAGE_TEXT;
    END;
END $$;

-- Run the cases with ids from lo to hi, recording each outcome and its time.
CREATE PROCEDURE fz_run(lo int, hi int, target text) LANGUAGE plpgsql AS $$
DECLARE
    c record;
    r record;
    t0 timestamptz;
BEGIN
    FOR c IN SELECT * FROM fz_case WHERE id BETWEEN lo AND hi ORDER BY id LOOP
        t0 := clock_timestamp();
        IF target = 'binary' THEN
            r := fz_binary(c.kind, c.input);
        ELSIF target = 'x835' THEN
            r := fz_x835(c.input);
        ELSE
            r := fz_text(c.kind, c.input);
        END IF;
        INSERT INTO fz_result VALUES (c.id, target, c.kind, r.outcome, r.state, left(r.message, 300),
                                      1000 * extract(epoch FROM clock_timestamp() - t0));
    END LOOP;
END $$;
