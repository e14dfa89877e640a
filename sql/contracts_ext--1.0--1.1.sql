-- contracts_ext 1.0 -> 1.1: everything added or changed since 1.0.
-- Each section here has its twin in contracts_ext--1.1.sql; a test checks
-- that an updated 1.0 install and a fresh 1.1 install have the same objects.
\echo Use "ALTER EXTENSION contracts_ext UPDATE TO '1.1'" to load this file. \quit

--------------------------------------------------------------------------
-- 1.1: Rate schedule cache, versions and renewals
--------------------------------------------------------------------------

-- (end of section)


--------------------------------------------------------------------------
-- 1.1: X12 835 remittance advice
--------------------------------------------------------------------------

-- (end of section)


--------------------------------------------------------------------------
-- 1.1: Medicare physician fee schedule
--------------------------------------------------------------------------

-- CMS's physician fee schedule files, loaded by the user (extension
-- configuration, so pg_dump keeps their rows).  The tables belong to the
-- extension; in a trusted install a non-superuser database owner may load
-- and change them (the grant to @extowner@), and everyone may read them.
CREATE TABLE pfs_rvu (
    year integer NOT NULL,
    hcpcs text NOT NULL CHECK (hcpcs ~ '^[A-Z0-9]{3,7}$' AND hcpcs ~ '[0-9]'),
    modifier text NOT NULL DEFAULT '' CHECK (modifier ~ '^([A-Z0-9]{2})?$'),
    status text NOT NULL,
    work_rvu numeric CHECK (work_rvu >= 0),
    pe_nonfacility numeric CHECK (pe_nonfacility >= 0),
    pe_facility numeric CHECK (pe_facility >= 0),
    mp_rvu numeric CHECK (mp_rvu >= 0),
    pctc text,
    global_days text,
    mult_proc text,
    bilateral text,
    assistant text,
    co_surgeon text,
    team text,
    conversion_factor numeric CHECK (conversion_factor >= 0),
    PRIMARY KEY (year, hcpcs, modifier)
);
COMMENT ON TABLE pfs_rvu IS
    'CMS physician fee schedule relative value file (PPRRVU): per year, HCPCS code and modifier ('''' for the global row, 26, TC, 53), status, RVUs (pe_nonfacility NULL where CMS prints NA) and payment indicators';
CREATE TABLE pfs_gpci (
    year integer NOT NULL,
    locality text NOT NULL,
    mac text NOT NULL,
    name text,
    work numeric NOT NULL CHECK (work >= 0),
    pe numeric NOT NULL CHECK (pe >= 0),
    mp numeric NOT NULL CHECK (mp >= 0),
    PRIMARY KEY (year, locality)
);
COMMENT ON TABLE pfs_gpci IS
    'CMS geographic practice cost indices per year and Medicare locality (locality: MAC number and 2-digit locality number, as 0111254); work GPCI with the floor applied';
SELECT pg_catalog.pg_extension_config_dump('pfs_rvu', '');
SELECT pg_catalog.pg_extension_config_dump('pfs_gpci', '');
GRANT SELECT ON pfs_rvu, pfs_gpci TO PUBLIC;
GRANT INSERT, UPDATE, DELETE, TRUNCATE ON pfs_rvu, pfs_gpci TO @extowner@;

CREATE FUNCTION medicare_fee(work_rvu numeric, pe_rvu numeric, mp_rvu numeric,
                             gpci_work numeric, gpci_pe numeric, gpci_mp numeric,
                             conversion_factor numeric) RETURNS numeric
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION medicare_fee(numeric, numeric, numeric, numeric, numeric, numeric, numeric) IS
    'Medicare fee schedule amount: (work RVU x work GPCI + PE RVU x PE GPCI + MP RVU x MP GPCI) x conversion factor, rounded half up to cents';

CREATE FUNCTION medicare_schedule(year integer, locality text) RETURNS rate_schedule
    AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION medicare_schedule(integer, text) IS
    'a locality''s Medicare fee schedule for a year as a rate_schedule, from pfs_rvu and pfs_gpci: facility and non-facility amounts and CMS''s payment indicators; NULL without rows';

CREATE FUNCTION medicare_allowed(code text, modifiers text[], year integer, locality text,
                                 facility boolean DEFAULT false,
                                 units numeric DEFAULT 1, procedure_rank integer DEFAULT 1) RETURNS numeric
    AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION medicare_allowed(text, text[], integer, text, boolean, numeric, integer) IS
    'the Medicare allowed amount of a claim line from pfs_rvu and pfs_gpci (CMS Claims Processing Manual ch. 12): component rows, facility PE, status, MPPR, bilateral, assistant and co-surgeon indicators, units; equals expected_allowed(medicare_schedule(year, locality), ...)';

-- Loading CMS's CSV files: each line read whole by \copy (see the README),
-- split here, columns found by their header names (the layout changes
-- between years), descriptions dropped.  SQL-standard bodies are bound at
-- creation, so they keep working when the extension is relocated.
CREATE FUNCTION pfs_csv_fields(line text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT pg_catalog.array_agg(CASE WHEN m[1] LIKE '"%' THEN pg_catalog.replace(pg_catalog.substr(m[1], 2, pg_catalog.length(m[1]) - 2), '""', '"')
                                     ELSE m[1] END ORDER BY n)
    FROM pg_catalog.regexp_matches(line || ',', '("(?:[^"]|"")*"|[^,"]*),', 'g') WITH ORDINALITY AS f(m, n);
END;
COMMENT ON FUNCTION pfs_csv_fields(text) IS 'the fields of one CSV line (quoted fields unquoted), for loading CMS files';

CREATE FUNCTION pfs_csv_columns(lines text[], header_field text) RETURNS TABLE (header integer, names text[])
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    -- the header row is the first whose fields include header_field; a column's
    -- name joins its cells in that row and the three above, letters and digits only
    WITH rows AS (SELECT n::integer AS n, pfs_csv_fields(l) AS f
                  FROM pg_catalog.unnest(lines) WITH ORDINALITY AS u(l, n)),
         h AS (SELECT pg_catalog.min(n) AS n FROM rows
               WHERE pg_catalog.upper(header_field) = ANY (SELECT pg_catalog.upper(pg_catalog.btrim(x)) FROM pg_catalog.unnest(f) AS x))
    SELECT h.n, ARRAY(SELECT pg_catalog.regexp_replace(pg_catalog.upper(pg_catalog.string_agg(coalesce(r.f[j], ''), ' ' ORDER BY r.n)), '[^A-Z0-9]', '', 'g')
                      FROM pg_catalog.generate_series(1, pg_catalog.cardinality(hr.f)) AS j, rows r
                      WHERE r.n BETWEEN h.n - 3 AND h.n GROUP BY j ORDER BY j)
    FROM h JOIN rows hr ON hr.n = h.n;
END;
COMMENT ON FUNCTION pfs_csv_columns(text[], text) IS 'where a CMS CSV file''s header row is and its column names (header cells joined, letters and digits only)';

CREATE FUNCTION pfs_rvu_csv(year integer, lines text[]) RETURNS SETOF pfs_rvu
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    WITH hdr AS (SELECT * FROM pfs_csv_columns(lines, 'HCPCS')),
         col AS (SELECT (SELECT pg_catalog.min(j) FROM pg_catalog.generate_subscripts(hdr.names, 1) AS j
                         WHERE hdr.names[j] LIKE '%' || want
                           AND NOT (want LIKE 'FACILITY%' AND hdr.names[j] LIKE '%NON%')) AS j, want
                 FROM hdr, pg_catalog.unnest(ARRAY['HCPCS', 'MOD', 'STATUSCODE', 'WORKRVU', 'NONFACPERVU',
                                                   'FACILITYPERVU', 'MPRVU', 'PCTCIND', 'GLOBDAYS', 'MULTPROC', 'BILATSURG',
                                                   'ASSTSURG', 'COSURG', 'TEAMSURG', 'CONVFACTOR']) AS want),
         c AS (SELECT pg_catalog.array_agg(j ORDER BY want) AS j, pg_catalog.array_agg(want ORDER BY want) AS w FROM col),
         pos AS (SELECT j[pg_catalog.array_position(w, 'HCPCS')] AS hcpcs, j[pg_catalog.array_position(w, 'MOD')] AS modifier,
                        j[pg_catalog.array_position(w, 'STATUSCODE')] AS status, j[pg_catalog.array_position(w, 'WORKRVU')] AS work,
                        j[pg_catalog.array_position(w, 'NONFACPERVU')] AS pe_nf, -- the non-facility NA indicator: the first NA INDICATOR after it
                        (SELECT pg_catalog.min(k) FROM hdr, pg_catalog.generate_subscripts(hdr.names, 1) AS k
                         WHERE hdr.names[k] LIKE '%NAINDICATOR' AND k > j[pg_catalog.array_position(w, 'NONFACPERVU')]) AS pe_nf_na,
                        j[pg_catalog.array_position(w, 'FACILITYPERVU')] AS pe_f, j[pg_catalog.array_position(w, 'MPRVU')] AS mp,
                        j[pg_catalog.array_position(w, 'PCTCIND')] AS pctc, j[pg_catalog.array_position(w, 'GLOBDAYS')] AS glob,
                        j[pg_catalog.array_position(w, 'MULTPROC')] AS mult, j[pg_catalog.array_position(w, 'BILATSURG')] AS bilat,
                        j[pg_catalog.array_position(w, 'ASSTSURG')] AS asst, j[pg_catalog.array_position(w, 'COSURG')] AS cosurg,
                        j[pg_catalog.array_position(w, 'TEAMSURG')] AS team, j[pg_catalog.array_position(w, 'CONVFACTOR')] AS cf
                 FROM c),
         data AS (SELECT pfs_csv_fields(l) AS f
                  FROM pg_catalog.unnest(lines) WITH ORDINALITY AS u(l, n), hdr
                  WHERE u.n > hdr.header)
    SELECT year, pg_catalog.upper(pg_catalog.btrim(f[p.hcpcs])), pg_catalog.upper(pg_catalog.btrim(coalesce(f[p.modifier], ''))),
           pg_catalog.btrim(f[p.status]),
           nullif(pg_catalog.btrim(f[p.work]), '')::numeric,
           CASE WHEN pg_catalog.upper(pg_catalog.btrim(f[p.pe_nf_na])) = 'NA' THEN NULL
                ELSE nullif(pg_catalog.btrim(f[p.pe_nf]), '')::numeric END,
           nullif(pg_catalog.btrim(f[p.pe_f]), '')::numeric,
           nullif(pg_catalog.btrim(f[p.mp]), '')::numeric,
           pg_catalog.btrim(f[p.pctc]), pg_catalog.btrim(f[p.glob]), pg_catalog.btrim(f[p.mult]), pg_catalog.btrim(f[p.bilat]),
           pg_catalog.btrim(f[p.asst]), pg_catalog.btrim(f[p.cosurg]), pg_catalog.btrim(f[p.team]),
           nullif(pg_catalog.btrim(f[p.cf]), '')::numeric
    FROM data, pos p
    WHERE pg_catalog.upper(pg_catalog.btrim(f[p.hcpcs])) ~ '^[A-Z0-9]{5}$';
END;
COMMENT ON FUNCTION pfs_rvu_csv(integer, text[]) IS
    'the rows of a CMS PPRRVU CSV file (its lines, in order) as pfs_rvu rows, columns found by their header names, descriptions dropped, NA non-facility PE as NULL';

CREATE FUNCTION pfs_gpci_csv(year integer, lines text[]) RETURNS SETOF pfs_gpci
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    WITH hdr AS (SELECT * FROM pfs_csv_columns(lines, 'Locality Number')),
         pos AS (SELECT (SELECT pg_catalog.min(j) FROM pg_catalog.generate_subscripts(names, 1) AS j
                         WHERE names[j] ~ '(MAC|CONTRACTOR)$') AS mac,
                        (SELECT pg_catalog.min(j) FROM pg_catalog.generate_subscripts(names, 1) AS j
                         WHERE names[j] ~ 'LOCALITYNUMBER$') AS loc,
                        (SELECT pg_catalog.min(j) FROM pg_catalog.generate_subscripts(names, 1) AS j
                         WHERE names[j] ~ 'LOCALITYNAME$') AS name,
                        -- the work GPCI with the 1.0 floor when the file has both
                        (SELECT j FROM pg_catalog.generate_subscripts(names, 1) AS j
                         WHERE names[j] ~ 'PWGPCI' AND names[j] !~ 'WITHOUT'
                         ORDER BY names[j] ~ 'WITH10FLOOR' DESC, j LIMIT 1) AS work,
                        (SELECT pg_catalog.min(j) FROM pg_catalog.generate_subscripts(names, 1) AS j
                         WHERE names[j] ~ 'PEGPCI') AS pe,
                        (SELECT pg_catalog.min(j) FROM pg_catalog.generate_subscripts(names, 1) AS j
                         WHERE names[j] ~ 'MPGPCI') AS mp
                 FROM hdr),
         data AS (SELECT pfs_csv_fields(l) AS f
                  FROM pg_catalog.unnest(lines) WITH ORDINALITY AS u(l, n), hdr
                  WHERE u.n > hdr.header)
    SELECT year, pg_catalog.btrim(f[p.mac]) || pg_catalog.lpad(pg_catalog.btrim(f[p.loc]), 2, '0'), pg_catalog.btrim(f[p.mac]),
           pg_catalog.btrim(f[p.name]), pg_catalog.btrim(f[p.work])::numeric, pg_catalog.btrim(f[p.pe])::numeric,
           pg_catalog.btrim(f[p.mp])::numeric
    FROM data, pos p
    WHERE pg_catalog.btrim(f[p.mac]) ~ '^[0-9]{5}$' AND pg_catalog.btrim(f[p.loc]) ~ '^[0-9]{1,2}$';
END;
COMMENT ON FUNCTION pfs_gpci_csv(integer, text[]) IS
    'the rows of a CMS GPCI CSV file (its lines, in order) as pfs_gpci rows: locality = MAC number || 2-digit locality number, the work GPCI with the floor';

-- (end of section)


--------------------------------------------------------------------------
-- 1.1: Contract matrix terms
--------------------------------------------------------------------------

-- (end of section)


--------------------------------------------------------------------------
-- 1.1: Reliability: ordering, limits, security
--------------------------------------------------------------------------

-- (end of section)


--------------------------------------------------------------------------
-- 1.1: Domain corrections: deadlines, pricing rules, denials, CARC list
--------------------------------------------------------------------------

-- (end of section)

