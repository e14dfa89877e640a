-- The contract matrix (issue 14): each payer's authorization rules and
-- decision clocks, termination and continuity of care, policy-change
-- notice, credentialing clock, offsets and escalation path, added to the
-- contracts built in practice.sql; and the events they govern:
-- prior-authorization requests, payer policy notices and credentialing
-- applications.  Run after demo.generate with psql variable :scale.

UPDATE demo.payer_contracts k
SET terms = (k.terms::text || '; ' || m.terms)::contract
FROM (VALUES
    (1, 'auth_required: none; offset: allowed; credentialing: 60 days;
         escalation: ''MAC provider contact center, then redetermination, then the CMS regional office'''),
    (2, 'termination: 90 days; continuity_of_care: 90 days; policy_notice: 90 days; credentialing: 90 days;
         auth_required: 70450-70559, 72141-72158, 73718-73723, 74176-74178; auth_decision: 72 hours;
         auth_decision_urgent: 24 hours; offset: not_in_dispute;
         escalation: ''Provider relations rep, then network management director, then the state DOI complaint line'''),
    (3, 'termination: 120 days; continuity_of_care: 90 days; policy_notice: 60 days; credentialing: 60 days;
         auth_required: 70551-70553, 72148, 27447, 29880-29881; auth_decision: 5 business days;
         auth_decision_urgent: 72 hours; offset: prohibited;
         escalation: ''Provider rep, then regional medical director, then contract arbitration'''),
    (4, 'termination: 180 days; continuity_of_care: 60 days; policy_notice: 30 days; credentialing: 90 days;
         auth_required: 70450-70559, 72141-72158, 73700-73723, 74150-74178, 97110-97530; auth_decision: 14 days;
         auth_decision_urgent: 72 hours; offset: allowed;
         escalation: ''Utilization management line, then provider rep, then VP network'''),
    (5, 'termination: 90 days; continuity_of_care: 60 days; policy_notice: 90 days; credentialing: 120 days;
         auth_required: 70553, 73721; auth_decision: 72 hours; auth_decision_urgent: 24 hours;
         offset: not_in_dispute;
         escalation: ''Provider rep, then the plan medical director, then the NY DFS prompt-pay complaint'''),
    (6, 'termination: 90 days; continuity_of_care: 90 days; policy_notice: 60 days; credentialing: 90 days;
         auth_required: 70450-70559, 72141-72158, 73700-73723, 74150-74178, 27130, 27447;
         auth_decision: 14 days; auth_decision_urgent: 72 hours; offset: not_in_dispute;
         escalation: ''Plan provider services, then the CMS account manager, then a CTM complaint'''),
    (7, 'termination: 60 days; continuity_of_care: 90 days; policy_notice: 30 days; credentialing: 90 days;
         auth_required: none; auth_decision: 7 days; auth_decision_urgent: 72 hours; offset: allowed;
         escalation: ''Plan provider services, then the state Medicaid agency''')
) AS m(payer_id, terms)
WHERE k.payer_id = m.payer_id;

-- Prior-authorization requests for the imaging, orthopedic and therapy
-- codes payers gate, over 2025; each payer decides at its own pace, some
-- past their clock, a few still pending.
DROP TABLE IF EXISTS demo.prior_auth_requests;
CREATE TABLE demo.prior_auth_requests (
    request_id bigint PRIMARY KEY, payer_id int, member_id bigint, code text,
    requested timestamptz, urgent boolean, decided timestamptz, decision text
        CHECK (decision IN ('approved', 'denied', 'pending')));
COMMENT ON TABLE demo.prior_auth_requests IS 'prior-authorization requests: when asked, urgent or not, when and how the payer decided';

SELECT setseed(0.1414);
INSERT INTO demo.prior_auth_requests
SELECT g, p.payer_id, p.payer_id * 10000000 + (random() * 2500)::int,
       (ARRAY['70450', '70553', '72148', '73721', '74177', '27447', '29881', '97110'])[1 + (random() * 7.999)::int],
       req, urgent,
       CASE WHEN pending THEN NULL ELSE req + hours * interval '1 hour' END,
       CASE WHEN pending THEN 'pending' WHEN random() < p.approve THEN 'approved' ELSE 'denied' END
FROM generate_series(1, greatest(70, round(3500 * :scale)::int)) AS g,
     LATERAL (SELECT 1 + (g % 7) AS payer_id) AS pid,
     LATERAL (SELECT pid.payer_id,
                     (ARRAY[0.95, 0.88, 0.82, 0.74, 0.70, 0.78, 0.90])[pid.payer_id] AS approve,
                     (ARRAY[20, 50, 90, 200, 60, 260, 120])[pid.payer_id] AS typical_hours) AS p,
     LATERAL (SELECT timestamptz '2025-01-02 08:00-05' + (random() * 360)::int * interval '1 day'
                     + (random() * 10)::int * interval '1 hour' AS req,
                     random() < 0.15 AS urgent,
                     g % 97 = 0 AS pending) AS r,
     LATERAL (SELECT round((p.typical_hours * CASE WHEN r.urgent THEN 0.3 ELSE 1 END)
                           * (0.3 + random() * 1.4))::int AS hours) AS h;

-- Payer policy, edit and fee-schedule notices: announced vs effective.
DROP TABLE IF EXISTS demo.policy_notices;
CREATE TABLE demo.policy_notices (
    notice_id int PRIMARY KEY, payer_id int, announced date, effective date, summary text);
COMMENT ON TABLE demo.policy_notices IS 'payer announcements of new policies, claim edits and fee changes';
INSERT INTO demo.policy_notices VALUES
    (1, 2, '2025-01-10', '2025-04-15', 'Modifier 25 documentation required on E/M with minor procedures'),
    (2, 2, '2025-06-02', '2025-07-01', 'Imaging site-of-care redirection program'),
    (3, 3, '2025-02-03', '2025-04-01', 'Physical therapy visit limit 20 per year'),
    (4, 3, '2025-09-15', '2025-10-15', 'Bundling edit: 97140 with 97530 same day'),
    (5, 4, '2025-03-01', '2025-03-31', 'Prior authorization added for 97110-97530'),
    (6, 4, '2025-08-20', '2025-09-01', 'Fee schedule update to 2025 RVUs'),
    (7, 5, '2025-02-14', '2025-06-01', 'Multiple procedure reduction for imaging'),
    (8, 5, '2025-10-01', '2025-11-01', 'Downcoding program for level 5 E/M visits'),
    (9, 6, '2025-01-06', '2025-03-01', 'Site-neutral payment for hospital outpatient E/M'),
    (10, 6, '2025-11-03', '2025-12-01', 'Prior authorization for 27130 and 27447 moves to a vendor'),
    (11, 7, '2025-07-01', '2025-07-20', 'Medicaid fee schedule 2% cut'),
    (12, 7, '2025-05-01', '2025-06-15', 'Timely filing shortened for corrected claims');

-- Credentialing applications of the practice's clinicians, per payer.
DROP TABLE IF EXISTS demo.credentialing_applications;
CREATE TABLE demo.credentialing_applications (
    application_id int PRIMARY KEY, payer_id int, provider text, submitted date, complete date, decided date);
COMMENT ON TABLE demo.credentialing_applications IS 'credentialing applications: submitted, complete (the clock starts), decided (NULL: pending)';
SELECT setseed(0.2718);
INSERT INTO demo.credentialing_applications
SELECT g, 1 + (g % 7), 'Clinician ' || (1 + g / 7), s.sub, c.complete,
       CASE WHEN g % 11 = 0 THEN NULL
            ELSE c.complete + ((ARRAY[45, 80, 50, 110, 150, 95, 70])[1 + (g % 7)] * (0.5 + random()))::int END
FROM generate_series(1, greatest(14, round(42 * :scale)::int)) AS g,
     LATERAL (SELECT date '2025-01-06' + (random() * 300)::int AS sub WHERE g > 0) AS s,
     LATERAL (SELECT s.sub + (random() * 30)::int AS complete) AS c;
ANALYZE demo.prior_auth_requests, demo.policy_notices, demo.credentialing_applications;
