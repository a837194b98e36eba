-- H2 only (the PostgreSQL twin explains why the foreign key goes). H2 named the constraint itself,
-- so the table is rebuilt without it rather than altered.
CREATE TABLE evaluation_claim_v3 (
    claim_id      VARCHAR(16)              NOT NULL,
    evaluated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    evaluation_id UUID                     NOT NULL,
    PRIMARY KEY (claim_id, evaluated_at, evaluation_id)
);
INSERT INTO evaluation_claim_v3 (claim_id, evaluated_at, evaluation_id)
    SELECT claim_id, evaluated_at, evaluation_id FROM evaluation_claim;
DROP TABLE evaluation_claim;
ALTER TABLE evaluation_claim_v3 RENAME TO evaluation_claim;
