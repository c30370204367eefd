-- Two lookups of the search paths that read far more than they return at 100k phrases.
--
-- A clinic's own approved versions, by clinic: what the retrieval filters check so that a clinic's
-- version hides the shared one (NOT EXISTS ... own.clinic_id = $1 AND own.group_key = v.group_key).
-- When PostgreSQL expects many candidate rows it runs that check as one hashed subplan over all of
-- the clinic's own versions; with only the (group_key, locale, clinic_id) index that meant reading
-- the whole index (about 1,000 pages, 2-8 ms per quick-reply search). Partial: shared content
-- (clinic_id NULL) is most of the corpus and never looked up this way.
CREATE INDEX corpus_phrase_versions_clinic_own ON corpus_phrase_versions (clinic_id, group_key, locale)
  WHERE status = 'approved' AND clinic_id IS NOT NULL;
CREATE INDEX corpus_document_versions_clinic_own ON corpus_document_versions (clinic_id, document_key, locale)
  WHERE status = 'approved' AND clinic_id IS NOT NULL;

-- Corpus words by prefix, for a quick-reply search typed so far: a range scan whatever the
-- collation, instead of a GIN prefix match that reads the postings of every completion.
CREATE INDEX corpus_token_stats_prefix ON corpus_token_stats (locale, token text_pattern_ops);
