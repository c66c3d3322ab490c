using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ProcedureReference.Storage;

namespace ProcedureReference.Sqlite;

/// <summary>Each page's similar codes: listed on the page or computed at import, with a score and a reason.</summary>
[DbContext(typeof(ReferenceDb))]
[Migration("20261122010000_SimilarCodes")]
public sealed class SimilarCodes : Migration
{
    private static readonly string[] SimilarOrderColumns = ["PageId", "Position"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "similar_codes",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                PageId = table.Column<int>(type: "INTEGER", nullable: false),
                Position = table.Column<int>(type: "INTEGER", nullable: false),
                Code = table.Column<string>(type: "TEXT", nullable: false),
                Title = table.Column<string>(type: "TEXT", nullable: false),
                Score = table.Column<double>(type: "REAL", nullable: false),
                Reason = table.Column<string>(type: "TEXT", nullable: false),
                Source = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_similar_codes", x => x.Id);
                table.ForeignKey("FK_similar_codes_pages_PageId", x => x.PageId, "pages", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_similar_codes_PageId_Position", "similar_codes", SimilarOrderColumns);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("similar_codes");
}
