-- Scores for listings and exports without opening the document, and the indexes the audit-log
-- filters use (each ends with the newest-first order, so a filtered page is an index range scan).
ALTER TABLE evaluation ADD COLUMN node_score INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE evaluation ADD COLUMN python_score INTEGER DEFAULT 0 NOT NULL;

CREATE INDEX evaluation_by_verdict ON evaluation (verdict, evaluated_at DESC, id DESC);
CREATE INDEX evaluation_by_version ON evaluation (ruleset_version, evaluated_at DESC, id DESC);
CREATE INDEX evaluation_by_name ON evaluation (profile_name, evaluated_at DESC, id DESC);
