-- Contract matrix benchmarks (issue 14): requires_auth over every claim
-- line, against the normalized ranges table and join an analyst would
-- write, for authorization lists of 20 ranges and of 10,000 codes (the
-- maximum; such a contract is TOASTed and cached per query); and
-- auth_decision_due over prior-authorization requests, against the bare scan.

-- Code lists: a short one of ranges, the maximum of single codes.
CREATE TABLE bench.auth_list_ranges AS
SELECT 20 AS size, lpad((70000 + 150 * g)::text, 5, '0') AS lo, lpad((70000 + 150 * g + 60)::text, 5, '0') AS hi
FROM generate_series(0, 19) AS g
UNION ALL
SELECT 10000, c, c FROM (SELECT lpad((g * 9)::text, 5, '0') AS c FROM generate_series(1, 10000) AS g) AS s;
CREATE TABLE bench.auth_lists AS
SELECT size, ('auth_required: ' || string_agg(CASE WHEN lo = hi THEN lo ELSE lo || '-' || hi END, ', '))::contract AS c
FROM bench.auth_list_ranges GROUP BY size;
CREATE INDEX ON bench.auth_list_ranges (size, length(lo), lo);
ANALYZE bench.auth_list_ranges, bench.auth_lists;

-- The SQL way: the last range starting at or before the code, by index
-- (the ranges do not overlap), then is the code within it?
CREATE FUNCTION bench.requires_auth_sql(list_size int, code text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT code <= r.hi FROM bench.auth_list_ranges r
                     WHERE r.size = list_size AND length(r.lo) = length(code) AND r.lo <= code
                     ORDER BY r.size, length(r.lo), r.lo DESC LIMIT 1), false) $$;

CREATE TABLE bench.auth_requests AS
SELECT g AS request_id, timestamptz '2025-01-02 08:00+00' + (g % 8760) * interval '1 hour' AS requested,
       g % 7 = 0 AS urgent,
       (ARRAY['auth_decision: 72 hours; auth_decision_urgent: 24 hours',
              'auth_decision: 5 business days; auth_decision_urgent: 72 hours',
              'auth_decision: 14 days; auth_decision_urgent: 3 business days'])[1 + g % 3]::contract AS c
FROM generate_series(1, :lines) AS g;
ANALYZE bench.auth_requests;

INSERT INTO bench.cases (issue, name, query, baseline, baseline_is, target) VALUES
(14, 'requires_auth(c, code) over the claim lines, 20-range list, vs a join to a normalized ranges table',
    'SELECT count(*) FILTER (WHERE requires_auth(a.c, l.code)) FROM bench.lines l, bench.auth_lists a WHERE a.size = 20',
    'SELECT count(*) FILTER (WHERE bench.requires_auth_sql(20, l.code)) FROM bench.lines l',
    'same answer', 'speedup >= 1'),
(14, 'requires_auth(c, code) over the claim lines, 10,000-code TOASTed list, vs a join to a normalized ranges table',
    'SELECT count(*) FILTER (WHERE requires_auth(a.c, l.code)) FROM bench.lines l, bench.auth_lists a WHERE a.size = 10000',
    'SELECT count(*) FILTER (WHERE bench.requires_auth_sql(10000, l.code)) FROM bench.lines l',
    'same answer', 'speedup >= 1'),
(14, 'max(auth_decision_due) over requests (hours, business days, days), vs a bare scan of the same columns',
    'SELECT max(auth_decision_due(c, requested, urgent)) FROM bench.auth_requests',
    'SELECT max(requested), bool_or(urgent), count(c) FROM bench.auth_requests',
    'bare scan', 'report');
