-- X12 835 parsing (issue 12): x12_835_lines and x12_835_adjustments over
-- generated 835 texts of 5 and 50 MB, against a bare length() of the same
-- text (the detoast they cannot beat) and against a plain-SQL parse
-- (string_to_table, split_part and window counts that tell which
-- transaction, claim and line each segment belongs to).

-- A synthetic, balanced 835 of about `megabytes` MB: transactions of 100
-- claims, each claim 3 service lines with DTM, two CAS, AMT*B6 and REF*6R.
CREATE FUNCTION bench.x12_835_text(megabytes numeric) RETURNS text
LANGUAGE sql AS $f$
WITH lines AS (
    SELECT c, l, 100 + (c * 3 + l) % 50 AS charge
    FROM generate_series(1, (megabytes * 1000000 / 400)::int) AS c, generate_series(1, 3) AS l
), claims AS (
    SELECT c, (c - 1) / 100 AS t, sum(charge) AS charge, sum(charge - 30) AS paid,
           string_agg(format('SVC*HC:99213:25*%s.00*%s.00**1~DTM*472*20240220~CAS*CO*45*20.00~CAS*PR*2*10.00~AMT*B6*%s.00~REF*6R*L%s~',
                             charge, charge - 30, charge - 10, l), '' ORDER BY l) AS svc
    FROM lines GROUP BY c
), transactions AS (
    SELECT t, count(*) AS n, sum(paid) AS paid,
           string_agg(format('CLP*PCN%s*1*%s.00*%s.00*90.00*12*PAYER%s~NM1*QC*1*DOE*JANE****MI*W%s~DTM*232*20240220~',
                             c, charge, paid, c, c) || svc, '' ORDER BY c) AS body
    FROM claims GROUP BY t
)
SELECT 'ISA*00*          *00*          *ZZ*ACMEHEALTH     *ZZ*SMITHFP        *240315*1200*^*00501*000000001*0*P*:~'
    || 'GS*HP*ACMEHEALTH*SMITHFP*20240315*1200*1*X*005010X221A1~'
    || string_agg(format('ST*835*%1$s~BPR*I*%2$s.00*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20240315~'
                         'TRN*1*EFT%1$s*1512345678~N1*PR*ACME HEALTH PLAN*XV*ACME01~N1*PE*SMITH FAMILY PRACTICE*XX*1234567893~LX*1~'
                         '%3$sSE*%4$s*%1$s~', lpad((t + 1)::text, 9, '0'), paid, body, 6 + 21 * n + 1), '' ORDER BY t)
    || format('GE*%s*1~IEA*1*000000001~', count(*))
FROM transactions
$f$;

-- lz4, as the loader stores files (pglz would make the detoast dominate).
CREATE TABLE bench.remit835 (name text PRIMARY KEY, megabytes numeric, content text COMPRESSION lz4);
INSERT INTO bench.remit835 SELECT m || ' MB', m, bench.x12_835_text(m) FROM unnest('{5,50}'::numeric[]) AS m;

-- The plain-SQL parse a user would write: segments numbered with
-- string_to_table, elements with split_part, the transaction, claim and line
-- each segment belongs to with window counts of ST, CLP and SVC before it.
CREATE VIEW bench.segments835_sql AS
SELECT name, o, s, id, transaction_no, claim_no,
       count(*) FILTER (WHERE id = 'SVC') OVER (PARTITION BY name, transaction_no, claim_no ORDER BY o) AS line_no
FROM (SELECT name, o, s, id, transaction_no,
             count(*) FILTER (WHERE id = 'CLP') OVER (PARTITION BY name, transaction_no ORDER BY o) AS claim_no
      FROM (SELECT name, o, s, id,
                   count(*) FILTER (WHERE id = 'ST') OVER (PARTITION BY name ORDER BY o) AS transaction_no
            FROM (SELECT r.name, x.o, x.s, split_part(x.s, '*', 1) AS id
                  FROM bench.remit835 r, string_to_table(r.content, '~') WITH ORDINALITY AS x(s, o)) seg
            WHERE id IN ('ST', 'CLP', 'SVC', 'CAS')) t) c;

-- What both sides compute: counts, sums of the numbering and the amounts,
-- and a checksum of the codes read (the sum of their hashes: the same codes
-- as often on both sides).  Until 2026-12-05 the codes were compared with
-- string_agg(DISTINCT ...), whose sort of every row's code cost more than
-- the C parse itself (330 ms of 630 for the adjustments): the same on both
-- sides, and not parsing.
CREATE VIEW bench.lines835_sql AS
SELECT name, count(*) AS lines, sum(transaction_no * 1000000 + claim_no * 100 + line_no) AS numbering,
       sum(split_part(s, '*', 3)::numeric) AS charge, sum(split_part(s, '*', 4)::numeric) AS paid,
       sum(hashtext(split_part(split_part(s, '*', 2), ':', 2))) AS codes
FROM bench.segments835_sql WHERE id = 'SVC' GROUP BY name;

CREATE VIEW bench.adjustments835_sql AS
SELECT name, count(*) AS adjustments,
       sum(transaction_no * 1000000 + claim_no * 100 + coalesce(nullif(line_no, 0), 0)) AS numbering,
       sum(split_part(s, '*', k + 1)::numeric) AS amount,
       sum(hashtext(split_part(s, '*', 2) || split_part(s, '*', k))) AS reasons
FROM bench.segments835_sql, generate_series(3, 18, 3) AS k
WHERE id = 'CAS' AND split_part(s, '*', k) <> '' GROUP BY name;

INSERT INTO bench.cases (issue, name, query, baseline, baseline_is, target)
SELECT 12, format(t.label, m.name), format(t.query, m.name), format(t.baseline, m.name), t.baseline_is, t.target
FROM (VALUES ('5 MB', 1), ('50 MB', 2)) AS m(name, o),
     (VALUES (1, 'x12_835_lines over a %s 835, vs bare length() of the text',
              'SELECT count(*), sum(charge), sum(paid) FROM bench.remit835 r, x12_835_lines(r.content) WHERE r.name = %L',
              'SELECT length(content) FROM bench.remit835 WHERE name = %L', 'bare scan', 'report'),
             (2, 'x12_835_lines over a %s 835, vs a plain-SQL parse (string_to_table, split_part, window counts)',
              'SELECT count(*), sum(transaction_no * 1000000 + claim_no * 100 + line_no), sum(charge), sum(paid), sum(hashtext(code)) FROM bench.remit835 r, x12_835_lines(r.content) WHERE r.name = %L',
              'SELECT lines, numbering, charge, paid, codes FROM bench.lines835_sql WHERE name = %L', 'same answer', 'speedup >= 10'),
             (3, 'x12_835_adjustments over a %s 835, vs bare length() of the text',
              'SELECT count(*), sum(amount) FROM bench.remit835 r, x12_835_adjustments(r.content) WHERE r.name = %L',
              'SELECT length(content) FROM bench.remit835 WHERE name = %L', 'bare scan', 'report'),
             (4, 'x12_835_adjustments over a %s 835, vs a plain-SQL parse (string_to_table, split_part, window counts)',
              'SELECT count(*), sum(transaction_no * 1000000 + claim_no * 100 + coalesce(line_no, 0)), sum(amount), sum(hashtext(group_code || reason_code)) FROM bench.remit835 r, x12_835_adjustments(r.content) WHERE r.name = %L',
              'SELECT adjustments, numbering, amount, reasons FROM bench.adjustments835_sql WHERE name = %L', 'same answer', 'speedup >= 10'))
         AS t(o, label, query, baseline, baseline_is, target)
ORDER BY m.o, t.o;
