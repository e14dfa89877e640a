-- Denials by group and reason: the PR rule, the dated X12 list, retired and
-- unknown codes, and lookups that follow carc_local within a transaction.

-- Group PR is a denial when the reason is one (non-covered, eligibility,
-- authorization...), and never when it is the patient's cost sharing.
SELECT g || '-' || c AS adjustment, carc_category(c) AS category, is_denial(g, c)
FROM (VALUES ('PR', '204'), ('PR', '96'), ('PR', '49'), ('PR', '27'), ('PR', '119'), ('PR', 'P4'),
             ('PR', '1'), ('PR', '2'), ('PR', '3'), ('PR', '66'), ('PR', '85'), ('PR', '187'),
             ('PR', '241'), ('PR', '247'), ('PR', '275'), ('PR', 'P3'), ('PR', '45'), ('PR', '999'),
             ('pr ', '204'), ('CO', '204'), ('OA', '1')) AS t(g, c);

-- Every cost-sharing code is not a denial under PR; every other denial code is one.
SELECT count(*) FILTER (WHERE category = 'patient_responsibility') AS cost_sharing_codes,
       count(*) FILTER (WHERE category = 'patient_responsibility' AND is_denial('PR', code)) AS cost_sharing_pr_denials,
       count(*) FILTER (WHERE is_denial AND is_denial('PR', code) IS DISTINCT FROM true) AS denials_lost_under_pr,
       count(*) FILTER (WHERE is_denial('CO', code) IS DISTINCT FROM is_denial) AS co_differs_from_flag
FROM carc;

-- A local row marking a cost-sharing reason a denial still is none under PR.
BEGIN;
INSERT INTO carc_local (code, description, category, is_denial, avoidable, appealable)
VALUES ('3', 'Copay we chase as a front-desk miss', 'patient_responsibility', true, true, false);
SELECT is_denial('PR', '3') AS pr_3, is_denial('CO', '3') AS co_3;
ROLLBACK;

-- The list: X12's current codes, and retired ones with their stop dates.
SELECT count(*) AS codes, count(*) FILTER (WHERE stop_date IS NULL) AS active,
       count(*) FILTER (WHERE stop_date IS NOT NULL) AS retired,
       count(*) FILTER (WHERE start_date IS NULL) AS undated
FROM carc_shipped;
SELECT code, category, is_denial, start_date, stop_date FROM carc_shipped
WHERE code IN ('106', '155', '229', 'P2', 'P10', 'P32', '15', '17', '125', '138', '165', '168', '244', 'B5',
               'A2', '42', '62', 'D1', 'D23', 'W1', 'Y3')
ORDER BY length(code), code;
-- Property and casualty codes P1 to P32 are all there.
SELECT count(*) AS p_codes FROM carc_shipped WHERE code ~ '^P([1-9]|[12][0-9]|3[0-2])$' AND stop_date IS NULL;
-- A retired code keeps the meaning it had: old remittances carry it.
SELECT carc_category('CO-A2') AS a2, is_denial('CO', '62') AS co_62, is_denial('CO', 'D6') AS co_d6,
       is_denial('CO', '42') AS co_42;
-- Codes active on a remittance date (stop dates are exclusive).
SELECT d, count(*) AS active_codes
FROM (VALUES (date '2003-10-15'), (date '2003-10-16'), (date '2014-07-01'), (date '2026-01-01')) AS t(d),
     carc_shipped
WHERE start_date <= d AND (stop_date IS NULL OR d < stop_date)
GROUP BY d ORDER BY d;
INSERT INTO carc_local (code, description, category, is_denial, avoidable, appealable, start_date, stop_date)
VALUES ('Z1', 'bad dates', 'other', false, false, false, '2020-01-01', '2019-01-01');

-- Unknown codes: category 'other', is_denial NULL (so WHERE is_denial(...)
-- drops them: keep them with IS NOT FALSE, find them with the view).
SELECT c, carc_category(c), is_denial('CO', c), is_denial('PR', c) FROM unnest(ARRAY['999', 'Q1', 'CO-']) AS c;
SELECT count(*) FILTER (WHERE is_denial('CO', c)) AS where_true,
       count(*) FILTER (WHERE is_denial('CO', c) IS NOT FALSE) AS is_not_false
FROM unnest(ARRAY['29', '999', '45']) AS c;

-- Lookups follow carc_local within one PL/pgSQL transaction: each statement
-- sees the rows the earlier ones wrote, and a rolled-back block's rows go.
DO $$
DECLARE
    category text;
BEGIN
    FOR i IN 1..3 LOOP
        category := carc_category('Z' || i);
        RAISE NOTICE 'Z% before insert: %, denial %', i, category, is_denial('CO', 'Z' || i);
        INSERT INTO carc_local (code, description, category, is_denial, avoidable, appealable)
        VALUES ('Z' || i, 'local code', 'network', true, false, true);
        category := carc_category('Z' || i);
        RAISE NOTICE 'Z% after insert: %, denial %', i, category, is_denial('CO', 'Z' || i);
    END LOOP;
    UPDATE carc_local SET category = 'coding' WHERE code = 'Z1';
    RAISE NOTICE 'Z1 after update: %', carc_category('Z1');
    BEGIN
        INSERT INTO carc_local (code, description, category, is_denial, avoidable, appealable)
        VALUES ('Z9', 'rolled back', 'duplicate', true, true, false);
        RAISE NOTICE 'Z9 inside the block: %', carc_category('Z9');
        RAISE EXCEPTION 'undo';
    EXCEPTION WHEN raise_exception THEN
        RAISE NOTICE 'Z9 after rollback: %', carc_category('Z9');
    END;
    DELETE FROM carc_local WHERE code LIKE 'Z%';
    RAISE NOTICE 'Z1 after delete: %', carc_category('Z1');
END $$;
SELECT count(*) AS local_rows FROM carc_local;

-- The reference tables tell the lookups when they change; a loop that only
-- writes other tables keeps its copy and still answers right.
SELECT tgrelid::regclass AS reference_table, tgname FROM pg_trigger
WHERE tgrelid IN ('carc_local'::regclass, 'carc_shipped'::regclass) ORDER BY 1, 2;
CREATE TEMP TABLE looked_up (i int, denial boolean);
DO $$
DECLARE
    d boolean;
BEGIN
    FOR i IN 1..400 LOOP
        d := is_denial(CASE WHEN i % 2 = 0 THEN 'PR' ELSE 'CO' END, (ARRAY['45', '29', '1', '204'])[1 + i % 4]);
        INSERT INTO looked_up VALUES (i, d);
        IF i = 200 THEN
            INSERT INTO carc_local (code, description, category, is_denial, avoidable, appealable)
            VALUES ('45', 'Treated as a denial from here on', 'contractual', true, false, true);
        END IF;
    END LOOP;
    DELETE FROM carc_local WHERE code = '45';
END $$;
SELECT i <= 200 AS before_local_edit, (ARRAY['45', '29', '1', '204'])[1 + i % 4] AS code,
       CASE WHEN i % 2 = 0 THEN 'PR' ELSE 'CO' END AS grp, denial, count(*)
FROM looked_up GROUP BY 1, 2, 3, 4 ORDER BY 1 DESC, 2, 3;
SELECT carc_reference_changed();
