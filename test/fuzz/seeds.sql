-- The valid seeds of each kind, from the candidates (test/fuzz/seeds.py):
-- text input of each type, jsonb of the term types, binary send output.
CREATE FUNCTION fz_valid(typ text, input text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('SELECT $1::%s', typ) USING input;
    RETURN true;
EXCEPTION WHEN OTHERS THEN
    RETURN false;
END $$;
CREATE TABLE fz_seed AS
SELECT t.typ AS kind, c.input
FROM fz_seed_candidate c,
     unnest(ARRAY['contract', 'rate_schedule', 'capitation', 'pmpm_state', 'variance_state']) AS t(typ)
WHERE c.input <> '' AND fz_valid(t.typ, c.input);
-- the empty value of the term types, and a few more of each, always
INSERT INTO fz_seed VALUES ('contract', ''), ('rate_schedule', ''), ('capitation', ''),
    ('pmpm_state', 'rows: 0; revenue: 0; cost: 0; member_months: 0'),
    ('variance_state', 'lines: 0; unpriced_lines: 0; expected: 0; actual: 0; underpaid_lines: 0; underpaid: 0; overpaid_lines: 0; overpaid: 0');
-- 835 texts: the valid ones of the candidates, and shapes derived from them
-- (each interchange alone, without line breaks, CRLF, a line break as the
-- segment terminator, all of them in one text), each kept if valid.
CREATE FUNCTION fz_valid_x835(input text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    PERFORM count(*) FROM x12_835_balance(input);
    RETURN true;
EXCEPTION WHEN OTHERS THEN
    RETURN false;
END $$;
CREATE TEMP TABLE fz_x835_found AS
SELECT DISTINCT input FROM fz_seed_candidate WHERE input ~ 'ISA[^A-Za-z0-9]' AND fz_valid_x835(input);
INSERT INTO fz_seed
SELECT DISTINCT 'x835', v FROM (
    SELECT input FROM fz_x835_found
    UNION ALL SELECT regexp_split_to_table(input, '(?=ISA[^A-Za-z0-9])') FROM fz_x835_found
    UNION ALL SELECT regexp_replace(input, '[\r\n]', '', 'g') FROM fz_x835_found
    UNION ALL SELECT replace(replace(input, E'\r\n', E'\n'), E'\n', E'\r\n') FROM fz_x835_found
    UNION ALL SELECT replace(replace(input, E'\r\n', E'\n'), E'~\n', E'\n') FROM fz_x835_found
    UNION ALL SELECT string_agg(input, E'\n' ORDER BY input) FROM fz_x835_found
) s(v)
WHERE fz_valid_x835(v);
