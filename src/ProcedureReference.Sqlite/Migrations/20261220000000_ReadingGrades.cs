using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ProcedureReference.Storage;

namespace ProcedureReference.Sqlite;

/// <summary>
/// The reading grade (Flesch-Kincaid) of each page and of each section, computed at import. Nullable: a section with
/// no words has none, and every import builds a new database, so no row predates the column here.
/// </summary>
[DbContext(typeof(ReferenceDb))]
[Migration("20261220000000_ReadingGrades")]
public sealed class ReadingGrades : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<double>(name: "ReadingGrade", table: "pages", type: "REAL", nullable: true);
        migrationBuilder.AddColumn<double>(name: "ReadingGrade", table: "sections", type: "REAL", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "ReadingGrade", table: "sections");
        migrationBuilder.DropColumn(name: "ReadingGrade", table: "pages");
    }
}
