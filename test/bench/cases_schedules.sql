-- Benchmarks of issue 11: pricing when one query touches many schedules (a
-- billing company's or a network's contracts), lines joined in random order.
-- psql variable :lines: claim lines of the MSO case (1,000,000 at full scale).
--
-- Each data set lives in its own schema with the tables of the SQL
-- baseline (lines, schedules and the normalized fee, fee_policy and
-- fee_modifier tables), and the baseline is bench.priced_sql's very
-- definition pointed at that schema: the same rules, the same answer.
--   mso:   1,000 schedules of 1,000 codes (TOASTed), :lines lines
--   small: 10,000 schedules of 20 codes (inline), :lines lines
--   wide:  100 schedules of 10,000 codes (TOASTed), priced over the MSO lines

SELECT setseed(0.11);

-- The codes: 5-digit codes 10000, 10007, ... (the first n of them in a
-- schedule of n codes).
CREATE FUNCTION bench.schedule_codes(n int) RETURNS TABLE (i int, code text)
LANGUAGE sql IMMUTABLE AS $$ SELECT i, (10000 + i * 7)::text FROM generate_series(0, n - 1) AS i $$;

-- A schema of nschedules schedules of ncodes codes each: amounts that differ
-- by schedule and code, a default of 110-139% of Medicare, MPPR and
-- lesser-of policies that vary (the built-in modifier adjustments apply).
CREATE FUNCTION bench.schedule_set(schema text, nschedules int, ncodes int) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE SCHEMA %I', schema);
    EXECUTE format($q$
        CREATE TABLE %1$I.fee AS
        SELECT k AS contract_id, c.code, NULL::text AS modifier, NULL::text AS setting, 'amount'::text AS method,
               (20 + abs(hashint8(k::bigint * 100003 + c.i)) %% 40000 / 100.0)::numeric(10, 2) AS rate
        FROM generate_series(1, %2$s) AS k, bench.schedule_codes(%3$s) AS c;
        CREATE TABLE %1$I.fee_policy AS
        SELECT k AS contract_id, (110 + k %% 30)::numeric AS default_percent,
               CASE WHEN k %% 3 = 0 THEN '{100,50,25}' ELSE '{100,50,50,50,50}' END::numeric[] AS mppr,
               k %% 5 <> 0 AS lesser_of
        FROM generate_series(1, %2$s) AS k;
        CREATE TABLE %1$I.fee_modifier AS
        SELECT k AS contract_id, b.modifier, b.percent
        FROM generate_series(1, %2$s) AS k,
             (VALUES ('50', 150), ('62', 62.5), ('80', 16), ('81', 16), ('82', 16), ('AS', 13.6)) AS b(modifier, percent);
        CREATE TABLE %1$I.schedules AS
        SELECT f.contract_id, rate_schedule_agg(f.code, f.rate)
               || format('default: %%s%%%% medicare; mppr: %%s; lesser_of: %%s', p.default_percent,
                         array_to_string(p.mppr, ' '), CASE WHEN p.lesser_of THEN 'billed' ELSE 'none' END)::rate_schedule AS s
        FROM %1$I.fee f JOIN %1$I.fee_policy p USING (contract_id)
        GROUP BY f.contract_id, p.default_percent, p.mppr, p.lesser_of;
        ALTER TABLE %1$I.schedules ADD PRIMARY KEY (contract_id);
        CREATE UNIQUE INDEX ON %1$I.fee (contract_id, code, modifier, setting) NULLS NOT DISTINCT;
        ALTER TABLE %1$I.fee_policy ADD PRIMARY KEY (contract_id);
        ALTER TABLE %1$I.fee_modifier ADD PRIMARY KEY (contract_id, modifier);
        $q$, schema, nschedules, ncodes);
END $$;

-- Lines of a schema: the demo's modifiers, units, billed charges and ranks
-- (from bench.lines, in turn), each joined to a random schedule and billing
-- one of its codes at random (one in twenty a code it does not list, priced
-- by the default), in random physical order.
CREATE FUNCTION bench.schedule_lines(schema text, nlines int, nschedules int, ncodes int) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format($q$
        CREATE TABLE %1$I.lines AS
        WITH demo AS (SELECT row_number() OVER (ORDER BY line_id) AS n, * FROM bench.lines WHERE billed > 0),
             nd AS (SELECT count(*) AS nd FROM demo)
        SELECT g AS line_id, 1 + abs(hashint8(g::bigint * 7 + 1)) %% %3$s AS contract_id,
               CASE WHEN g %% 20 = 0 THEN '99' || lpad((g %% 1000)::text, 3, '0')
                    ELSE (10000 + (abs(hashint8(g::bigint * 7 + 2)) %% %4$s) * 7)::text END AS code,
               d.modifier1, d.modifier2, ARRAY[d.modifier1, d.modifier2] AS mods, d.units, d.billed,
               round(d.billed / 2.5 / d.units, 2) AS medicare, d.facility, d.rank
        FROM generate_series(1, %2$s) AS g CROSS JOIN nd
        JOIN demo d ON d.n = 1 + (g - 1) %% nd.nd
        ORDER BY random();
        ANALYZE %1$I.lines;
        ANALYZE %1$I.schedules;
        ANALYZE %1$I.fee;
        $q$, schema, nlines, nschedules, ncodes);
    EXECUTE format('CREATE VIEW %I.priced_sql AS %s', schema,
                   replace(pg_get_viewdef('bench.priced_sql'::regclass), 'bench.', schema || '.'));
END $$;

SELECT bench.schedule_set('mso', 1000, 1000);
SELECT bench.schedule_lines('mso', :lines, 1000, 1000);
SELECT bench.schedule_set('small', 10000, 20);
SELECT bench.schedule_lines('small', :lines, 10000, 20);
SELECT bench.schedule_set('wide', 100, 10000);
ANALYZE wide.schedules;

-- The schedules are stored as the issue describes them.
DO $$
BEGIN
    IF (SELECT avg(pg_column_size(s)) FROM mso.schedules) > 2000
       AND (SELECT avg(pg_column_size(s)) FROM small.schedules) < 2000 THEN
        RETURN;
    END IF;
    RAISE EXCEPTION 'mso schedules must be TOASTed and small ones inline';
END $$;

-- Priced lines: schedule s, lines l (the demo's argument list).
\set priced 'sum(expected_allowed(s.s, l.code, l.mods, l.units, l.billed, l.medicare, l.rank, l.facility))'

INSERT INTO bench.cases (issue, name, query, baseline, baseline_is, target) VALUES
(11, 'MSO: sum(expected_allowed) over the lines joined in random order to 1,000 TOASTed 1,000-code schedules, vs bare sum(billed) over the same join',
    'SELECT ' || :'priced' || ' FROM mso.lines l JOIN mso.schedules s USING (contract_id)',
    'SELECT sum(l.billed) FROM mso.lines l JOIN mso.schedules s USING (contract_id)',
    'bare scan', 'ratio <= 2.0'),
(11, 'MSO: the same vs the same rules in SQL over the normalized 1,000,000-row fee table',
    'SELECT ' || :'priced' || ' FROM mso.lines l JOIN mso.schedules s USING (contract_id)',
    'SELECT sum(allowed) FROM mso.priced_sql',
    'same answer', 'speedup >= 3'),
(11, '10,000 inline 20-code schedules, lines in random order, vs bare sum(billed) over the same join',
    'SELECT ' || :'priced' || ' FROM small.lines l JOIN small.schedules s USING (contract_id)',
    'SELECT sum(l.billed) FROM small.lines l JOIN small.schedules s USING (contract_id)',
    'bare scan', 'report'),
(11, '10,000 inline 20-code schedules vs the same rules in SQL over their fee table',
    'SELECT ' || :'priced' || ' FROM small.lines l JOIN small.schedules s USING (contract_id)',
    'SELECT sum(allowed) FROM small.priced_sql',
    'same answer', 'report');

-- The number of schedules a query touches, and their size: the MSO lines
-- joined to the first N of its schedules, and to 100 10,000-code ones.
INSERT INTO bench.cases (issue, name, query, baseline, baseline_is, target)
SELECT 11, format('%s schedules of %s codes, the same lines in random order, vs bare sum(billed) over the same join',
                  to_char(n, 'FM99,999'), to_char(codes, 'FM99,999')),
       format('SELECT %s FROM mso.lines l JOIN %s.schedules s ON s.contract_id = 1 + (l.contract_id - 1) %% %s',
              :'priced', schema, n),
       format('SELECT sum(l.billed) FROM mso.lines l JOIN %s.schedules s ON s.contract_id = 1 + (l.contract_id - 1) %% %s',
              schema, n),
       'bare scan', 'report'
FROM (VALUES (10, 1000, 'mso'), (100, 1000, 'mso'), (100, 10000, 'wide')) AS v(n, codes, schema);

-- Peak backend memory (VmHWM) of a fresh backend pricing each case, and of
-- one running its bare join (the difference is pricing's own: shared
-- buffers count in both as they are touched).
\set vmhwm 'substring(pg_read_file(''/proc/self/status'') FROM ''VmHWM:\\s+([0-9]+) kB'')::bigint'
\c
SET max_parallel_workers_per_gather = 0;
SELECT sum(l.billed) FROM mso.lines l JOIN mso.schedules s USING (contract_id);
INSERT INTO bench.memory SELECT 'the MSO case''s bare join', :vmhwm;
\c
SET max_parallel_workers_per_gather = 0;
SELECT :priced FROM mso.lines l JOIN mso.schedules s USING (contract_id);
INSERT INTO bench.memory SELECT 'pricing the MSO case (1,000 schedules of 1,000 codes)', :vmhwm;
\c
SET max_parallel_workers_per_gather = 0;
SELECT sum(l.billed) FROM small.lines l JOIN small.schedules s USING (contract_id);
INSERT INTO bench.memory SELECT 'the 10,000-schedule case''s bare join', :vmhwm;
\c
SET max_parallel_workers_per_gather = 0;
SELECT :priced FROM small.lines l JOIN small.schedules s USING (contract_id);
INSERT INTO bench.memory SELECT 'pricing the 10,000-schedule case (inline, 20 codes)', :vmhwm;
