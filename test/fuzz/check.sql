-- Server side of the fuzz harness (test/fuzz/run): judge one case.
-- Outcomes: 'value' (parsed, and its text output parses back to an equal
-- value, also through jsonb for the three term types) or 'error' (a clean
-- error with a documented SQLSTATE); anything else is a failure:
-- 'internal' (XX000, "unrecognized", "cache lookup failed"), 'bad_sqlstate',
-- 'no_round_trip', 'soft_mismatch' (PostgreSQL 16+: pg_input_is_valid or
-- pg_input_error_info disagree with the hard error); 'slow' is judged by the
-- driver's timing; 'crash' from the server's exit.

CREATE TABLE fz_case (id int PRIMARY KEY, kind text NOT NULL, input text NOT NULL);
CREATE TABLE fz_result (id int PRIMARY KEY, kind text, outcome text, state text, message text, ms float8);
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

-- Run the cases with ids from lo to hi, recording each outcome and its time.
CREATE PROCEDURE fz_run(lo int, hi int, is_binary boolean) LANGUAGE plpgsql AS $$
DECLARE
    c record;
    r record;
    t0 timestamptz;
BEGIN
    FOR c IN SELECT * FROM fz_case WHERE id BETWEEN lo AND hi ORDER BY id LOOP
        t0 := clock_timestamp();
        IF is_binary THEN
            r := fz_binary(c.kind, c.input);
        ELSE
            r := fz_text(c.kind, c.input);
        END IF;
        INSERT INTO fz_result VALUES (c.id, c.kind, r.outcome, r.state, left(r.message, 300),
                                      1000 * extract(epoch FROM clock_timestamp() - t0));
    END LOOP;
END $$;
