using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ProcedureReference.Postgres;

/// <summary>
/// The shared store's whole schema. Content tables are partitioned by version (LIST on version_id): a content version
/// is one partition of each, built as a standalone table, filled by binary COPY, indexed, then attached; dropping a
/// version is dropping its tables. The partitioned parents carry no index: each partition gets its own after its
/// rows are in (see PostgresContentWriter), and every query names its version.
/// </summary>
[DbContext(typeof(PostgresDb))]
[Migration("20261201000000_SharedSchema")]
public sealed class SharedSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Accents are folded by a text search configuration that maps words through unaccent: a generated column
        // cannot call unaccent() itself (it is not immutable), but to_tsvector with a fixed configuration is.
        // The stemmer keeps stop words, as SQLite's FTS5 (porter unicode61) does, so that 'and' or 'not' alone find
        // the pages that use them: english_stem drops them, a snowball dictionary without a stop list does not.
        // unaccent comes first and passes the folded word on; ASCII words have no accents to fold.
        migrationBuilder.Sql("""
            CREATE EXTENSION IF NOT EXISTS unaccent;
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
            CREATE TEXT SEARCH DICTIONARY procref_stem (TEMPLATE = snowball, Language = english);
            CREATE TEXT SEARCH CONFIGURATION procref (COPY = english);
            ALTER TEXT SEARCH CONFIGURATION procref ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH procref_stem;
            ALTER TEXT SEARCH CONFIGURATION procref ALTER MAPPING FOR hword, hword_part, word WITH unaccent, procref_stem;
            """);

        migrationBuilder.Sql("""
            CREATE TABLE content_versions (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                number int UNIQUE,
                state text NOT NULL CHECK (state IN ('building', 'staged', 'published')),
                staged_id text UNIQUE,
                created_at timestamptz NOT NULL,
                created_by text NOT NULL,
                source text NOT NULL,
                report jsonb,
                published_at timestamptz,
                published_by text,
                pages int NOT NULL DEFAULT 0,
                added int NOT NULL DEFAULT 0,
                changed int NOT NULL DEFAULT 0,
                removed int NOT NULL DEFAULT 0);
            CREATE TABLE live_content (
                singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
                version_id bigint NOT NULL REFERENCES content_versions(id),
                changed_at timestamptz NOT NULL);
            """);

        migrationBuilder.Sql("""
            CREATE TABLE pages (
                version_id bigint NOT NULL, id int NOT NULL, code text NOT NULL, system text NOT NULL, title text NOT NULL,
                name text, common_names text NOT NULL, technical_term text, source_file text NOT NULL,
                content_hash text NOT NULL, ordinal int NOT NULL
            ) PARTITION BY LIST (version_id);
            CREATE TABLE sections (
                version_id bigint NOT NULL, page_id int NOT NULL, position int NOT NULL, kind text NOT NULL,
                heading text, markdown text NOT NULL, html text NOT NULL
            ) PARTITION BY LIST (version_id);
            CREATE TABLE similar_codes (
                version_id bigint NOT NULL, page_id int NOT NULL, position int NOT NULL, code text NOT NULL,
                title text NOT NULL, score double precision NOT NULL, reason text NOT NULL, source text NOT NULL
            ) PARTITION BY LIST (version_id);
            CREATE TABLE content_info (
                version_id bigint NOT NULL, key text NOT NULL, value text NOT NULL
            ) PARTITION BY LIST (version_id);
            """);

        // One row per page, one column per SearchColumns.All entry, and the weighted document: the five SQLite bm25
        // weights (descriptor 10, names 8, summary 4, purpose 2, the rest 1) become four classes, A descriptor,
        // B names, C summary and purpose, D the rest. The rest is joined with coalesce and ||, not concat_ws, which is
        // only STABLE and so not allowed in a generated column. title_names is the document's A and B part alone,
        // with an index of its own: a broad search ranks the pages with its words in the descriptor or names, and
        // finding them in the whole document would read every large document the words are in.
        migrationBuilder.Sql("""
            CREATE TABLE search_documents (
                version_id bigint NOT NULL, page_id int NOT NULL,
                title text, names text, summary text, purpose text, indications text, preparation text, procedure text,
                duration text, setting text, personnel text, risks text, benefits text, recovery text, alternatives text,
                patient_experience text, policies text, similar_codes text, other text,
                document tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('procref', coalesce(title, '')), 'A') ||
                    setweight(to_tsvector('procref', coalesce(names, '')), 'B') ||
                    setweight(to_tsvector('procref', coalesce(summary, '') || ' ' || coalesce(purpose, '')), 'C') ||
                    setweight(to_tsvector('procref',
                        coalesce(indications, '') || ' ' || coalesce(preparation, '') || ' ' || coalesce(procedure, '') || ' ' || coalesce(duration, '') || ' ' ||
                        coalesce(setting, '') || ' ' || coalesce(personnel, '') || ' ' || coalesce(risks, '') || ' ' || coalesce(benefits, '') || ' ' ||
                        coalesce(recovery, '') || ' ' || coalesce(alternatives, '') || ' ' || coalesce(patient_experience, '') || ' ' || coalesce(policies, '') || ' ' ||
                        coalesce(similar_codes, '') || ' ' || coalesce(other, '')), 'D')) STORED,
                title_names tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('procref', coalesce(title, '')), 'A') ||
                    setweight(to_tsvector('procref', coalesce(names, '')), 'B')) STORED
            ) PARTITION BY LIST (version_id);
            CREATE TABLE search_words (
                version_id bigint NOT NULL, word text NOT NULL, pages int NOT NULL
            ) PARTITION BY LIST (version_id);
            """);

        // The section filter and the section facets ask in which sections a query matches: one row per page and
        // section kind that has text (kind: the SectionKind's number), with its own tsvector and a GIN index, so
        // they are answered by the index rather than by parsing every matched page's sections at each search.
        migrationBuilder.Sql("""
            CREATE TABLE search_sections (
                version_id bigint NOT NULL, page_id int NOT NULL, kind smallint NOT NULL, vector tsvector NOT NULL
            ) PARTITION BY LIST (version_id);
            """);

        migrationBuilder.Sql("""
            CREATE TABLE admins (
                name text PRIMARY KEY, password_hash text NOT NULL, failed_logins int NOT NULL DEFAULT 0,
                locked_until timestamptz, created_at timestamptz NOT NULL);
            CREATE TABLE audit (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz NOT NULL, who text NOT NULL,
                action text NOT NULL, detail text NOT NULL, result text NOT NULL);
            """);

        // EF's data-protection key entity, as Npgsql maps it.
        migrationBuilder.Sql("""
            CREATE TABLE "DataProtectionKeys" (
                "Id" integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "FriendlyName" text, "Xml" text);
            """);
    }
}
