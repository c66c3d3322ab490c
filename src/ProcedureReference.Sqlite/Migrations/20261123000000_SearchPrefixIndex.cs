using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ProcedureReference.Storage;

namespace ProcedureReference.Sqlite;

/// <summary>
/// The search index again, with FTS5 prefix indexes for 2 and 3 characters: the unfinished last word of a
/// query ('knee re') is a prefix query, and without them FTS5 merges the page lists of every term it starts
/// (0.7 s for 're' at 10,000 pages). Every import builds a new database, so the table is empty here.
/// </summary>
[DbContext(typeof(ReferenceDb))]
[Migration("20261123000000_SearchPrefixIndex")]
public sealed class SearchPrefixIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TABLE search_index");
        migrationBuilder.Sql("""
            CREATE VIRTUAL TABLE search_index USING fts5(
                title, names, summary, purpose, indications, preparation, procedure, duration, setting,
                personnel, risks, benefits, recovery, alternatives, patient_experience, policies,
                similar_codes, other,
                tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3')
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TABLE search_index");
        migrationBuilder.Sql("""
            CREATE VIRTUAL TABLE search_index USING fts5(
                title, names, summary, purpose, indications, preparation, procedure, duration, setting,
                personnel, risks, benefits, recovery, alternatives, patient_experience, policies,
                similar_codes, other,
                tokenize = 'porter unicode61 remove_diacritics 2')
            """);
    }
}
