-- Claim adjustment reason codes: the shipped reference pinned, lookups, local edits.

-- Every shipped code's category, flags and X12 start and stop dates.
SELECT code, category, is_denial, avoidable, appealable, start_date, stop_date FROM carc
ORDER BY length(code), code;
SELECT category, count(*) AS codes FROM carc GROUP BY category ORDER BY category;
SELECT * FROM carc_group ORDER BY code;
SELECT code FROM rarc WHERE code IN ('MA130', 'N522', 'M15', 'M86', 'N130', 'MA01') ORDER BY code;
SELECT description FROM rarc WHERE code = 'MA130';

-- Input forms: bare, with a group code, any case and spacing.
SELECT c, carc_category(c)
FROM unnest(ARRAY['29', 'CO-29', 'co29', ' CO 29 ', 'PR-1', 'pr2', 'OA-23', 'PI-45', 'CR-18', 'b7', 'CO-B15',
                  '999', 'CO-', '', 'ABCDEFGHIJ', 'CO-2929']) AS c;
SELECT carc_category(NULL) IS NULL AS null_in_null_out;

-- is_denial: the code's flag, except patient cost sharing under PR; NULL if unknown.
SELECT g, c, is_denial(g, c)
FROM (VALUES ('CO', '29'), ('PR', '29'), (' pr ', '1'), ('CO', '45'), ('CO', '253'), ('OA', '18'),
             ('CO', '197'), ('PI', '59'), ('CO', '24'), ('CO', '999')) AS t(g, c);

-- A practice's own rows and edits go in carc_local and win over the shipped ones.
INSERT INTO carc_local VALUES
    ('29', 'Filed late (we appeal these with clearinghouse proof)', 'timely_filing', true, true, true),
    ('Z9', 'Local code: out-of-network repricing', 'network', true, false, true);
SELECT code, description, category FROM carc WHERE code IN ('29', 'Z9') ORDER BY code;
SELECT carc_category('Z9') AS local_code, count(*) AS carc_rows FROM carc;
INSERT INTO carc_local VALUES ('X1', 'bad', 'unknown_category', true, true, true);
INSERT INTO carc_local VALUES ('co-29', 'bad', 'other', true, true, true);
DELETE FROM carc_local;
