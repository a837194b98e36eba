-- Ruleset versions that passed their gate, each stored once under its content hash: the rules
-- folder as a zip archive and the gate's report. Any instance renders and replays any record on
-- the version that decided it.
CREATE TABLE ruleset_version (
    version     VARCHAR(80)              NOT NULL PRIMARY KEY,
    stored_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    archive     BYTEA                    NOT NULL,
    gate_report TEXT                     NOT NULL
);

-- Evaluations keep what decided (a compact record, deflated by the service) instead of the
-- rendered document; records written before this change keep their document, served as stored.
ALTER TABLE evaluation ALTER COLUMN document DROP NOT NULL;
ALTER TABLE evaluation ADD COLUMN record BYTEA;
ALTER TABLE evaluation ADD COLUMN digest BYTEA;

-- The claims that fired, as an array on the evaluation with a GIN index: its posting lists store a
-- few bytes per claim, where one row per claim cost about 90 bytes with its index entry. A claim
-- search walks the newest-first index and filters, or bitmaps the GIN index for rare claims.
ALTER TABLE evaluation ADD COLUMN claims TEXT[];
UPDATE evaluation e SET claims = ARRAY(SELECT c.claim_id FROM evaluation_claim c WHERE c.evaluation_id = e.id ORDER BY c.claim_id);
UPDATE evaluation SET claims = '{}' WHERE claims IS NULL;
ALTER TABLE evaluation ALTER COLUMN claims SET NOT NULL;
CREATE INDEX evaluation_by_claims ON evaluation USING GIN (claims);
DROP TABLE evaluation_claim;
