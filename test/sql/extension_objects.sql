-- Every object of the contracts_ext extension with its definition, one line
-- each, in a stable order: what test/upgrade.sh compares between an updated
-- 1.0 install and a fresh 1.1 install.  OIDs never appear: references are
-- printed by name (regproc, regtype, ...), so two databases compare equal.
WITH ext AS (
    SELECT oid FROM pg_extension WHERE extname = 'contracts_ext'
), members AS (
    SELECT d.classid, d.objid, d.objsubid
    FROM pg_depend d, ext
    WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid AND d.deptype = 'e'
), defs AS (
    SELECT pg_describe_object(m.classid, m.objid, m.objsubid) AS object,
           coalesce(obj_description(m.objid, m.classid::regclass::text), '(no comment)') AS comment,
           CASE m.classid
           WHEN 'pg_proc'::regclass THEN (
               SELECT format('kind=%s volatile=%s strict=%s parallel=%s secdef=%s leakproof=%s cost=%s rows=%s config=%s acl=%s | %s',
                             p.prokind, p.provolatile, p.proisstrict, p.proparallel, p.prosecdef, p.proleakproof,
                             p.procost, p.prorows, p.proconfig, p.proacl,
                             CASE WHEN p.prokind = 'a' THEN (
                                 SELECT format('aggregate(%s) sfunc=%s stype=%s combine=%s final=%s finalextra=%s serial=%s deserial=%s init=%s msfunc=%s kind=%s',
                                               pg_get_function_identity_arguments(p.oid), a.aggtransfn, a.aggtranstype::regtype, a.aggcombinefn,
                                               a.aggfinalfn, a.aggfinalextra, a.aggserialfn, a.aggdeserialfn, a.agginitval, a.aggmtransfn, a.aggkind)
                                 FROM pg_aggregate a WHERE a.aggfnoid = p.oid)
                             ELSE pg_get_functiondef(p.oid) END)
               FROM pg_proc p WHERE p.oid = m.objid)
           WHEN 'pg_type'::regclass THEN (
               SELECT format('type len=%s byval=%s type=%s category=%s preferred=%s in=%s out=%s recv=%s send=%s mod_in=%s mod_out=%s analyze=%s align=%s storage=%s notnull=%s elem=%s array=%s subscript=%s collation=%s acl=%s attributes=%s',
                             t.typlen, t.typbyval, t.typtype, t.typcategory, t.typispreferred, t.typinput, t.typoutput,
                             t.typreceive, t.typsend, t.typmodin, t.typmodout, t.typanalyze, t.typalign, t.typstorage,
                             t.typnotnull, t.typelem::regtype, t.typarray::regtype, t.typsubscript, t.typcollation, t.typacl,
                             (SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
                              FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped))
               FROM pg_type t WHERE t.oid = m.objid)
           WHEN 'pg_operator'::regclass THEN (
               SELECT format('operator %s(%s, %s) returns %s code=%s commutator=%s negator=%s restrict=%s join=%s merges=%s hashes=%s',
                             o.oprname, o.oprleft::regtype, o.oprright::regtype, o.oprresult::regtype, o.oprcode,
                             o.oprcom::regoperator, o.oprnegate::regoperator, o.oprrest, o.oprjoin, o.oprcanmerge, o.oprcanhash)
               FROM pg_operator o WHERE o.oid = m.objid)
           WHEN 'pg_opclass'::regclass THEN (
               SELECT format('opclass %s using %s for %s default=%s family=%s operators=[%s] functions=[%s]',
                             c.opcname, am.amname, c.opcintype::regtype, c.opcdefault, f.opfname,
                             (SELECT string_agg(format('%s:%s', o.amopstrategy, o.amopopr::regoperator), ' ' ORDER BY o.amopstrategy, o.amopopr::regoperator::text)
                              FROM pg_amop o WHERE o.amopfamily = c.opcfamily),
                             (SELECT string_agg(format('%s:%s', p.amprocnum, p.amproc::regprocedure), ' ' ORDER BY p.amprocnum, p.amproc::regprocedure::text)
                              FROM pg_amproc p WHERE p.amprocfamily = c.opcfamily))
               FROM pg_opclass c JOIN pg_am am ON am.oid = c.opcmethod JOIN pg_opfamily f ON f.oid = c.opcfamily
               WHERE c.oid = m.objid)
           WHEN 'pg_opfamily'::regclass THEN (
               SELECT format('opfamily %s using %s', f.opfname, am.amname)
               FROM pg_opfamily f JOIN pg_am am ON am.oid = f.opfmethod WHERE f.oid = m.objid)
           WHEN 'pg_cast'::regclass THEN (
               SELECT format('cast %s -> %s func=%s context=%s method=%s',
                             c.castsource::regtype, c.casttarget::regtype, c.castfunc::regprocedure, c.castcontext, c.castmethod)
               FROM pg_cast c WHERE c.oid = m.objid)
           WHEN 'pg_class'::regclass THEN (
               SELECT format('relation kind=%s persistence=%s acl=%s options=%s columns=[%s] constraints=[%s] indexes=[%s] view=%s config_dump=%s',
                             c.relkind, c.relpersistence, c.relacl, c.reloptions,
                             (SELECT string_agg(format('%s %s notnull=%s default=%s comment=%s', a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                                                       pg_get_expr(ad.adbin, ad.adrelid), col_description(c.oid, a.attnum)), ', ' ORDER BY a.attnum)
                              FROM pg_attribute a LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
                              WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
                             (SELECT string_agg(pg_get_constraintdef(k.oid), ', ' ORDER BY pg_get_constraintdef(k.oid))
                              FROM pg_constraint k WHERE k.conrelid = c.oid),
                             (SELECT string_agg(regexp_replace(pg_get_indexdef(i.indexrelid), ' ON \S+', ''), ', ' ORDER BY 1)
                              FROM pg_index i WHERE i.indrelid = c.oid),
                             CASE WHEN c.relkind = 'v' THEN pg_get_viewdef(c.oid) END,
                             (SELECT e.extcondition FROM pg_extension e, ext WHERE e.oid = ext.oid))
               FROM pg_class c WHERE c.oid = m.objid)
           ELSE '(class ' || m.classid::regclass || ': not compared beyond its name)'
           END AS definition
    FROM members m
)
SELECT object || E'\n    ' || coalesce(definition, '(no definition)') || E'\n    comment: ' || comment
FROM defs
ORDER BY object;
