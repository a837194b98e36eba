-- The audit log: every evaluation exactly as it was returned, plus the columns it is searched by.
CREATE TABLE evaluation (
    id              UUID                     NOT NULL PRIMARY KEY,
    evaluated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    ruleset_version VARCHAR(80)              NOT NULL,
    verdict         VARCHAR(16)              NOT NULL,
    confidence      VARCHAR(8)               NOT NULL,
    profile_name    VARCHAR(200),
    document        TEXT                     NOT NULL
);

CREATE INDEX evaluation_newest ON evaluation (evaluated_at DESC, id DESC);

-- One row per claim that fired, with the time copied in, so "every evaluation where claim X fired,
-- newest first" is a range scan of this index alone.
CREATE TABLE evaluation_claim (
    claim_id      VARCHAR(16)              NOT NULL,
    evaluated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    evaluation_id UUID                     NOT NULL REFERENCES evaluation (id),
    PRIMARY KEY (claim_id, evaluated_at, evaluation_id)
);
