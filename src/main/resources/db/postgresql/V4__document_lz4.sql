-- PostgreSQL only. Each document is about 24 KB of JSON, compressed into TOAST on insert; lz4
-- compresses several times faster than the default pglz, which made it the largest single cost of
-- an insert on the server. Servers built without lz4 keep pglz.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        ALTER TABLE evaluation ALTER COLUMN document SET COMPRESSION lz4;
    END IF;
END
$$;
