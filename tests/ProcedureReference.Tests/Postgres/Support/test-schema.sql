-- TEST SUPPORT ONLY, until pg-store's migrations land: the schema of PLAN14.md, for the pg-search tests.
-- Delete this file at merge and create the schema through the real migrations instead.
-- Two differences from PLAN14.md, which the migrations should take over: the stemmer keeps stop words, as SQLite's
-- FTS5 (porter unicode61) does, so that 'AND' or 'not' alone find the pages that use them ('english_stem' drops them);
-- and the D part of the document joins with || and coalesce, as concat_ws is not immutable (42P17).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TEXT SEARCH DICTIONARY procref_stem (TEMPLATE = snowball, Language = english);
CREATE TEXT SEARCH CONFIGURATION procref (COPY = english);
ALTER TEXT SEARCH CONFIGURATION procref ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH procref_stem;
ALTER TEXT SEARCH CONFIGURATION procref ALTER MAPPING FOR hword, hword_part, word WITH unaccent, procref_stem;

CREATE TABLE content_versions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  number int UNIQUE,
  state text NOT NULL,
  staged_id text UNIQUE,
  created_at timestamptz NOT NULL, created_by text NOT NULL, source text NOT NULL,
  report jsonb,
  published_at timestamptz, published_by text,
  pages int NOT NULL DEFAULT 0, added int NOT NULL DEFAULT 0, changed int NOT NULL DEFAULT 0, removed int NOT NULL DEFAULT 0);
CREATE TABLE live_content (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version_id bigint NOT NULL REFERENCES content_versions(id),
  changed_at timestamptz NOT NULL);

CREATE TABLE pages (version_id bigint NOT NULL, id int NOT NULL, code text NOT NULL, system text NOT NULL,
  title text NOT NULL, name text, common_names text NOT NULL, technical_term text, source_file text NOT NULL,
  content_hash text NOT NULL, ordinal int NOT NULL) PARTITION BY LIST (version_id);
CREATE TABLE sections (version_id bigint NOT NULL, page_id int NOT NULL, position int NOT NULL, kind text NOT NULL,
  heading text, markdown text NOT NULL, html text NOT NULL) PARTITION BY LIST (version_id);
CREATE TABLE similar_codes (version_id bigint NOT NULL, page_id int NOT NULL, position int NOT NULL, code text NOT NULL,
  title text NOT NULL, score double precision NOT NULL, reason text NOT NULL, source text NOT NULL) PARTITION BY LIST (version_id);
CREATE TABLE content_info (version_id bigint NOT NULL, key text NOT NULL, value text NOT NULL) PARTITION BY LIST (version_id);
CREATE TABLE search_documents (version_id bigint NOT NULL, page_id int NOT NULL,
  title text, names text, summary text, purpose text, indications text, preparation text, procedure text,
  duration text, setting text, personnel text, risks text, benefits text, recovery text, alternatives text,
  patient_experience text, policies text, similar_codes text, other text,
  document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('procref', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('procref', coalesce(names, '')), 'B') ||
    setweight(to_tsvector('procref', coalesce(summary, '') || ' ' || coalesce(purpose, '')), 'C') ||
    -- concat_ws is only STABLE, which a generated column refuses (42P17): coalesce and || are immutable.
    setweight(to_tsvector('procref',
      coalesce(indications, '') || ' ' || coalesce(preparation, '') || ' ' || coalesce(procedure, '') || ' ' || coalesce(duration, '') || ' ' ||
      coalesce(setting, '') || ' ' || coalesce(personnel, '') || ' ' || coalesce(risks, '') || ' ' || coalesce(benefits, '') || ' ' ||
      coalesce(recovery, '') || ' ' || coalesce(alternatives, '') || ' ' || coalesce(patient_experience, '') || ' ' || coalesce(policies, '') || ' ' ||
      coalesce(similar_codes, '') || ' ' || coalesce(other, '')), 'D')) STORED
) PARTITION BY LIST (version_id);
CREATE TABLE search_words (version_id bigint NOT NULL, word text NOT NULL, pages int NOT NULL) PARTITION BY LIST (version_id);
