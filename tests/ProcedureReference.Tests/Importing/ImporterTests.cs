using Microsoft.EntityFrameworkCore;
using ProcedureReference.Importing;
using ProcedureReference.Sqlite;
using ProcedureReference.Storage;
using ProcedureReference.Testing;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Importing;

/// <summary>
/// The importer through the real store, against real SQLite files (import and publish, as the command line does):
/// what it writes, what it reports, and what it leaves alone when it fails.
/// </summary>
public sealed class ImporterTests : IDisposable
{
    private static readonly string[] AllButPolicies =
    [
        "summary", "purpose", "indications", "preparation", "procedure", "duration", "setting", "personnel",
        "risks", "benefits", "recovery", "alternatives", "patient_experience", "similar_codes",
    ];

    private static readonly string[] WithPolicies = [.. AllButPolicies[..^1], "policies", "similar_codes"];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static ImportReport Import(string content, string database) => TestContent.Publish(content, database);

    private static int PageCount(string database) => int.Parse(Sql.Column(database, "SELECT count(*) FROM pages")[0], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every row of the content tables, in a stable order, as text.</summary>
    private static List<string> Dump(string database) =>
        new[] { "SELECT * FROM pages ORDER BY Id", "SELECT * FROM sections ORDER BY Id", "SELECT rowid, * FROM search_index ORDER BY rowid" }
            .SelectMany(sql => Sql.Rows(database, sql).Select(row => sql + ": " + string.Join(" | ", row)))
            .ToList();

    [Fact]
    public void Importing_the_seeds_writes_five_pages_with_their_sections_html_and_search_rows()
    {
        var database = _temp.Combine("data", "ref.db");

        var report = Import(SeedContent.CopyTo(_temp), database);

        Assert.True(report.Succeeded, report.FatalError);
        Assert.Equal(5, report.Files.Count);
        Assert.Equal(5, report.Imported);
        Assert.Equal(5, report.Added.Count);
        Assert.Equal(0, report.FilesWithErrors);

        using var db = new ReferenceDb(SqliteReferenceDb.OptionsFor(database, readOnly: true));
        var pages = db.Pages.Include(p => p.Sections).ToDictionary(p => p.Code);
        Assert.Equal(SeedContent.Codes.Values.Order(), pages.Keys.Order());
        foreach (var (file, code) in SeedContent.Codes) Assert.Equal(file, pages[code].SourceFile);
        Assert.Equal("Venous thrombosis imaging, venogram; bilateral", pages["78458"].Title);
        Assert.Equal("Thrombectomy, direct or with catheter; vena cava, iliac, femoropopliteal vein, by leg incision", pages["34421"].Title);
        Assert.Equal("Unlisted fluoroscopic procedure (eg, diagnostic, interventional)", pages["76496"].Title);
        Assert.Equal("Epidurography, radiological supervision and interpretation", pages["72275"].Title);
        Assert.StartsWith("Percutaneous transluminal mechanical thrombectomy, vein(s)", pages["37188"].Title, StringComparison.Ordinal);

        string[] KindsOf(string code) => pages[code].Sections.OrderBy(s => s.Position).Select(s => s.Kind).ToArray();
        Assert.Equal(AllButPolicies, KindsOf("37188"));
        Assert.Equal(WithPolicies, KindsOf("76496"));
        foreach (var page in pages.Values)
        {
            Assert.Equal(Enumerable.Range(0, page.Sections.Count), page.Sections.Select(s => s.Position).Order());
            Assert.All(page.Sections.Where(s => s.Markdown.Length > 0), s => Assert.False(string.IsNullOrWhiteSpace(s.Html), $"{page.Code} {s.Kind} has no HTML"));
        }

        var hits = Sql.Column(database, "SELECT rowid FROM search_index WHERE search_index MATCH 'thrombectomy'").Select(int.Parse).Order();
        Assert.Equal(new[] { pages["34421"].Id, pages["37188"].Id }.Order(), hits);
    }

    [Fact]
    public void Importing_the_same_folder_again_changes_nothing_and_writes_the_same_rows()
    {
        var content = SeedContent.CopyTo(_temp);
        var database = _temp.Combine("ref.db");
        Assert.True(Import(content, database).Succeeded);
        var afterFirst = Dump(database);

        // Staged, since an import of the same content is not published: the rows it wrote are in the staged file.
        var store = new SqliteContentStore(database);
        var (staged, second) = store.Stage(new ImportOptions(content), "test", "again");

        Assert.True(second.Succeeded, second.FatalError);
        Assert.Equal(5, second.Unchanged.Count);
        Assert.Empty(second.Added);
        Assert.Empty(second.Changed);
        Assert.Empty(second.Removed);
        Assert.Equal(afterFirst, Dump(store.StagedDatabase(staged!.Id)));
        Assert.Equal(afterFirst, Dump(database));

        var other = _temp.Combine("other.db");
        Assert.True(Import(content, other).Succeeded);
        Assert.NotEmpty(afterFirst);
        Assert.Equal(afterFirst, Dump(other));
    }

    [Fact]
    public void A_reimport_reports_changed_removed_and_added_pages_by_code()
    {
        var content = SeedContent.CopyTo(_temp);
        var database = _temp.Combine("ref.db");
        Assert.True(Import(content, database).Succeeded);

        var edited = Path.Combine(content, SeedContent.FileOf("78458"));
        var lines = File.ReadAllLines(edited).ToList();
        var risk = lines.FindIndex(l => l.Trim() == "• Allergic reaction to contrast dye");
        Assert.True(risk > 0);
        lines.Insert(risk + 1, "  • A risk added by the test");
        File.WriteAllLines(edited, lines);
        File.Delete(Path.Combine(content, SeedContent.FileOf("72275")));
        File.Copy(Path.Combine(content, SeedContent.FileOf("37188")), Path.Combine(content, "005_added.txt"));
        SeedContent.AddCode(content, "005_added.txt", "99999");

        var report = Import(content, database);

        Assert.True(report.Succeeded, report.FatalError);
        Assert.Equal(["78458"], report.Changed);
        Assert.Equal(["72275"], report.Removed);
        Assert.Equal(["99999"], report.Added);
        Assert.Equal(["34421", "37188", "76496"], report.Unchanged);
        Assert.Contains(Sql.Column(database, "SELECT Markdown FROM sections JOIN pages ON pages.Id = PageId WHERE Code = '78458' AND Kind = 'risks'"),
            markdown => markdown.Contains("A risk added by the test", StringComparison.Ordinal));
    }

    [Fact]
    public void An_import_with_no_usable_page_fails_and_leaves_the_previous_content()
    {
        var database = _temp.Combine("ref.db");
        Assert.True(Import(SeedContent.CopyTo(_temp), database).Succeeded);
        var before = File.ReadAllBytes(database);
        var bad = _temp.CreateFolder("bad");
        File.WriteAllBytes(Path.Combine(bad, "empty.txt"), []);
        File.WriteAllBytes(Path.Combine(bad, "binary.txt"), [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0x00, 0x12]);

        var report = Import(bad, database);

        Assert.False(report.Succeeded);
        Assert.Contains("no usable page", report.FatalError, StringComparison.Ordinal);
        Assert.Equal(2, report.FilesWithErrors);
        Assert.Equal(5, PageCount(database));
        Assert.Equal(before, File.ReadAllBytes(database));
        Assert.Equal(["ref.db", "ref.db.import.lock", "ref.db.publish.lock"], Directory.EnumerateFiles(_temp.Path).Select(Path.GetFileName).Order());
        Assert.Empty(Directory.EnumerateFiles(new SqliteContentStore(database).StagingFolder));
    }

    [Fact]
    public void A_missing_content_folder_fails_and_leaves_the_database_untouched()
    {
        var database = _temp.Combine("ref.db");
        Assert.True(Import(SeedContent.CopyTo(_temp), database).Succeeded);
        var before = File.ReadAllBytes(database);

        var report = Import(_temp.Combine("no-such-folder"), database);

        Assert.False(report.Succeeded);
        Assert.Contains("does not exist", report.FatalError, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(database));
        Assert.Equal(5, PageCount(database));
    }

    [Fact]
    public void A_database_path_that_cannot_be_written_fails_with_a_message_not_an_exception()
    {
        // Tests run as root, so chmod cannot make a folder unwritable: make the db's parent a file instead.
        var notAFolder = _temp.Combine("not-a-folder");
        File.WriteAllText(notAFolder, "a file where the database folder should be");

        var report = Import(SeedContent.CopyTo(_temp), Path.Combine(notAFolder, "ref.db"));

        Assert.False(report.Succeeded);
        Assert.StartsWith($"cannot create {Path.Combine(notAFolder, "ref.staging")}: ", report.FatalError, StringComparison.Ordinal);
        Assert.Equal("a file where the database folder should be", File.ReadAllText(notAFolder));
    }

    [Fact]
    public void An_import_is_refused_while_another_holds_the_lock_and_runs_once_it_is_released()
    {
        var content = SeedContent.CopyTo(_temp);
        var database = _temp.Combine("ref.db");

        using (var held = new SqliteImportLock(database).TryAcquire())
        {
            Assert.NotNull(held);
            Assert.Null(new SqliteImportLock(database).TryAcquire());

            var refused = Import(content, database);

            Assert.False(refused.Succeeded);
            Assert.Contains("another import", refused.FatalError, StringComparison.Ordinal);
            Assert.False(File.Exists(database));
        }

        var report = Import(content, database);
        Assert.True(report.Succeeded, report.FatalError);
        Assert.Equal(5, PageCount(database));
    }

    [Fact]
    public void A_lock_file_that_cannot_be_opened_is_reported_as_such_not_as_another_import()
    {
        var content = SeedContent.CopyTo(_temp);
        var database = _temp.Combine("ref.db");
        var lockFile = new SqliteImportLock(database).LockFile;
        Directory.CreateDirectory(lockFile); // a folder where the lock file should be: unusable even to root

        var report = Import(content, database);

        Assert.False(report.Succeeded);
        Assert.StartsWith($"cannot lock {lockFile} to import: ", report.FatalError, StringComparison.Ordinal);
        Assert.DoesNotContain("another import", report.FatalError, StringComparison.Ordinal);
        Assert.False(File.Exists(database));
    }

    [Fact]
    public void An_import_deletes_files_a_dead_import_left_behind()
    {
        var database = _temp.Combine("ref.db");
        var leftover = database + ".building-deadbeef";
        File.WriteAllText(leftover, "half a database");
        File.WriteAllText(leftover + "-journal", "its journal");
        var unrelated = _temp.Combine("other.db.building-deadbeef");
        File.WriteAllText(unrelated, "another database's business");

        var report = Import(SeedContent.CopyTo(_temp), database);

        Assert.True(report.Succeeded, report.FatalError);
        Assert.False(File.Exists(leftover));
        Assert.False(File.Exists(leftover + "-journal"));
        Assert.True(File.Exists(unrelated));
        Assert.Empty(Directory.EnumerateFiles(_temp.Path, "ref.db.building-*"));
    }
}
