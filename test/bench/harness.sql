-- Benchmark harness: time queries inside the server (no client overhead),
-- take the median of several runs, and compare each with its baseline after
-- checking that both compute the same answer.
DROP SCHEMA IF EXISTS bench CASCADE;
CREATE SCHEMA bench;

-- One benchmark: a query, the query a user would write instead (or the bare
-- scan it cannot beat), the ratio it must meet, and whether the two must
-- return the same rows (a bare scan computes something else).
CREATE TABLE bench.cases (
    id          serial PRIMARY KEY,
    issue       int NOT NULL,
    name        text NOT NULL,
    query       text NOT NULL,
    baseline    text NOT NULL,
    baseline_is text NOT NULL,          -- 'bare scan' or 'same answer'
    target      text NOT NULL,          -- 'ratio <= 1.3', 'speedup >= 100' or 'report'
    settings    text NOT NULL DEFAULT '',   -- run before the query
    baseline_settings text NOT NULL DEFAULT ''  -- run before the baseline
);

-- Peak backend memory a cases file measured (reported under the table).
CREATE TABLE bench.memory (what text NOT NULL, peak_kb bigint NOT NULL);

CREATE TABLE bench.results (
    case_id     int REFERENCES bench.cases,
    query_ms    numeric,
    baseline_ms numeric,
    agree       boolean,
    met         boolean
);

-- Wall time of one execution of q, in milliseconds.
CREATE FUNCTION bench.time_ms(q text) RETURNS numeric
LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz := clock_timestamp();
BEGIN
    EXECUTE q;
    RETURN (extract(epoch FROM clock_timestamp() - t0) * 1000)::numeric;
END $$;

CREATE FUNCTION bench.median(v numeric[]) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
    SELECT round((percentile_cont(0.5) WITHIN GROUP (ORDER BY x))::numeric, 1) FROM unnest(v) AS x $$;

-- Do two queries return the same rows (as text, order ignored)?
CREATE FUNCTION bench.same_answer(a text, b text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
    differ bigint;
BEGIN
    EXECUTE format('SELECT count(*) FROM ((SELECT * FROM (%s) x EXCEPT ALL SELECT * FROM (%s) y)
                    UNION ALL (SELECT * FROM (%s) y EXCEPT ALL SELECT * FROM (%s) x)) d', a, b, b, a)
        INTO differ;
    RETURN differ = 0;
END $$;

-- Serial, JIT-free timing unless a case says otherwise.
CREATE FUNCTION bench.apply(settings text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    SET max_parallel_workers_per_gather = 0;
    SET jit = off;
    IF settings <> '' THEN
        EXECUTE settings;
    END IF;
END $$;

-- Run every case and record the results.
CREATE FUNCTION bench.run(runs int DEFAULT 5) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    c bench.cases;
    q numeric;
    b numeric;
    agree boolean;
    ratio numeric;
    qs numeric[];
    bs numeric[];
BEGIN
    FOR c IN SELECT * FROM bench.cases ORDER BY id LOOP
        agree := c.baseline_is = 'bare scan' OR bench.same_answer(c.query, c.baseline);
        -- Warm both once, then alternate query and baseline so that any
        -- slow spell of the machine falls on both alike.
        PERFORM bench.apply(c.settings);
        PERFORM bench.time_ms(c.query);
        PERFORM bench.apply(c.baseline_settings);
        PERFORM bench.time_ms(c.baseline);
        qs := '{}';
        bs := '{}';
        FOR i IN 1..runs LOOP
            PERFORM bench.apply(c.settings);
            qs := qs || bench.time_ms(c.query);
            PERFORM bench.apply(c.baseline_settings);
            bs := bs || bench.time_ms(c.baseline);
        END LOOP;
        q := bench.median(qs);
        b := bench.median(bs);
        ratio := q / nullif(b, 0);
        INSERT INTO bench.results VALUES (c.id, q, b, agree, agree AND CASE
            WHEN c.target LIKE 'ratio <= %' THEN ratio <= split_part(c.target, ' ', 3)::numeric
            WHEN c.target LIKE 'speedup >= %' THEN b / nullif(q, 0) >= split_part(c.target, ' ', 3)::numeric
            END);
        RESET ALL;
    END LOOP;
END $$;

CREATE VIEW bench.report AS
SELECT c.issue AS "issue", c.name AS "benchmark",
       r.query_ms AS "median ms", r.baseline_ms AS "baseline ms",
       CASE WHEN c.baseline_is = 'same answer' AND r.baseline_ms >= r.query_ms
                THEN round(r.baseline_ms / nullif(r.query_ms, 0), 1) || 'x faster'
            WHEN c.baseline_is = 'same answer' THEN round(r.query_ms / nullif(r.baseline_ms, 0), 1) || 'x slower'
            ELSE round(r.query_ms / nullif(r.baseline_ms, 0), 2) || 'x baseline' END AS "ratio",
       c.target AS "target",
       CASE WHEN NOT r.agree THEN 'NO: answers differ' WHEN c.target = 'report' THEN '-'
            WHEN r.met THEN 'yes' ELSE 'NO' END AS "met?"
FROM bench.cases c JOIN bench.results r ON r.case_id = c.id
ORDER BY c.id;
