-- Reason-code lookups: every code domain.md names has its category, the
-- lookup gives the same answers in parallel workers as in a join, and its
-- cached copy of the reference neither goes stale nor piles up.
BEGIN;
SELECT plan(7);

CREATE TEMP TABLE named(code, category) AS VALUES
    ('1','patient_responsibility'),('2','patient_responsibility'),('3','patient_responsibility'),
    ('45','contractual'),('59','contractual'),('253','contractual'),
    ('26','eligibility'),('27','eligibility'),('31','eligibility'),('140','eligibility'),
    ('15','authorization'),('39','authorization'),('197','authorization'),('29','timely_filing'),('18','duplicate'),
    ('4','coding'),('5','coding'),('6','coding'),('7','coding'),('8','coding'),('9','coding'),('10','coding'),('11','coding'),
    ('97','coding'),('234','coding'),('236','coding'),('B15','coding'),
    ('50','medical_necessity'),('151','medical_necessity'),
    ('49','non_covered'),('96','non_covered'),('119','non_covered'),('170','non_covered'),('204','non_covered'),('272','non_covered'),
    ('19','coordination_of_benefits'),('20','coordination_of_benefits'),('21','coordination_of_benefits'),
    ('22','coordination_of_benefits'),('23','coordination_of_benefits'),('109','coordination_of_benefits'),
    ('16','missing_information'),('226','missing_information'),('227','missing_information'),
    ('251','missing_information'),('252','missing_information'),
    ('242','network'),('243','network'),('B7','credentialing'),('24','capitation');
SELECT is((SELECT count(*) FROM named WHERE carc_category(code) <> category OR carc_category('CO-' || code) <> category),
          0::bigint, 'every reason code domain.md names has its category, bare or with a group code');
SELECT cmp_ok((SELECT count(*) FROM carc), '>=', 100::bigint, 'at least the 100 most used codes ship');

CREATE TABLE adjustments AS
SELECT i, (ARRAY['CO','PR','OA','PI'])[1 + i % 4] AS group_code,
       (SELECT code FROM carc ORDER BY code OFFSET i % (SELECT count(*) FROM carc) LIMIT 1) AS carc
FROM generate_series(1, 30000) AS i;
ANALYZE adjustments;
CREATE TEMP TABLE joined AS
SELECT a.i, coalesce(c.category, 'other') AS category FROM adjustments a LEFT JOIN carc c ON c.code = a.carc;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SELECT matches(plan_of('SELECT carc_category(carc), count(*) FROM adjustments GROUP BY 1'), 'Gather',
               'carc_category runs in parallel workers');
SELECT is((SELECT count(*) FROM (SELECT carc_category(carc) AS category, count(*) FROM adjustments GROUP BY 1
                                 EXCEPT SELECT category, count(*) FROM joined GROUP BY 1) AS d), 0::bigint,
          'parallel carc_category agrees with a join to the reference view');
RESET max_parallel_workers_per_gather;

-- 300 edits of carc_local, each followed by lookups: every lookup sees the
-- edit before it, and only one reading stays in memory.
CREATE TEMP TABLE seen (i int, category text);
DO $$
BEGIN
    FOR i IN 1..300 LOOP
        INSERT INTO carc_local (code, description, category, is_denial, avoidable, appealable)
        VALUES ('Z1', 'edit ' || i, (ARRAY['coding', 'network', 'duplicate'])[1 + i % 3], true, false, false)
        ON CONFLICT (code) DO UPDATE SET category = excluded.category;
        INSERT INTO seen VALUES (i, carc_category('Z1'));
        PERFORM is_denial('CO', 'Z1');
    END LOOP;
END $$;
SELECT is((SELECT count(*) FROM seen WHERE category <> (ARRAY['coding', 'network', 'duplicate'])[1 + i % 3]),
          0::bigint, 'every lookup after an edit of carc_local in the same transaction sees it');
SELECT is((SELECT count(*) FROM pg_backend_memory_contexts WHERE name = 'carc lookup'), 1::bigint,
          'one cached reading of the reference after 300 re-readings');
SELECT cmp_ok((SELECT sum(total_bytes) FROM pg_backend_memory_contexts WHERE name = 'carc lookup'), '<', 262144::numeric,
              'the cached reading is small (under 256 kB)');
SELECT * FROM finish();
ROLLBACK;
