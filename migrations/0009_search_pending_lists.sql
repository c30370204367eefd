-- Short GIN pending lists for the corpus search indexes.
-- With fastupdate (the default) new entries wait in an unsorted pending list that every search
-- scans in full, until VACUUM or autovacuum merges them or the list outgrows gin_pending_list_limit
-- (4 MB). PGlite runs no autovacuum, so the whole sample corpus stayed there: measured on the
-- retrieval bench, the lexical candidate query took twice as long as with a merged index, at 1k and
-- at 100k phrases. 64 kB (the minimum) keeps bulk inserts batched while searches scan a few pages.
ALTER INDEX corpus_phrase_versions_search SET (gin_pending_list_limit = 64);
ALTER INDEX corpus_chunks_search SET (gin_pending_list_limit = 64);
SELECT gin_clean_pending_list('corpus_phrase_versions_search'::regclass);
SELECT gin_clean_pending_list('corpus_chunks_search'::regclass);
