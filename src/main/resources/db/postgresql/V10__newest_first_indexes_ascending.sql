-- PostgreSQL only. The newest-first indexes are built ascending and read backwards (the same plans:
-- "Index Scan Backward", cursor conditions included). Built descending, every new entry went to the
-- left end of its range, where a full page splits in half and the older half is never filled again:
-- those indexes stayed about half empty. Ascending, new entries go to the right end, where PostgreSQL
-- splits leaving the older page full (fillfactor), so each index takes about half the space.
DROP INDEX evaluation_newest;
CREATE INDEX evaluation_newest ON evaluation (evaluated_at, id);
DROP INDEX evaluation_by_verdict;
CREATE INDEX evaluation_by_verdict ON evaluation (verdict, evaluated_at, id);
DROP INDEX evaluation_by_version;
CREATE INDEX evaluation_by_version ON evaluation (version_id, evaluated_at, id);
DROP INDEX evaluation_by_name;
CREATE INDEX evaluation_by_name ON evaluation (profile_name, evaluated_at, id);
