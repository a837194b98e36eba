-- Ruleset versions that passed their gate, each stored once under its content hash: the rules
-- folder as a zip archive and the gate's report. Any instance renders and replays any record on
-- the version that decided it.
CREATE TABLE ruleset_version (
    version     VARCHAR(80)              NOT NULL PRIMARY KEY,
    stored_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    archive     BLOB                     NOT NULL,
    gate_report CLOB                     NOT NULL
);

-- Evaluations keep what decided (a compact record) instead of the rendered document; records
-- written before this change keep their document and are served as stored.
ALTER TABLE evaluation ALTER COLUMN document SET NULL;
ALTER TABLE evaluation ADD COLUMN record VARBINARY(1000000);
ALTER TABLE evaluation ADD COLUMN digest VARBINARY(32);
