using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Importing;
using ProcedureReference.Parsing;
using ProcedureReference.Postgres;
using ProcedureReference.Publishing;
using ProcedureReference.Similarity;
using ProcedureReference.Storage;
using ProcedureReference.Tests.Postgres.Support;
using ProcedureReference.Tests.Support;
using ProcedureReference.Testing;

namespace ProcedureReference.Tests.Postgres;

/// <summary>What a killed import leaves and the next start removes; the diff; the schema and the keys in the database.</summary>
public sealed class PostgresRecoveryTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly TestDatabase _database = TestDatabase.Create();

    private TestDatabase Database => _database;
    private PostgresOptions Options => new() { ConnectionString = Database.ConnectionString };

    public void Dispose()
    {
        _database.Dispose();
        _temp.Dispose();
    }

    private List<string> VersionTableNames() =>
        Database.Column<string>("SELECT relname::text FROM pg_class WHERE relkind = 'r' AND relname ~ '_v[0-9]+$' ORDER BY 1");

    /// <summary>A version row in state building with its tables, as an import killed at that point leaves it.</summary>
    private long LeaveBuildingVersion(bool complete)
    {
        var version = Database.Scalar<long>("""
            INSERT INTO content_versions (state, created_at, created_by, source) VALUES ('building', now(), 'killed', 'test') RETURNING id
            """);
        var report = Importer.Run(new ImportOptions(SeedContent.CopyTo(_temp, $"killed{version}")),
            () => complete ? PostgresContentWriter.Create(Database.ConnectionString, version) : new Abandoned(PostgresContentWriter.Create(Database.ConnectionString, version)),
            new Dictionary<string, string>());
        Assert.Equal(complete, report.Succeeded);
        return version;
    }

    [PostgresFact]
    public void The_next_start_removes_what_killed_imports_left_and_keeps_the_live_version_whole()
    {
        var store = new PostgresContentStore(Options);
        Assert.True(store.ImportAndPublish(new ImportOptions(SeedContent.CopyTo(_temp)), "tester", "seeds").Published?.Succeeded);
        var live = Database.Scalar<long>("SELECT version_id FROM live_content");
        LeaveBuildingVersion(complete: false);   // killed while copying: standalone tables
        LeaveBuildingVersion(complete: true);    // killed after the attach, before it was marked staged
        // killed in a discard or prune after the row went: tables no row names
        using (PostgresContentWriter.Create(Database.ConnectionString, 999)) { }
        Assert.Equal(4 * VersionTables.Parents.Count, VersionTableNames().Count);

        new PostgresContentStore(Options).RemoveLeftovers();

        Assert.Equal(VersionTables.Parents.Select(p => VersionTables.Of(p, live)).Order(StringComparer.Ordinal), VersionTableNames());
        Assert.Equal([live], Database.Column<long>("SELECT id FROM content_versions"));
        Assert.Equal(5, Database.Scalar<long>($"SELECT count(*) FROM pages WHERE version_id = {live}"));
    }

    [PostgresFact]
    public void Leftovers_are_not_touched_while_an_import_runs()
    {
        new PostgresContentStore(Options).HasLiveContent.ToString();
        LeaveBuildingVersion(complete: false);
        using var running = new PostgresImportLock(Database.ConnectionString).TryAcquire();

        new PostgresContentStore(Options).RemoveLeftovers();

        Assert.Equal(VersionTables.Parents.Count, VersionTableNames().Count);
    }

    [PostgresFact]
    public void The_diff_names_added_removed_and_changed_codes_and_the_parts_that_changed()
    {
        var store = new PostgresContentStore(Options);
        Assert.True(store.ImportAndPublish(new ImportOptions(SeedContent.CopyTo(_temp, "live")), "tester", "live").Published?.Succeeded);
        var next = SeedContent.CopyTo(_temp, "next");
        var page = Path.Combine(next, SeedContent.FileOf("37188"));
        File.WriteAllText(page, File.ReadAllText(page).Replace("Typically 1-2 hours per session.", "Typically 2-3 hours per session.", StringComparison.Ordinal));
        File.Delete(Path.Combine(next, SeedContent.FileOf("76496")));
        File.Copy(Path.Combine(next, SeedContent.FileOf("34421")), Path.Combine(next, "34422.txt"));
        File.WriteAllText(Path.Combine(next, "34422.txt"), File.ReadAllText(Path.Combine(next, "34422.txt")).Replace("CPT4 code", "CPT4 code 34422", StringComparison.Ordinal));
        var (staged, report) = store.Stage(new ImportOptions(next), "tester", "next");
        Assert.True(staged is not null, report.FatalError);

        var difference = store.Compare(staged.Id)!;

        Assert.Equal(["34422"], difference.Added.Select(c => c.Code));
        Assert.Equal(["76496"], difference.Removed.Select(c => c.Code));
        var changed = Assert.Single(difference.Changed);
        Assert.Equal("37188", changed.Code);
        Assert.Equal(["duration"], changed.ChangedParts);
        var part = Assert.Single(store.Describe(staged.Id, "37188")!);
        Assert.Equal("duration", part.Part);
        Assert.Null(store.Compare("no-such-import"));
        Assert.Null(store.Describe("no-such-import", "37188"));
    }

    [PostgresFact]
    public void Two_instances_starting_together_apply_the_schema_once()
    {
        // Different connection strings to one database: each is a first use, as in two processes.
        var starts = Enumerable.Range(0, 4)
            .Select(i => Task.Run(() => PostgresSchema.EnsureCreated(Database.ConnectionString + $";Application Name=instance{i}")))
            .ToArray();
        Task.WaitAll(starts);

        // Each migration once: as many history rows as there are migrations, none twice.
        using var db = new PostgresDb(PostgresDb.OptionsFor(Database.ConnectionString));
        Assert.Equal(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetMigrations(db.Database).Count(),
            Database.Scalar<long>("SELECT count(*) FROM \"__EFMigrationsHistory\""));
        Assert.Equal(0, Database.Scalar<long>("SELECT count(*) - count(DISTINCT \"MigrationId\") FROM \"__EFMigrationsHistory\""));
        Assert.Equal(1, Database.Scalar<long>("SELECT count(*) FROM pg_ts_config WHERE cfgname = 'procref'"));
    }

    [PostgresFact]
    public void A_key_made_by_one_instance_unprotects_on_another()
    {
        static IDataProtector Instance(PostgresOptions options)
        {
            var services = new ServiceCollection().AddSingleton(options);
            services.AddDataProtection().SetApplicationName("procref").AddPostgresDataProtection();
            return services.BuildServiceProvider().GetDataProtector("sign-in");
        }

        var secret = Instance(Options).Protect("alice");

        Assert.Equal("alice", Instance(Options).Unprotect(secret));
        Assert.Equal(1, Database.Scalar<long>("SELECT count(*) FROM \"DataProtectionKeys\""));
    }

    [PostgresFact]
    public void A_server_that_cannot_be_reached_is_reported_in_the_domains_words()
    {
        var nowhere = new PostgresOptions { ConnectionString = "Host=127.0.0.1;Port=1;Username=postgres;Database=nowhere;Timeout=2" };
        var store = new PostgresContentStore(nowhere);

        var busy = Assert.Throws<ContentBusyException>(() => store.HasLiveContent);
        Assert.Contains("cannot be reached", busy.Message, StringComparison.Ordinal);
        var (staged, report) = store.Stage(new ImportOptions(SeedContent.CopyTo(_temp)), "tester", "seeds");
        Assert.Null(staged);
        Assert.Contains("cannot be reached", report.FatalError, StringComparison.Ordinal);
        Assert.Contains("cannot be reached", Assert.Throws<ContentBusyException>(() => new PostgresAdminStore(nowhere).Any()).Message, StringComparison.Ordinal);
    }

    /// <summary>A writer whose import dies before it completes: every row goes in, then nothing more happens.</summary>
    private sealed class Abandoned(IContentWriter inner) : IContentWriter
    {
        public int Add(ParsedPage page, PageRows rows, string contentHash) => inner.Add(page, rows, contentHash);
        public void AddSimilarCodes(PageSimilarCodes similar) => inner.AddSimilarCodes(similar);
        public void Complete(IReadOnlyDictionary<string, string> contentInfo) => throw new StorageException("killed before the attach");
        public void Dispose() => inner.Dispose();
    }
}
