-- Retrieval tuning: document frequencies of search tokens, kept exact on every write.
-- corpus_token_stats counts, per locale, the approved phrase versions and the chunks of approved
-- document versions whose search_vector holds each token; token '' counts all of them (N).
-- Retrieval reads it with one primary-key lookup to weigh query tokens (BM25 IDF) and to match only
-- on the rarest tokens, so a query no longer counts matches over the GIN index at request time.
-- Statement-level triggers with transition tables keep bulk loads to one upsert per statement;
-- rows are upserted in (locale, token) order so concurrent writers lock them in the same order.

CREATE TABLE corpus_token_stats (
  locale text NOT NULL,
  token text NOT NULL,
  documents integer NOT NULL DEFAULT 0,
  PRIMARY KEY (locale, token)
);

CREATE TYPE corpus_token_delta AS (locale text, vector tsvector, delta integer);

CREATE FUNCTION corpus_token_stats_bump (changes corpus_token_delta[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO corpus_token_stats (locale, token, documents)
  SELECT locale, token, sum(delta)::integer FROM (
    SELECT c.locale, t.lexeme AS token, c.delta FROM unnest(changes) c, unnest(c.vector) t
    UNION ALL
    SELECT c.locale, '' AS token, c.delta FROM unnest(changes) c
  ) d
  GROUP BY locale, token HAVING sum(delta) <> 0
  ORDER BY locale, token
  ON CONFLICT (locale, token) DO UPDATE SET documents = corpus_token_stats.documents + excluded.documents
$$;

CREATE FUNCTION corpus_phrase_token_stats () RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes corpus_token_delta[] := '{}';
BEGIN
  IF TG_OP <> 'INSERT' THEN
    changes := changes || ARRAY(SELECT ROW(locale, search_vector, -1)::corpus_token_delta FROM removed WHERE status = 'approved');
  END IF;
  IF TG_OP <> 'DELETE' THEN
    changes := changes || ARRAY(SELECT ROW(locale, search_vector, 1)::corpus_token_delta FROM added WHERE status = 'approved');
  END IF;
  IF cardinality(changes) > 0 THEN PERFORM corpus_token_stats_bump(changes); END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER corpus_phrase_token_stats_insert AFTER INSERT ON corpus_phrase_versions
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION corpus_phrase_token_stats();
CREATE TRIGGER corpus_phrase_token_stats_update AFTER UPDATE ON corpus_phrase_versions
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION corpus_phrase_token_stats();
CREATE TRIGGER corpus_phrase_token_stats_delete AFTER DELETE ON corpus_phrase_versions
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION corpus_phrase_token_stats();

-- A document version's chunks count while the version is approved: status changes move them in or out.
CREATE FUNCTION corpus_document_token_stats () RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes corpus_token_delta[] := '{}';
BEGIN
  IF TG_OP <> 'INSERT' THEN
    changes := changes || ARRAY(SELECT ROW(r.locale, c.search_vector, -1)::corpus_token_delta
      FROM removed r JOIN corpus_chunks c ON c.document_version_id = r.id WHERE r.status = 'approved');
  END IF;
  IF TG_OP <> 'DELETE' THEN
    changes := changes || ARRAY(SELECT ROW(a.locale, c.search_vector, 1)::corpus_token_delta
      FROM added a JOIN corpus_chunks c ON c.document_version_id = a.id WHERE a.status = 'approved');
  END IF;
  IF cardinality(changes) > 0 THEN PERFORM corpus_token_stats_bump(changes); END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER corpus_document_token_stats_update AFTER UPDATE ON corpus_document_versions
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION corpus_document_token_stats();

-- Chunks written or removed under an already approved version (chunks are normally written with the draft).
CREATE FUNCTION corpus_chunk_token_stats () RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes corpus_token_delta[] := '{}';
BEGIN
  IF TG_OP = 'DELETE' THEN
    changes := ARRAY(SELECT ROW(d.locale, r.search_vector, -1)::corpus_token_delta
      FROM removed r JOIN corpus_document_versions d ON d.id = r.document_version_id WHERE d.status = 'approved');
  ELSE
    changes := ARRAY(SELECT ROW(d.locale, a.search_vector, 1)::corpus_token_delta
      FROM added a JOIN corpus_document_versions d ON d.id = a.document_version_id WHERE d.status = 'approved');
  END IF;
  IF cardinality(changes) > 0 THEN PERFORM corpus_token_stats_bump(changes); END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER corpus_chunk_token_stats_insert AFTER INSERT ON corpus_chunks
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION corpus_chunk_token_stats();
CREATE TRIGGER corpus_chunk_token_stats_delete AFTER DELETE ON corpus_chunks
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION corpus_chunk_token_stats();

-- Backfill from what is approved now.
SELECT corpus_token_stats_bump(ARRAY(
  SELECT ROW(locale, search_vector, 1)::corpus_token_delta FROM corpus_phrase_versions WHERE status = 'approved'
  UNION ALL
  SELECT ROW(d.locale, c.search_vector, 1)::corpus_token_delta
  FROM corpus_chunks c JOIN corpus_document_versions d ON d.id = c.document_version_id WHERE d.status = 'approved'));
