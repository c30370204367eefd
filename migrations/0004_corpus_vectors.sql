-- Vectors for approved corpus content (phrase versions and policy chunks). Only created when the
-- pgvector extension is installed; without it retrieval is lexical-only and this migration is a no-op.
-- The model and dimension are stored with each vector: retrieval only compares vectors of the
-- current model, and `npm run corpus -- reembed` replaces the others (resumable, row by row).
-- The column has no fixed dimension so models can change; the HNSW index is a partial expression
-- index per dimension (256 = the offline hashed n-gram embedder; reembed adds others).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') THEN
    CREATE TABLE corpus_vectors (
      owner_kind text NOT NULL CHECK (owner_kind IN ('phrase', 'chunk')),
      owner_id uuid NOT NULL,
      clinic_id text,
      locale text NOT NULL,
      model text NOT NULL,
      dimensions integer NOT NULL,
      embedding vector NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (owner_kind, owner_id)
    );
    CREATE INDEX corpus_vectors_hnsw_256 ON corpus_vectors
      USING hnsw ((embedding::vector(256)) vector_cosine_ops) WHERE dimensions = 256;
    CREATE INDEX corpus_vectors_model ON corpus_vectors (model);
  ELSE
    RAISE NOTICE 'pgvector is not installed: corpus vectors are skipped (lexical retrieval only)';
  END IF;
END
$$;
