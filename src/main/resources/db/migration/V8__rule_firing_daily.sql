-- How often each rule fired, per UTC day (fired_on) and ruleset version, for the whole fleet: the rules page and
-- GET /api/v1/rules sum a window of days from here (the same numbers on every instance). The audit
-- writer adds each batch's firings in the same transaction as its records, one upsert per
-- (day, version, rule). Counting starts with this migration: older records are not backfilled (their
-- steps are inside the compact record). Portable SQL (H2 and PostgreSQL).
CREATE TABLE rule_firing_daily (
    fired_on        DATE                     NOT NULL,
    ruleset_version VARCHAR(80)              NOT NULL,
    rule            VARCHAR(255)             NOT NULL,
    fired           BIGINT                   NOT NULL,
    last_fired      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (fired_on, ruleset_version, rule)
);
