-- The demo practice's remittances as X12 835 files (005010X221A1), one row
-- per file in demo.era_files, written from the payments demo.generate made
-- (demo.remit_lines, demo.remit_adjustments).  load.sh writes them to a
-- folder and loads them with contracts_ext_load_835; views.sql then points
-- the analyses at the parsed rows.
--
-- What the files hold, as payers send them:
--   one file per payer and month, one transaction (ST..SE, one EFT or
--   check) per payer and payment date; Harbor Advantage puts each
--   transaction in an interchange of its own (several ISA in one file)
--   line-level CAS for payments and denials; claims denied for timely
--   filing as claim-level CAS with no service lines
--   Acme Health first underpays about 2% of its claims, then reverses
--   them (CLP02 = 22) and sends the correction two weeks later
--   Blue Meridian pays prompt-pay interest on late claims (AMT*I and
--   PLB*L6); Summit Mutual does not
--   Pinnacle Care recoups earlier overpayments (PLB*WO) from some payments
--   Medicare and Blue Meridian send no line breaks; Blue Meridian uses the
--   delimiters | > ^ ~; the others * : ^ ~ with a line break per segment
--   one Summit Mutual payment (BPR02) is a cent more than its claims: the
--   remittance health report must find it
-- Lines demo.generate left unpriced (no allowed or paid amount) are not
-- adjudicated yet: no 835 carries them.  Deterministic, set-based.
DROP TABLE IF EXISTS demo.era_files;
CREATE TABLE demo.era_files (file_name text PRIMARY KEY, payer_id int, content text);
COMMENT ON TABLE demo.era_files IS 'the demo''s remittances as X12 835 texts, one per file (written to disk and loaded by test/demo/remittance/load.sh)';

CREATE TEMP TABLE era_claim AS
SELECT c.claim_id, c.payer_id, c.member_id, c.service_date, c.received_date, c.submission = 'paper' AS paper,
       min(r.remit_date) AS remit_date, k.terms, p.kind AS payer_kind,
       coalesce(bool_and(a.timely), false) AS timely_filing_denial,
       c.payer_id = 2 AND abs(hashint8(c.claim_id * 11)) % 100 < 2 AND sum(r.paid) > 0 AS corrected
FROM demo.claims c
JOIN demo.remit_lines r ON r.claim_id = c.claim_id AND r.paid IS NOT NULL
JOIN demo.payers p USING (payer_id)
JOIN demo.payer_contracts k ON k.payer_id = c.payer_id AND c.service_date >= k.effective_from
                           AND (k.effective_to IS NULL OR c.service_date <= k.effective_to)
LEFT JOIN (SELECT claim_id, line_no, bool_or(carc = '29') AS timely FROM demo.remit_adjustments
           GROUP BY claim_id, line_no) a ON a.claim_id = r.claim_id AND a.line_no = r.line_no
GROUP BY c.claim_id, c.payer_id, c.member_id, c.service_date, c.received_date, c.submission, k.terms, p.kind;

-- Postings: each claim once; a corrected claim three times (underpaid
-- original, its reversal, the correction).  sign -1 negates the amounts.
CREATE TEMP TABLE era_posting AS
SELECT claim_id, payer_id, 'final' AS kind, remit_date AS paid_date, '1' AS status, 1 AS sign, false AS underpaid
FROM era_claim WHERE NOT corrected
UNION ALL
SELECT claim_id, payer_id, v.kind, remit_date + v.days, v.status, v.sign, v.underpaid
FROM era_claim, (VALUES ('original', 0, '1', 1, true), ('reversal', 14, '22', -1, true),
                        ('correction', 14, '1', 1, false)) AS v(kind, days, status, sign, underpaid)
WHERE corrected;

-- The line amounts of each posting; an underpaid original keeps 10% of the
-- payment back as an extra contractual adjustment (CO 45).
CREATE TEMP TABLE era_line AS
SELECT p.claim_id, p.kind, p.sign, r.line_no, l.code, l.modifier1, l.modifier2, l.modifier3, l.modifier4,
       l.service_date, p.sign * l.units AS units, p.sign * l.billed AS billed,
       p.sign * (r.allowed - CASE WHEN p.underpaid THEN round(r.paid * 0.10, 2) ELSE 0 END) AS allowed,
       p.sign * (r.paid - CASE WHEN p.underpaid THEN round(r.paid * 0.10, 2) ELSE 0 END) AS paid,
       p.sign * r.patient_resp AS patient_resp,
       CASE WHEN p.underpaid THEN p.sign * round(r.paid * 0.10, 2) ELSE 0 END AS held_back
FROM era_posting p
JOIN era_claim c USING (claim_id)
JOIN demo.remit_lines r USING (claim_id)
JOIN demo.claim_lines l USING (claim_id, line_no)
WHERE NOT c.timely_filing_denial AND r.paid IS NOT NULL;

-- Line segments: SVC, DTM*472, one CAS per group, AMT*B6, REF*6R, LQ*HE.
CREATE TEMP TABLE era_cas AS
SELECT claim_id, kind, line_no, string_agg('CAS*' || group_code || triples || '~', '' ORDER BY group_code) AS text
FROM (SELECT claim_id, kind, line_no, group_code, string_agg(format('*%s*%s*', carc, amount), '' ORDER BY carc) AS triples
      FROM (SELECT e.claim_id, e.kind, e.line_no, x.group_code, x.carc, e.sign * x.amount AS amount
            FROM era_line e JOIN demo.remit_adjustments x USING (claim_id, line_no) WHERE x.amount <> 0
            UNION ALL
            SELECT claim_id, kind, line_no, 'CO', '45', held_back FROM era_line WHERE held_back <> 0) a
      GROUP BY claim_id, kind, line_no, group_code) g
GROUP BY claim_id, kind, line_no;

CREATE TEMP TABLE era_lq AS
SELECT claim_id, line_no, string_agg(DISTINCT 'LQ*HE*' || rarc || '~', '') AS text
FROM demo.remit_adjustments WHERE rarc IS NOT NULL GROUP BY claim_id, line_no;

CREATE TEMP TABLE era_line_text AS
SELECT e.claim_id, e.kind, e.line_no, e.billed, e.paid, e.patient_resp,
       format('SVC*HC:%s%s*%s*%s**%s~DTM*472*%s~', e.code,
              concat(':' || e.modifier1, ':' || e.modifier2, ':' || e.modifier3, ':' || e.modifier4),
              e.billed, e.paid, e.units, to_char(e.service_date, 'YYYYMMDD'))
       || coalesce(cas.text, '')
       || format('AMT*B6*%s~REF*6R*%s~', e.allowed, e.line_no)
       || coalesce(lq.text, '') AS text
FROM era_line e
LEFT JOIN era_cas cas USING (claim_id, kind, line_no)
LEFT JOIN era_lq lq USING (claim_id, line_no);

-- Claim segments: CLP, NM1*QC, DTM*050 (received), DTM*232, AMT*I, then
-- the lines or, for a timely-filing denial, one claim-level CAS.
CREATE TEMP TABLE era_claim_text AS
SELECT p.payer_id, p.paid_date, p.claim_id, p.kind, i.interest,
       coalesce(l.paid, 0) AS paid,
       format('CLP*%s*%s*%s*%s*%s*%s*%s~NM1*QC*1*MEMBER*M%s~DTM*050*%s~DTM*232*%s~',
              p.claim_id, CASE WHEN c.timely_filing_denial OR (l.paid = 0 AND l.patient_resp = 0) THEN '4' ELSE p.status END,
              coalesce(l.billed, t.billed), coalesce(l.paid, 0), coalesce(l.patient_resp, 0),
              CASE c.payer_kind WHEN 'medicare' THEN 'MB' WHEN 'medicaid_managed_care' THEN 'MC'
                          WHEN 'medicare_advantage' THEN '16' ELSE 'CI' END,
              'PCN' || p.claim_id || CASE p.kind WHEN 'correction' THEN 'C' ELSE '' END,
              c.member_id, to_char(c.received_date, 'YYYYMMDD'), to_char(c.service_date, 'YYYYMMDD'))
       || CASE WHEN i.interest > 0 THEN format('AMT*I*%s~', i.interest) ELSE '' END
       || CASE WHEN c.timely_filing_denial THEN format('CAS*CO*29*%s~', t.billed) ELSE l.text END AS text
FROM era_posting p
JOIN era_claim c USING (claim_id)
LEFT JOIN (SELECT claim_id, kind, sum(billed) AS billed, sum(paid) AS paid, sum(patient_resp) AS patient_resp,
                  string_agg(text, '' ORDER BY line_no) AS text
           FROM era_line_text GROUP BY claim_id, kind) l USING (claim_id, kind)
LEFT JOIN (SELECT claim_id, sum(billed) AS billed FROM demo.claim_lines GROUP BY claim_id) t USING (claim_id)
LEFT JOIN LATERAL (SELECT CASE WHEN p.payer_id = 3 AND p.kind = 'final'
                               THEN interest_due(c.terms, c.received_date, p.paid_date, l.paid, c.paper) END AS interest) i ON true;

-- Transactions: BPR (paid - PLB; one Summit payment a cent off), TRN, the
-- payer (N1*PR, its number in N104) and the payee, the claims, PLB.
CREATE TEMP TABLE era_transaction AS
SELECT t.*, row_number() OVER (PARTITION BY payer_id, date_trunc('month', paid_date) ORDER BY paid_date) AS no_in_file,
       t.paid - t.plb_total + CASE WHEN t.payer_id = 4 AND t.paid_date = min(t.paid_date) OVER (PARTITION BY t.payer_id)
                                   THEN 0.01 ELSE 0 END AS payment
FROM (SELECT c.payer_id, c.paid_date, sum(c.paid) AS paid, string_agg(c.text, '' ORDER BY c.claim_id, c.kind) AS claims,
             coalesce(-sum(c.interest), 0) + CASE WHEN c.payer_id = 5 AND abs(hashint4(c.paid_date - date '2000-01-01')) % 5 = 0
                                                   AND sum(c.paid) > 100 THEN 25.00 ELSE 0 END AS plb_total,
             coalesce(sum(c.interest), 0) AS interest,
             CASE WHEN c.payer_id = 5 AND abs(hashint4(c.paid_date - date '2000-01-01')) % 5 = 0 AND sum(c.paid) > 100
                  THEN 25.00 ELSE 0 END AS recouped
      FROM era_claim_text c GROUP BY c.payer_id, c.paid_date) t;

CREATE TEMP TABLE era_transaction_text AS
SELECT t.payer_id, t.paid_date, t.no_in_file,
       format('BPR*%s*%s*C*%s*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*%s~TRN*1*%s*1512345678~',
              CASE WHEN t.payment > 0 THEN 'I' ELSE 'H' END, t.payment, CASE WHEN t.payment > 0 THEN 'ACH' ELSE 'NON' END,
              to_char(t.paid_date, 'YYYYMMDD'), 'EFT' || t.payer_id || to_char(t.paid_date, 'YYYYMMDD'))
       || format('N1*PR*%s*XV*%s~N1*PE*SMITH FAMILY PRACTICE*XX*1234567893~LX*1~', upper(p.name), 'PAYER' || t.payer_id)
       || t.claims
       || CASE WHEN t.interest > 0 OR t.recouped > 0
               THEN format('PLB*1234567893*%s1231%s%s~', extract(year FROM t.paid_date),
                           CASE WHEN t.recouped > 0 THEN format('*WO:RECOUP%s*%s', to_char(t.paid_date, 'YYYYMMDD'), t.recouped) ELSE '' END,
                           CASE WHEN t.interest > 0 THEN format('*L6:INTEREST*%s', -t.interest) ELSE '' END)
               ELSE '' END AS body
FROM era_transaction t JOIN demo.payers p USING (payer_id);

-- Envelopes and files.  ISA/IEA and GS/GE around the transactions of a
-- file (Harbor Advantage: around each transaction); SE counts segments.
INSERT INTO demo.era_files
SELECT lower(replace(p.name, ' ', '_')) || '_' || to_char(f.month, 'YYYY_MM') || '.835', f.payer_id,
       CASE WHEN f.payer_id = 3 THEN translate(f.text, '*:', '|>') ELSE f.text END
FROM (SELECT payer_id, month, string_agg(text, '' ORDER BY first_no) AS text
      FROM (SELECT t.payer_id, date_trunc('month', t.paid_date)::date AS month,
                   CASE WHEN t.payer_id = 6 THEN t.no_in_file ELSE 0 END AS envelope, min(t.no_in_file) AS first_no,
                   format('ISA*00*          *00*          *ZZ*%s*ZZ*%s*%s*1200*^*00501*%s*0*P*:~GS*HP*%s*SMITHFP*%s*1200*%s*X*005010X221A1~',
                          rpad('PAYER' || t.payer_id, 15), rpad('SMITHFP', 15), to_char(min(t.paid_date), 'YYMMDD'),
                          lpad((t.payer_id * 100000 + extract(month FROM min(t.paid_date)) * 100 + min(t.no_in_file))::text, 9, '0'),
                          'PAYER' || t.payer_id, to_char(min(t.paid_date), 'YYYYMMDD'), min(t.no_in_file))
                   || string_agg(format('ST*835*%1$s~%2$sSE*%3$s*%1$s~', lpad(t.no_in_file::text, 4, '0'), t.body,
                                        length(t.body) - length(replace(t.body, '~', '')) + 2), '' ORDER BY t.no_in_file)
                   || format('GE*%s*%s~IEA*1*%s~', count(*), min(t.no_in_file),
                             lpad((t.payer_id * 100000 + extract(month FROM min(t.paid_date)) * 100 + min(t.no_in_file))::text, 9, '0'))
                   AS text
            FROM era_transaction_text t
            GROUP BY t.payer_id, date_trunc('month', t.paid_date), CASE WHEN t.payer_id = 6 THEN t.no_in_file ELSE 0 END) e
      GROUP BY payer_id, month) f
JOIN demo.payers p USING (payer_id);

-- Line breaks after each segment, except from Medicare and Blue Meridian.
UPDATE demo.era_files SET content = replace(content, '~', E'~\n') WHERE payer_id NOT IN (1, 3);
