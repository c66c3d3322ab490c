using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ProcedureReference.Postgres;

/// <summary>
/// The reading grade (Flesch-Kincaid) of each page and of each section, computed at import. Added to the partitioned
/// parents, so every version's partition gains the column (null for versions imported before grades were: a
/// nullable column with no default is only a catalog change, no partition is rewritten), and a new version's tables,
/// created LIKE their parents, have it from the start.
/// </summary>
[DbContext(typeof(PostgresDb))]
[Migration("20261220000000_ReadingGrades")]
public sealed class ReadingGrades : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE pages ADD COLUMN reading_grade double precision;
            ALTER TABLE sections ADD COLUMN reading_grade double precision;
            """);
    }
}
