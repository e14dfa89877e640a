-- Contract versions by date of service: a daterange validity per version,
-- an exclusion constraint (btree_gist, a trusted contrib extension) that
-- forbids two versions of a payer's schedule overlapping, and lines priced
-- by the version in effect with @>.  test/nonsuperuser.sh runs this file
-- again as a database owner who is not a superuser: the same output shows
-- that such a user can install btree_gist and keep versions this way.
CREATE SCHEMA versions;
SET search_path = versions, public;
CREATE EXTENSION btree_gist SCHEMA versions;
SELECT extname, extowner = current_user::regrole AS installed_by_me
FROM pg_extension WHERE extname = 'btree_gist';

CREATE TABLE payer_schedule (
    payer_id int NOT NULL,
    valid daterange NOT NULL,                 -- the dates of service it covers
    schedule rate_schedule NOT NULL,
    EXCLUDE USING gist (payer_id WITH =, valid WITH &&));
INSERT INTO payer_schedule VALUES
    (1, '[2024-01-01,2025-01-01)', '99213: 90.00; default: 120% medicare'),
    (1, '[2025-01-01,2025-07-01)', '99213: 92.50; default: 120% medicare'),
    (1, '[2025-07-01,)',           '99213: 96.00; default: 125% medicare'),   -- mid-year, until replaced
    (2, '[2024-01-01,)',           '99213: 80.00');
-- An overlapping version of the same payer is rejected...
INSERT INTO payer_schedule VALUES (1, '[2025-06-01,2026-01-01)', '99213: 99.00');
-- ...including one that starts on the last day of another (ranges are
-- half-open: [a,b) ends the day before b)...
INSERT INTO payer_schedule VALUES (2, '[2023-01-01,2024-01-02)', '99213: 70.00');
-- ...and a version starting the day the previous one ends is not.
INSERT INTO payer_schedule VALUES (2, '[2023-01-01,2024-01-01)', '99213: 70.00');
-- Another payer's version may cover the same dates.
INSERT INTO payer_schedule VALUES (3, '[2025-06-01,2026-01-01)', '99213: 99.00');
-- Replacing an open-ended version: end it first, then add the next.
INSERT INTO payer_schedule VALUES (2, '[2025-10-01,)', '99213: 84.00');
UPDATE payer_schedule SET valid = daterange(lower(valid), '2025-10-01') WHERE payer_id = 2 AND upper_inf(valid);
INSERT INTO payer_schedule VALUES (2, '[2025-10-01,)', '99213: 84.00');

-- Each line priced by the version in effect on its date of service; a date
-- no version covers has no price.
CREATE TABLE line (payer_id int, service_date date, code text, medicare numeric);
INSERT INTO line VALUES
    (1, '2024-12-31', '99213', NULL), (1, '2025-01-01', '99213', NULL), (1, '2025-06-30', '99213', NULL),
    (1, '2025-07-01', '99213', NULL), (1, '2025-07-01', '99214', 100), (1, '2030-01-01', '99214', 100),
    (2, '2023-06-30', '99213', NULL), (2, '2025-09-30', '99213', NULL), (2, '2025-10-01', '99213', NULL),
    (3, '2025-05-31', '99213', NULL), (3, '2025-06-01', '99213', NULL);
SELECT l.payer_id, l.service_date, l.code, s.valid,
       expected_allowed(s.schedule, l.code, medicare => l.medicare) AS expected
FROM line l LEFT JOIN payer_schedule s ON s.payer_id = l.payer_id AND s.valid @> l.service_date
ORDER BY l.payer_id, l.service_date, l.code;

RESET search_path;
DROP SCHEMA versions CASCADE;
