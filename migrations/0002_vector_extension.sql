-- pgvector is optional: the Debian PostgreSQL on our machines has no package for it. Without it
-- the service keeps working with lexical retrieval; vector DDL in later migrations checks
-- pg_extension and skips itself.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
    CREATE EXTENSION IF NOT EXISTS vector;
  ELSE
    RAISE NOTICE 'pgvector is not available: vector columns are skipped';
  END IF;
END
$$;
