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
