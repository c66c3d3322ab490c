using Microsoft.EntityFrameworkCore;
using ProcedureReference.Sqlite;
using ProcedureReference.Storage;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Storage;

/// <summary>
/// The migrations are written by hand (no model snapshot), so this checks they build exactly the schema
/// the EF model describes, plus the FTS5 table the model does not know about.
/// </summary>
public sealed class MigrationSchemaTests : IDisposable
{
    private static readonly string[] ModelTables = ["content_info", "pages", "sections", "similar_codes"];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Create(string name, Action<ReferenceDb> create)
    {
        var path = _temp.Combine(name);
        using var db = new ReferenceDb(SqliteReferenceDb.OptionsFor(path));
        create(db);
        return path;
    }

    private string Migrated() => Create("migrated.db", db => db.Database.Migrate());

    private static List<string> Objects(string database) => Sql.Rows(database, """
            SELECT type, name, tbl_name FROM sqlite_master
            WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%' AND name NOT LIKE 'search_index%'
            ORDER BY type, name
            """).Select(row => string.Join(" ", row)).ToList();

    private static List<string> Columns(string database, string table) =>
        Sql.Rows(database, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}') ORDER BY cid")
            .Select(row => string.Join(" ", row)).ToList();

    [Fact]
    public void Migrations_create_the_same_tables_and_indexes_as_the_model()
    {
        var migrated = Migrated();
        var created = Create("created.db", db => db.Database.EnsureCreated());

        var objects = Objects(migrated);
        Assert.Equal(Objects(created), objects);
        foreach (var table in ModelTables) Assert.Contains($"table {table} {table}", objects);
        Assert.Contains("index IX_pages_Code pages", objects);
        Assert.Contains("index IX_similar_codes_PageId_Position similar_codes", objects);
    }

    [Theory]
    [InlineData("pages")]
    [InlineData("sections")]
    [InlineData("content_info")]
    [InlineData("similar_codes")]
    public void Migrations_create_the_same_columns_as_the_model(string table)
    {
        var migrated = Migrated();
        var created = Create("created.db", db => db.Database.EnsureCreated());

        var columns = Columns(migrated, table);
        Assert.NotEmpty(columns);
        Assert.Equal(Columns(created, table), columns);
    }

    [Theory]
    [InlineData("sections")]
    [InlineData("similar_codes")]
    public void Migrations_create_the_same_foreign_keys_as_the_model(string table)
    {
        var migrated = Migrated();
        var created = Create("created.db", db => db.Database.EnsureCreated());
        var sql = $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')";

        var keys = Sql.Rows(migrated, sql).Select(row => string.Join(" ", row)).ToList();
        Assert.Equal(["pages PageId Id CASCADE"], keys);
        Assert.Equal(Sql.Rows(created, sql).Select(row => string.Join(" ", row)), keys);
    }

    [Fact]
    public void Migrations_create_the_search_index_with_the_search_columns_in_order()
    {
        var migrated = Migrated();

        Assert.Equal(SearchColumns.All, Sql.Column(migrated, "SELECT name FROM pragma_table_info('search_index') ORDER BY cid"));
    }
}
