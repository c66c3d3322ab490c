using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ProcedureReference.Storage;

namespace ProcedureReference.Sqlite;

/// <summary>Pages, sections, content facts, and the FTS5 index with one column per section kind.</summary>
[DbContext(typeof(ReferenceDb))]
[Migration("20261122000000_InitialSchema")]
public sealed class InitialSchema : Migration
{
    private static readonly string[] SectionOrderColumns = ["PageId", "Position"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "content_info",
            columns: table => new
            {
                Key = table.Column<string>(type: "TEXT", nullable: false),
                Value = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_content_info", x => x.Key));

        migrationBuilder.CreateTable(
            name: "pages",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Code = table.Column<string>(type: "TEXT", nullable: false),
                System = table.Column<string>(type: "TEXT", nullable: false),
                Title = table.Column<string>(type: "TEXT", nullable: false),
                Name = table.Column<string>(type: "TEXT", nullable: true),
                CommonNames = table.Column<string>(type: "TEXT", nullable: false),
                TechnicalTerm = table.Column<string>(type: "TEXT", nullable: true),
                SourceFile = table.Column<string>(type: "TEXT", nullable: false),
                ContentHash = table.Column<string>(type: "TEXT", nullable: false),
                Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_pages", x => x.Id));

        migrationBuilder.CreateTable(
            name: "sections",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                PageId = table.Column<int>(type: "INTEGER", nullable: false),
                Position = table.Column<int>(type: "INTEGER", nullable: false),
                Kind = table.Column<string>(type: "TEXT", nullable: false),
                Heading = table.Column<string>(type: "TEXT", nullable: true),
                Markdown = table.Column<string>(type: "TEXT", nullable: false),
                Html = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_sections", x => x.Id);
                table.ForeignKey("FK_sections_pages_PageId", x => x.PageId, "pages", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_pages_Code", "pages", "Code", unique: true);
        migrationBuilder.CreateIndex("IX_pages_Ordinal", "pages", "Ordinal");
        migrationBuilder.CreateIndex("IX_sections_PageId_Position", "sections", SectionOrderColumns);

        // rowid = pages.Id. Column order matters to bm25() weights and snippet() column numbers (see SearchColumns).
        migrationBuilder.Sql("""
            CREATE VIRTUAL TABLE search_index USING fts5(
                title, names, summary, purpose, indications, preparation, procedure, duration, setting,
                personnel, risks, benefits, recovery, alternatives, patient_experience, policies,
                similar_codes, other,
                tokenize = 'porter unicode61 remove_diacritics 2')
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TABLE search_index");
        migrationBuilder.DropTable("sections");
        migrationBuilder.DropTable("pages");
        migrationBuilder.DropTable("content_info");
    }
}
