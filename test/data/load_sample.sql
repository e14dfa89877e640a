-- The README's load commands, on the excerpts of CMS's 2025 files in this directory
-- (README.md here gives their sources); run from the repository's top directory.
CREATE TEMP TABLE pprrvu_lines (n serial, line text);
\copy pprrvu_lines (line) FROM 'test/data/PPRRVU_sample.csv' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02', ENCODING 'WIN1252')
INSERT INTO pfs_rvu SELECT * FROM pfs_rvu_csv(2025, ARRAY(SELECT line FROM pprrvu_lines ORDER BY n));
CREATE TEMP TABLE gpci_lines (n serial, line text);
\copy gpci_lines (line) FROM 'test/data/GPCI_sample.csv' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02', ENCODING 'WIN1252')
INSERT INTO pfs_gpci SELECT * FROM pfs_gpci_csv(2025, ARRAY(SELECT line FROM gpci_lines ORDER BY n));
