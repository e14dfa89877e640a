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

-- (end of section)


--------------------------------------------------------------------------
-- 1.1: Contract matrix terms
--------------------------------------------------------------------------

-- (end of section)


--------------------------------------------------------------------------
-- 1.1: Reliability: ordering, limits, security
--------------------------------------------------------------------------

-- A btree order on the canonical form of contract, rate_schedule and
-- capitation (bytes compared unsigned, a prefix first): a total order that
-- agrees with =, for DISTINCT, ORDER BY, UNIQUE indexes and merge joins.
-- It says nothing about the values' meaning.
CREATE FUNCTION contract_lt(contract, contract) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION contract_lt(contract, contract) IS 'less than in the canonical order of contracts (the < operator)';
CREATE FUNCTION contract_le(contract, contract) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION contract_le(contract, contract) IS 'less than or equal to in the canonical order of contracts (the <= operator)';
CREATE FUNCTION contract_gt(contract, contract) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION contract_gt(contract, contract) IS 'greater than in the canonical order of contracts (the > operator)';
CREATE FUNCTION contract_ge(contract, contract) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION contract_ge(contract, contract) IS 'greater than or equal to in the canonical order of contracts (the >= operator)';
CREATE FUNCTION contract_cmp(contract, contract) RETURNS integer
    AS 'MODULE_PATHNAME', 'canonical_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION contract_cmp(contract, contract) IS '-1, 0 or 1: the canonical order of contracts (btree support)';
CREATE OPERATOR < (
    LEFTARG = contract, RIGHTARG = contract, PROCEDURE = contract_lt,
    COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR <= (
    LEFTARG = contract, RIGHTARG = contract, PROCEDURE = contract_le,
    COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR > (
    LEFTARG = contract, RIGHTARG = contract, PROCEDURE = contract_gt,
    COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR >= (
    LEFTARG = contract, RIGHTARG = contract, PROCEDURE = contract_ge,
    COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);
CREATE OPERATOR CLASS contract_btree_ops DEFAULT FOR TYPE contract USING btree AS
    OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
    FUNCTION 1 contract_cmp(contract, contract);
CREATE FUNCTION rate_schedule_lt(rate_schedule, rate_schedule) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION rate_schedule_lt(rate_schedule, rate_schedule) IS 'less than in the canonical order of rate schedules (the < operator)';
CREATE FUNCTION rate_schedule_le(rate_schedule, rate_schedule) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION rate_schedule_le(rate_schedule, rate_schedule) IS 'less than or equal to in the canonical order of rate schedules (the <= operator)';
CREATE FUNCTION rate_schedule_gt(rate_schedule, rate_schedule) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION rate_schedule_gt(rate_schedule, rate_schedule) IS 'greater than in the canonical order of rate schedules (the > operator)';
CREATE FUNCTION rate_schedule_ge(rate_schedule, rate_schedule) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION rate_schedule_ge(rate_schedule, rate_schedule) IS 'greater than or equal to in the canonical order of rate schedules (the >= operator)';
CREATE FUNCTION rate_schedule_cmp(rate_schedule, rate_schedule) RETURNS integer
    AS 'MODULE_PATHNAME', 'canonical_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION rate_schedule_cmp(rate_schedule, rate_schedule) IS '-1, 0 or 1: the canonical order of rate schedules (btree support)';
CREATE OPERATOR < (
    LEFTARG = rate_schedule, RIGHTARG = rate_schedule, PROCEDURE = rate_schedule_lt,
    COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR <= (
    LEFTARG = rate_schedule, RIGHTARG = rate_schedule, PROCEDURE = rate_schedule_le,
    COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR > (
    LEFTARG = rate_schedule, RIGHTARG = rate_schedule, PROCEDURE = rate_schedule_gt,
    COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR >= (
    LEFTARG = rate_schedule, RIGHTARG = rate_schedule, PROCEDURE = rate_schedule_ge,
    COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);
CREATE OPERATOR CLASS rate_schedule_btree_ops DEFAULT FOR TYPE rate_schedule USING btree AS
    OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
    FUNCTION 1 rate_schedule_cmp(rate_schedule, rate_schedule);
CREATE FUNCTION capitation_lt(capitation, capitation) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION capitation_lt(capitation, capitation) IS 'less than in the canonical order of capitation terms (the < operator)';
CREATE FUNCTION capitation_le(capitation, capitation) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION capitation_le(capitation, capitation) IS 'less than or equal to in the canonical order of capitation terms (the <= operator)';
CREATE FUNCTION capitation_gt(capitation, capitation) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION capitation_gt(capitation, capitation) IS 'greater than in the canonical order of capitation terms (the > operator)';
CREATE FUNCTION capitation_ge(capitation, capitation) RETURNS boolean
    AS 'MODULE_PATHNAME', 'canonical_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION capitation_ge(capitation, capitation) IS 'greater than or equal to in the canonical order of capitation terms (the >= operator)';
CREATE FUNCTION capitation_cmp(capitation, capitation) RETURNS integer
    AS 'MODULE_PATHNAME', 'canonical_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION capitation_cmp(capitation, capitation) IS '-1, 0 or 1: the canonical order of capitation terms (btree support)';
CREATE OPERATOR < (
    LEFTARG = capitation, RIGHTARG = capitation, PROCEDURE = capitation_lt,
    COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR <= (
    LEFTARG = capitation, RIGHTARG = capitation, PROCEDURE = capitation_le,
    COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR > (
    LEFTARG = capitation, RIGHTARG = capitation, PROCEDURE = capitation_gt,
    COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR >= (
    LEFTARG = capitation, RIGHTARG = capitation, PROCEDURE = capitation_ge,
    COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);
CREATE OPERATOR CLASS capitation_btree_ops DEFAULT FOR TYPE capitation USING btree AS
    OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
    FUNCTION 1 capitation_cmp(capitation, capitation);
-- = becomes merge-joinable (CREATE OPERATOR ... MERGES in a fresh install).
-- ALTER OPERATOR can say so from PostgreSQL 17 on; before, only the catalog.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['contract', 'rate_schedule', 'capitation'] LOOP
        IF current_setting('server_version_num')::int >= 170000 THEN
            EXECUTE format('ALTER OPERATOR = (%1$s, %1$s) SET (MERGES)', quote_ident(t));
        ELSE
            UPDATE pg_catalog.pg_operator SET oprcanmerge = true
             WHERE oid = format('=(%1$s, %1$s)', quote_ident(t))::pg_catalog.regoperator;
        END IF;
    END LOOP;
END
$$;

-- (end of section)


--------------------------------------------------------------------------
-- 1.1: Domain corrections: deadlines, pricing rules, denials, CARC list
--------------------------------------------------------------------------

-- (end of section)

