using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Reading;
using ProcedureReference.Sqlite;
using ProcedureReference.Storage;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Storage;

/// <summary>
/// SQLite content written before reading grades existed (no ReadingGrade columns, no such migration in its history)
/// is brought to the current schema at start, live and kept alike: its pages read again, with no grade, and a
/// rollback to such a version reads too.
/// </summary>
public sealed class ReadingGradeUpgradeTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Takes a database back to the schema of the release before reading grades.</summary>
    private static void MakeOld(string database)
    {
        using (var connection = new SqliteConnection(SqliteFiles.ConnectionString(database)))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                ALTER TABLE pages DROP COLUMN ReadingGrade;
                ALTER TABLE sections DROP COLUMN ReadingGrade;
                DELETE FROM __EFMigrationsHistory WHERE MigrationId LIKE '%_ReadingGrades';
                """;
            command.ExecuteNonQuery();
        }
        SqliteFiles.Release(database);
    }

    /// <summary>
    /// Reads 37188 as the site does (the SQLite reading services): a reader of its own making would compile the
    /// reading queries against a model of its own, which EF refuses to mix in one process.
    /// </summary>
    private static async Task<CodePage?> ReadAsync(string database)
    {
        var services = new ServiceCollection()
            .AddSingleton(new SqliteOptions { DatabasePath = database, AdminDatabasePath = database + ".admin" })
            .AddSqliteReading();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        try
        {
            return await scope.ServiceProvider.GetRequiredService<IContentReader>().FindAsync("37188", CancellationToken.None);
        }
        finally
        {
            SqliteFiles.Release(database);
        }
    }

    [Fact]
    public async Task Live_and_kept_databases_from_before_reading_grades_read_again_after_the_start_clean_up()
    {
        var live = _temp.Combine("data", "procedures.db");
        Assert.True(TestContent.Publish(SeedContent.Folder, live).Succeeded);
        var store = new SqliteContentStore(live);
        var kept = Directory.EnumerateFiles(store.VersionsFolder, "v*.db").ToList();
        Assert.NotEmpty(kept);
        foreach (var database in kept.Append(live)) MakeOld(database);
        await Assert.ThrowsAsync<SqliteException>(() => ReadAsync(live)); // what a reader met before the clean-up upgraded it

        new SqliteContentStore(live).RemoveLeftovers();

        foreach (var database in kept.Append(live))
        {
            var page = await ReadAsync(database);
            Assert.NotNull(page);
            Assert.Null(page.ReadingGrade);
            Assert.All(page.Sections, s => Assert.Null(s.ReadingGrade));
        }
    }

    [Fact]
    public async Task The_start_clean_up_leaves_current_content_and_its_grades_as_they_are()
    {
        var live = _temp.Combine("data", "procedures.db");
        Assert.True(TestContent.Publish(SeedContent.Folder, live).Succeeded);
        var before = await ReadAsync(live);

        new SqliteContentStore(live).RemoveLeftovers();

        var after = await ReadAsync(live);
        Assert.NotNull(before?.ReadingGrade);
        Assert.Equal(before.ReadingGrade, after!.ReadingGrade);
    }
}
