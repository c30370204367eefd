-- The vetted corpus: reply phrases and policy documents, versioned and reviewed.
-- A phrase is identified by (clinic, group, locale); clinic_id NULL is the shared default.
-- Every edit makes a new version row; only the one approved version of a phrase reaches patients.
-- Search tokens are made by the application (English words + Chinese character uni/bigrams)
-- because to_tsvector('simple') keeps a run of Chinese characters as one word.

CREATE TABLE corpus_phrases (
  id uuid PRIMARY KEY,
  clinic_id text REFERENCES clinics (id),
  group_key text NOT NULL,
  locale text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE NULLS NOT DISTINCT (clinic_id, group_key, locale)
);

CREATE TABLE corpus_phrase_versions (
  id uuid PRIMARY KEY,
  phrase_id uuid NOT NULL REFERENCES corpus_phrases (id) ON DELETE CASCADE,
  version integer NOT NULL,
  -- Copied from the phrase so retrieval filters one table.
  clinic_id text,
  group_key text NOT NULL,
  locale text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'in_review', 'approved', 'retired', 'superseded')),
  category text NOT NULL,
  department text,
  tags text[] NOT NULL DEFAULT '{}',
  title text NOT NULL,
  body text NOT NULL,
  examples text[] NOT NULL DEFAULT '{}',
  shortcut text,
  source_ref text,
  valid_from timestamptz,
  valid_until timestamptz,
  sample boolean NOT NULL DEFAULT false,
  author text NOT NULL,
  reviewer text,
  reviewed_at timestamptz,
  content_hash text NOT NULL,
  search_vector tsvector NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (phrase_id, version)
);

-- At most one approved and one open (draft or in review) version per phrase.
CREATE UNIQUE INDEX corpus_phrase_versions_one_approved ON corpus_phrase_versions (phrase_id) WHERE status = 'approved';
CREATE UNIQUE INDEX corpus_phrase_versions_one_open ON corpus_phrase_versions (phrase_id) WHERE status IN ('draft', 'in_review');
CREATE INDEX corpus_phrase_versions_search ON corpus_phrase_versions USING gin (search_vector) WHERE status = 'approved';
CREATE INDEX corpus_phrase_versions_lookup ON corpus_phrase_versions (group_key, locale, clinic_id) WHERE status = 'approved';
CREATE INDEX corpus_phrase_versions_shortcut ON corpus_phrase_versions (shortcut text_pattern_ops) WHERE status = 'approved' AND shortcut IS NOT NULL;

CREATE TABLE corpus_documents (
  id uuid PRIMARY KEY,
  clinic_id text REFERENCES clinics (id),
  document_key text NOT NULL,
  locale text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE NULLS NOT DISTINCT (clinic_id, document_key, locale)
);

CREATE TABLE corpus_document_versions (
  id uuid PRIMARY KEY,
  document_id uuid NOT NULL REFERENCES corpus_documents (id) ON DELETE CASCADE,
  version integer NOT NULL,
  clinic_id text,
  document_key text NOT NULL,
  locale text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'in_review', 'approved', 'retired', 'superseded')),
  -- The label the authors gave (front matter "version"), beside our own version counter.
  version_label text,
  category text NOT NULL,
  title text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  markdown text NOT NULL,
  source_ref text,
  valid_from timestamptz,
  valid_until timestamptz,
  sample boolean NOT NULL DEFAULT false,
  author text NOT NULL,
  reviewer text,
  reviewed_at timestamptz,
  content_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (document_id, version)
);

CREATE UNIQUE INDEX corpus_document_versions_one_approved ON corpus_document_versions (document_id) WHERE status = 'approved';
CREATE UNIQUE INDEX corpus_document_versions_one_open ON corpus_document_versions (document_id) WHERE status IN ('draft', 'in_review');
CREATE INDEX corpus_document_versions_lookup ON corpus_document_versions (document_key, locale, clinic_id) WHERE status = 'approved';

CREATE TABLE corpus_chunks (
  id uuid PRIMARY KEY,
  document_version_id uuid NOT NULL REFERENCES corpus_document_versions (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  section_path text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  search_vector tsvector NOT NULL,
  UNIQUE (document_version_id, ordinal)
);

CREATE INDEX corpus_chunks_search ON corpus_chunks USING gin (search_vector);

-- Agents' quick-reply usage: one row per phrase, agent and day; totals per clinic rank search results.
CREATE TABLE phrase_usage (
  clinic_id text NOT NULL REFERENCES clinics (id),
  phrase_id uuid NOT NULL REFERENCES corpus_phrases (id) ON DELETE CASCADE,
  agent_id text NOT NULL,
  day date NOT NULL,
  uses integer NOT NULL DEFAULT 0,
  PRIMARY KEY (phrase_id, agent_id, day, clinic_id)
);

CREATE INDEX phrase_usage_clinic_day ON phrase_usage (clinic_id, day);

CREATE TABLE phrase_usage_totals (
  clinic_id text NOT NULL REFERENCES clinics (id),
  phrase_id uuid NOT NULL REFERENCES corpus_phrases (id) ON DELETE CASCADE,
  uses integer NOT NULL DEFAULT 0,
  last_used_at timestamptz,
  PRIMARY KEY (phrase_id, clinic_id)
);
