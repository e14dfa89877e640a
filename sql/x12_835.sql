--
-- X12 835 remittance advice: x12_835_claims, x12_835_lines,
-- x12_835_adjustments, x12_835_provider_adjustments, x12_835_balance.
-- Hand-written 835 texts; names, numbers and identifiers are made up.
--
CREATE TEMP TABLE remit (name text PRIMARY KEY, content text);

-- One interchange, one transaction, three claims: lines with modifiers,
-- a changed code, remarks, allowed amounts, units; claim- and line-level
-- CAS with quantities; PLB with a recoupment (WO) and interest (L6).
-- Balanced.  One segment per line.
INSERT INTO remit VALUES ('good', $x12$
ISA*00*          *00*          *ZZ*ACMEHEALTH     *ZZ*SMITHFP        *240315*1200*^*00501*000000101*0*T*:~
GS*HP*ACMEHEALTH*SMITHFP*20240315*1200*101*X*005010X221A1~
ST*835*0001~
BPR*I*320.75*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20240315~
TRN*1*EFT0001*1512345678~
DTM*405*20240314~
N1*PR*ACME HEALTH PLAN~
N3*PO BOX 100~
N4*SPRINGFIELD*IL*62701~
REF*2U*ACME01~
N1*PE*SMITH FAMILY PRACTICE*XX*1234567893~
REF*TJ*363636363~
LX*1~
CLP*PCN-001*1*300*220*30*12*PAYER0001*11*1~
NM1*QC*1*DOE*JANE*Q***MI*W123~
DTM*050*20240301~
DTM*232*20240220~
DTM*233*20240221~
AMT*I*1.25~
SVC*HC:99213:25*180*130**1~
DTM*472*20240220~
CAS*CO*45*20~
CAS*PR*2*30*1~
REF*6R*LINE-1~
AMT*B6*160~
LQ*HE*N130~
LQ*HE*M86~
SVC*HC:97110:GP:59:KX:XU*120.00*90.00**2*HC:97112~
DTM*150*20240221~
CAS*CO*45*30.00~
SVC*NU:0450*0*0*0450~
CLP*PCN-002*4*95.5*0**12*PAYER0002~
NM1*QC*1*ROE*RICHARD~
CAS*CO*29*95.5~
CLP*PCN-003*2*150*103.5*10*MB*PAYER0003~
NM1*QC*2*ACME CORP~
CAS*CO*45*34.5**253*2*~
CAS*PR*1*8**3*2~
PLB*1234567893*20241231*WO:PAYER0000*5*L6:PAYER0001*-2.25~
SE*38*0001~
GE*1*101~
IEA*1*000000101~
$x12$);

-- Two interchanges in one text.  The first (line breaks) holds two
-- transactions: payer identified by N104, then by REF*2U, payee without an
-- NPI, interest.  The second has other delimiters (element |, repetition },
-- component >, terminator !) and no line breaks: a reversal (CLP02 = 22)
-- and its correction, and a recoupment.
INSERT INTO remit VALUES ('two', $x12$
ISA*00*          *00*          *ZZ*ACMEHEALTH     *ZZ*SMITHFP        *240402*0900*^*00501*000000201*0*T*:~
GS*HP*ACMEHEALTH*SMITHFP*20240402*0900*201*X*005010X221A1~
ST*835*0001~
BPR*I*80*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20240402~
TRN*1*EFT0002*1512345678~
N1*PR*ACME HEALTH PLAN*XV*ACME01~
N1*PE*SMITH FAMILY PRACTICE*XX*1234567893~
LX*1~
CLP*PCN-004*1*100*80*20*12*PAYER0004~
CAS*PR*3*20~
SE*9*0001~
ST*835*0002~
BPR*I*61.4*C*CHK************20240403~
TRN*1*CHK55501*1999999999~
N1*PR*BETA MUTUAL~
REF*2U*BETA99~
N1*PE*SMITH FAMILY PRACTICE*FI*363636363~
LX*1~
CLP*PCN-005*1*75*61.4*0*CI*BETA0005~
DTM*050*20240101~
AMT*I*1.40~
CAS*CO*45*15~
CAS*OA*225*-1.40~
SE*13*0002~
GE*2*201~
IEA*1*000000201~
ISA|00|          |00|          |ZZ|ACMEHEALTH     |ZZ|SMITHFP        |240405|0900|}|00501|000000202|0|T|>!GS|HP|ACMEHEALTH|SMITHFP|20240405|0900|202|X|005010X221A1!ST|835|0003!BPR|I|10|C|ACH|CCP|01|999999999|DA|123456|1512345678||01|999988880|DA|98765|20240405!TRN|1|EFT0003|1512345678!N1|PR|ACME HEALTH PLAN|XV|ACME01!N1|PE|SMITH FAMILY PRACTICE|XX|1234567893!LX|1!CLP|PCN-010|22|-200|-150|-50|12|PAYER0010!SVC|HC>99214>25|-200|-150||-1!DTM|472|20240210!CAS|PR|1|-50!CLP|PCN-010|1|200|170|30|12|PAYER0010B!SVC|HC>99214>25|200|170||1!DTM|472|20240210!CAS|PR|1|30!PLB|1234567893|20241231|WO>PAYER0009|10!SE|16|0003!GE|1|202!IEA|1|000000202!
$x12$);

-- Every column of every function.
SELECT * FROM remit, x12_835_claims(content) WHERE name = 'good';
SELECT * FROM remit, x12_835_lines(content) WHERE name = 'good';
SELECT * FROM remit, x12_835_adjustments(content) WHERE name = 'good';
SELECT * FROM remit, x12_835_provider_adjustments(content) WHERE name = 'good';
SELECT * FROM remit, x12_835_balance(content) WHERE name = 'good';

SELECT * FROM remit, x12_835_claims(content) WHERE name = 'two';
SELECT * FROM remit, x12_835_lines(content) WHERE name = 'two';
SELECT * FROM remit, x12_835_adjustments(content) WHERE name = 'two';
SELECT * FROM remit, x12_835_provider_adjustments(content) WHERE name = 'two';
SELECT * FROM remit, x12_835_balance(content) WHERE name = 'two';

-- Amounts are exact numerics with the scale written in the file.
SELECT code, charge, pg_typeof(charge), scale(charge), paid, units
FROM remit, x12_835_lines(content) WHERE name = 'good';

-- Amounts repeat from row to row, and the numerics of recent ones are
-- reused (src/x12_835_functions.c): 100.04 and 101.48 fall in the same slot
-- of that cache, and a row holding one keeps it while the other is built;
-- the same amount at another scale (100.0) is a numeric of its own.  And
-- the claim's texts, the same on each of its rows, are built once.
SELECT line_no, patient_control_number, charge, paid, allowed, units, line_control_number
FROM x12_835_lines($x12$ISA*00*          *00*          *ZZ*ACMEHEALTH     *ZZ*SMITHFP        *240315*1200*^*00501*000000102*0*T*:~
GS*HP*ACMEHEALTH*SMITHFP*20240315*1200*102*X*005010X221A1~ST*835*0001~
BPR*I*0*C*NON************20240315~TRN*1*NOPAY01*1512345678~N1*PR*ACME HEALTH PLAN~N1*PE*SMITH FAMILY PRACTICE~LX*1~
CLP*PCN-009*1*401.56*402.56**12*PAYER0009~
SVC*HC:99213*100.04*100.04**1~AMT*B6*100.04~REF*6R*1~
SVC*HC:99213*100.04*101.48**1~AMT*B6*100.0~REF*6R*2~
SVC*HC:99213*101.48*100.0**1.0~AMT*B6*101.48~REF*6R*3~
SVC*HC:99213*100.0*100.04**1~AMT*B6*100.04~REF*6R*4~
SE*20*0001~GE*1*102~IEA*1*000000102~$x12$);

-- The same file without line breaks, with CRLF, and with spaces after the
-- terminators gives the same rows.
CREATE TEMP TABLE variant AS
SELECT v.name, v.content FROM remit,
    LATERAL (VALUES ('flat', replace(content, E'\n', '')),
                    ('crlf', replace(content, E'\n', E'\r\n')),
                    ('spaced', replace(content, E'~\n', E'~   \n\t'))) AS v(name, content)
WHERE remit.name = 'good';
SELECT v.name, length(v.content) < length(r.content) AS shorter,
       (SELECT array_agg(c ORDER BY claim_no) FROM x12_835_claims(v.content) c)::text
         = (SELECT array_agg(c ORDER BY claim_no) FROM x12_835_claims(r.content) c)::text AS same_claims,
       (SELECT array_agg(l ORDER BY claim_no, line_no) FROM x12_835_lines(v.content) l)::text
         = (SELECT array_agg(l ORDER BY claim_no, line_no) FROM x12_835_lines(r.content) l)::text AS same_lines,
       (SELECT array_agg(a) FROM x12_835_adjustments(v.content) a)::text
         = (SELECT array_agg(a) FROM x12_835_adjustments(r.content) a)::text AS same_adjustments,
       (SELECT array_agg(p) FROM x12_835_provider_adjustments(v.content) p)::text
         = (SELECT array_agg(p) FROM x12_835_provider_adjustments(r.content) p)::text AS same_plb,
       (SELECT count(*) FROM x12_835_balance(v.content)) AS imbalances
FROM variant v, remit r WHERE r.name = 'good' ORDER BY v.name;

-- A segment terminator that is a line break, and one that is a CR (the LF
-- after it is then a line break between segments).
SELECT t.terminator, transaction_no, claim_no, line_no, code, modifiers, charge, paid
FROM (VALUES ('LF', E'\n'), ('CR', E'\r\n')) AS t(terminator, ending),
     x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), E'~\n', t.ending))
ORDER BY 1, 2, 3, 4;

-- Modifiers repeat from line to line, change, and change back: each line
-- gets its own (a line whose modifiers are those of the line before reuses
-- their array).  Amounts written without whole digits, without decimals,
-- and with 18 digits in all are exact.
SELECT line_no, modifiers, charge, paid, units
FROM x12_835_lines(replace(replace((SELECT content FROM remit WHERE name = 'good'), 'SE*38*', 'SE*45*'),
     E'SVC*NU:0450*0*0*0450~\n',
     E'SVC*HC:99213:25*.5*.5**5.~\nSVC*HC:99213:25*0*0~\nSVC*HC:99213:59*0*0~\nSVC*HC:99213:25:9*0*0~\n' ||
     E'SVC*HC:99213:25:9*0*0~\nSVC*HC:99213*0*0~\nSVC*HC:99213::25*-.5*-.50**-0~\n' ||
     E'SVC*HC:99213:25*123456789012345678*1234567890.12345678**.000000000000000001~\n'))
WHERE claim_no = 1 AND line_no > 2 ORDER BY line_no;

-- A segment of more elements than are read (32) and longer than the
-- parser's 16-byte steps, then a short last segment at the very end.
SELECT count(*), sum(charge) FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'),
       'REF*6R*LINE-1~', 'REF*6R*LINE-1' || repeat('*abcdefghijklmnopqrstuvwxyz', 40) || '~'));

-- Empty trailing elements and a missing final terminator are fine.
SELECT claim_no, patient_control_number, charge, paid, patient_responsibility, filing_indicator
FROM x12_835_claims(replace(replace(rtrim((SELECT content FROM remit WHERE name = 'good'), E'\n~'),
                                    'CLP*PCN-002*4*95.5*0**12*PAYER0002~', 'CLP*PCN-002*4*95.5*0***~'),
                            'NM1*QC*1*ROE*RICHARD~', 'NM1*QC*1*ROE*RICHARD****~'));

-- A UTF-8 byte order mark before the ISA is skipped.
SELECT count(*) FROM x12_835_lines(convert_from('\xefbbbf'::bytea, 'UTF8') || (SELECT content FROM remit WHERE name = 'good'));

-- NULL in, no rows out.
SELECT count(*) FROM x12_835_lines(NULL);

--
-- Balancing: one of each imbalance.
--
-- a line: SVC02 180 -> 185 (the claim still balances on CLP03)
SELECT * FROM x12_835_balance(replace((SELECT content FROM remit WHERE name = 'good'),
                                      'SVC*HC:99213:25*180*', 'SVC*HC:99213:25*185*'));
-- a claim: CLP03 95.5 -> 96 (the claim has no lines; the transaction still balances)
SELECT * FROM x12_835_balance(replace((SELECT content FROM remit WHERE name = 'good'),
                                      'CLP*PCN-002*4*95.5*', 'CLP*PCN-002*4*96*'));
-- a transaction: BPR02 320.75 -> 320.57
SELECT * FROM x12_835_balance(replace((SELECT content FROM remit WHERE name = 'good'),
                                      'BPR*I*320.75*', 'BPR*I*320.57*'));
-- a reversal whose CAS has the wrong sign breaks its line and its claim
SELECT * FROM x12_835_balance(replace((SELECT content FROM remit WHERE name = 'two'),
                                      'CAS|PR|1|-50!', 'CAS|PR|1|50!'));
-- Sums beyond the balance check's 128 bits (18-digit amounts, one at scale
-- 18) are 22003, raised after the whole text is read: a text that also
-- breaks further on gets its syntax error, the same as from the other
-- functions (it got 22003, at the 107th segment).
CREATE TEMP TABLE huge AS
SELECT 'ISA*00*          *00*          *ZZ*A              *ZZ*B              *240101*1200*^*00501*000000001*0*T*:~'
       'GS*HP*A*B*20240101*1200*1*X*005010X221A1~ST*835*0001~BPR*I*0*C*NON~LX*1~CLP*P*1*0*0~CAS*CO*1*.000000000000000001~'
       || repeat('CAS*CO*1*999999999999999999*1*1*999999999999999999*1*1*999999999999999999~', 100) AS body;
SELECT count(*) FROM huge, x12_835_adjustments(body || 'SE*106*0001~GE*1*1~IEA*1*000000001~');
SELECT * FROM huge, x12_835_balance(body || 'SE*106*0001~GE*1*1~IEA*1*000000001~');
SELECT * FROM huge, x12_835_balance(body || 'SE*105*0001~GE*1*1~IEA*1*000000001~');

--
-- Errors: each names the segment (its position in the text) and element.
--
\set VERBOSITY default
-- The balance check sums exactly in 128 bits: 174 adjustments of 18 whole
-- digits and one of 18 decimal places (the sum rescaled to 10^-18) go beyond.
SELECT * FROM x12_835_balance(replace(replace((SELECT content FROM remit WHERE name = 'good'),
    'CAS*CO*45*20~', 'CAS*CO*45*20~' ||
    repeat(E'\nCAS*CO' || repeat('*45*999999999999999999*', 6) || '~', 29) ||
    E'\nCAS*CO*45*.000000000000000001~'), 'SE*38*', 'SE*68*'));
SELECT * FROM x12_835_claims('hello, world');
SELECT * FROM x12_835_claims('');
SELECT * FROM x12_835_claims(E'  \n ');
SELECT * FROM x12_835_claims('ISA*00*          *00*     ');
SELECT * FROM x12_835_claims('ISA*00*          *00*          *ZZ*A              *ZZ*B              *240101*1200*^*00501*000000001*0*T**~');
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'ST*835*0001', 'ST*837*0001'));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'SE*38*', 'SE*37*'));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'SE*38*', 'SE*3x*'));
-- 2^64 + 38: a count past 18 digits is refused before it could wrap around to 38
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'SE*38*', 'SE*18446744073709551654*'));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), E'SE*38*0001~\n', ''));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), E'GE*1*101~\n', ''));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), E'IEA*1*000000101~\n', ''));
SELECT * FROM x12_835_lines(split_part((SELECT content FROM remit WHERE name = 'good'), 'SE*38', 1));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'GE*1*', 'GE*2*'));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'IEA*1*', 'IEA*0*'));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), E'IEA*1*000000101~\n', '') ||
                            (SELECT content FROM remit WHERE name = 'good'));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'GE*1*101~', 'GE*1*101~CLP*X*1*1*1~'));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'ST*835*0001~', 'CLP*X*1*1*1~ST*835*0001~'));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'GS*HP', 'GX*HP'));
SELECT * FROM x12_835_lines((SELECT content FROM remit WHERE name = 'good') || 'GS*HP*A*B*20240315*1200*102*X*005010X221A1~');
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'LX*1~', 'LX*1~SVC*HC:99213*1*1~'));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'SE*38*0001', 'CAS*CO*45*1~SE*39*0001'));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'DTM*050*', 'D@M*050*'));
-- malformed amounts, numbers and dates
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'SVC*HC:99213:25*180*', 'SVC*HC:99213:25*18.0x*'));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'BPR*I*320.75*', 'BPR*I*1,320.75*'));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'CAS*CO*45*20~', 'CAS*CO*45*2.0.0~'));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'AMT*B6*160~', 'AMT*B6*-~'));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'AMT*I*1.25~', 'AMT*I*1234567890123456789~'));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'CAS*PR*2*30*1~', 'CAS*PR*2*30*one~'));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'DTM*472*20240220~', 'DTM*472*2024-02-20~'));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'DTM*472*20240220~', 'DTM*472*20230229~'));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), '*20240315~', '*20241315~'));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), '*20241231*', '*2024123*'));
-- missing required elements
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'CLP*PCN-002*4*95.5*', 'CLP*PCN-002*4**'));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'CLP*PCN-002*4*', 'CLP**4*'));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'SVC*NU:0450*0*0*', 'SVC**0*0*'));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'CAS*CO*29*95.5~', 'CAS*CO**95.5~'));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'CAS*CO*29*95.5~', 'CAS**29*95.5~'));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'PLB*1234567893*20241231*WO:PAYER0000*', 'PLB*1234567893*20241231**'));
-- Delimiters are ASCII (found while adding the 835 fuzz target and its
-- check that rows are valid text: a component separator and terminator
-- that were the two bytes of "é" cut the characters around them, and a
-- claim's CLP07 came back as text invalid in UTF-8).
SELECT * FROM x12_835_claims(replace(replace((SELECT content FROM remit WHERE name = 'good'), E'~\n', 'é'), '*T*:é', '*T*é'));
SELECT * FROM x12_835_claims(replace((SELECT content FROM remit WHERE name = 'good'), '*', '§'));
-- Quoted text is cut at a character boundary (it was cut at 40 bytes, in the
-- middle of a character: a message invalid in UTF-8).
SELECT * FROM x12_835_claims('a' || repeat('é', 30));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'SVC*HC:99213:25*180*', 'SVC*HC:99213:25*1' || repeat('é', 30) || '*'));
SELECT * FROM x12_835_lines(replace((SELECT content FROM remit WHERE name = 'good'), 'SE*38*', 'SE*3' || repeat('é', 15) || '*'));
-- an error in the second interchange: no rows from the first either
SELECT count(*) FROM x12_835_claims(replace((SELECT content FROM remit WHERE name = 'two'), 'CLP|PCN-010|1|200|', 'CLP|PCN-010|1|2OO|'));
-- SQLSTATEs: 22P02 for bad text, 22007 for a malformed date, 22008 for an impossible one
DO $$
DECLARE
    good text := (SELECT content FROM remit WHERE name = 'good');
    bad text;
BEGIN
    FOREACH bad IN ARRAY ARRAY['hello', replace(good, 'SE*38*', 'SE*37*'),
                               replace(good, 'ST*835*', 'ST*837*'),
                               replace(good, 'SVC*HC:99213:25*180*', 'SVC*HC:99213:25*18.0x*'),
                               replace(good, 'DTM*472*20240220~', 'DTM*472*2024-02-20~'),
                               replace(good, 'DTM*472*20240220~', 'DTM*472*20230229~')]
    LOOP
        BEGIN
            PERFORM count(*) FROM x12_835_lines(bad);
        EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE '%: %', SQLSTATE, SQLERRM;
        END;
    END LOOP;
END
$$;

-- A service line keeps at most 1,000,000 remark codes (the guide allows 99
-- LQ segments per line); past that, 54000 rather than a 1 GB allocation.
\set VERBOSITY default
CREATE TEMP TABLE lq AS
SELECT 'ISA*00*          *00*          *ZZ*A              *ZZ*B              *240101*1200*^*00501*000000001*0*T*:~'
       'GS*HP*A*B*20240101*1200*1*X*005010X221A1~ST*835*0001~BPR*I*0*C*NON~LX*1~CLP*P*1*0*0~SVC*HC:99213*0*0~' AS head;
SELECT count(*), max(cardinality(remark_codes))
FROM lq, x12_835_lines(head || repeat('LQ*HE*N1~', 1000000) || 'SE*1000006*0001~GE*1*1~IEA*1*000000001~');
SELECT count(*) FROM lq, x12_835_lines(head || repeat('LQ*HE*N1~', 1000001) || 'SE*1000007*0001~GE*1*1~IEA*1*000000001~');
