using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ProcedureReference.Postgres;

/// <summary>
/// The sections of given pages, by page: a search's snippets headline only the sections that hold a query word, and
/// it asks search_sections which those are for the hits shown. An index on the partitioned parent, so every
/// version's partition gains it (built once here for versions imported before); a new version's table has it built
/// by the import before the attach, which then adopts it rather than building it again.
/// </summary>
[DbContext(typeof(PostgresDb))]
[Migration("20261230000000_SectionPages")]
public sealed class SectionPages : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("CREATE INDEX search_sections_page ON search_sections (page_id);");
    }
}
