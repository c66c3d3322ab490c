using System.Security.Cryptography;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Cli;

/// <summary>
/// `import` never guesses and never publishes by accident: a wrong command line, an import that removes many codes,
/// and one that changes nothing all leave the live database byte for byte as it was.
/// </summary>
public sealed class ImportSafetyTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public ImportSafetyTests()
    {
        Content = SeedContent.CopyTo(_temp);
        var (exitCode, stdout, stderr) = Verb.Run("import", "--content", Content, "--db", Database);
        Assert.True(exitCode == 0, stdout + stderr);
    }

    public void Dispose() => _temp.Dispose();

    private string Content { get; }

    private string Database => _temp.Combine("data", "procedures.db");

    /// <summary>Every file beside the live database (versions, staged imports, the live note) with a hash of its bytes.</summary>
    private Dictionary<string, string> DataFiles() =>
        Directory.EnumerateFiles(Path.GetDirectoryName(Database)!, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".lock", StringComparison.Ordinal) && Path.GetFileName(f) != "admin.db" && !f.Contains("admin.db-", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(_temp.Path, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    /// <summary>The seed content without 37188: one of five live codes (20%) removed.</summary>
    private string ContentWithoutOneCode()
    {
        var folder = SeedContent.CopyTo(_temp, "fewer");
        File.Delete(Path.Combine(folder, SeedContent.FileOf("37188")));
        File.WriteAllLines(Path.Combine(folder, "codes.csv"),
            File.ReadAllLines(Path.Combine(folder, "codes.csv")).Where(l => !l.Contains("37188", StringComparison.Ordinal)));
        return folder;
    }

    [Theory]
    [InlineData("'--stgae'", "import", "--stgae")]
    [InlineData("'--bogus'", "import", "--bogus")]
    [InlineData("'extra-arg'", "import", "extra-arg")]
    [InlineData("'improt'", "improt")]
    [InlineData("'publish'", "publish")]
    public void A_wrong_command_line_exits_2_with_the_usage_and_leaves_the_live_database_untouched(string named, params string[] args)
    {
        var before = DataFiles();

        var (exitCode, stdout, stderr) = Verb.Run([.. args, "--db", Database, "--content", ContentWithoutOneCode()]);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Contains(named, stderr, StringComparison.Ordinal);
        Assert.Contains("--help", stderr, StringComparison.Ordinal);
        Assert.Equal(before, DataFiles());
    }

    [Fact]
    public void An_import_that_removes_more_than_the_allowed_share_is_refused_and_says_how_many_codes_would_go()
    {
        var before = DataFiles();

        var (exitCode, stdout, stderr) = Verb.Run("import", "--db", Database, "--content", ContentWithoutOneCode());

        Assert.True(exitCode == 1, stdout + stderr);
        Assert.Contains("REFUSED", stdout, StringComparison.Ordinal);
        Assert.Contains("removes 1 of the 5 live codes (20%)", stdout, StringComparison.Ordinal);
        Assert.Contains("--allow-removals", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("imported into", stdout, StringComparison.Ordinal);
        Assert.Equal(before, DataFiles());
    }

    [Fact]
    public void Allow_removals_publishes_it()
    {
        var (exitCode, stdout, stderr) = Verb.Run("import", "--allow-removals", "--db", Database, "--content", ContentWithoutOneCode());

        Assert.True(exitCode == 0, stdout + stderr);
        Assert.Contains("published v", stdout, StringComparison.Ordinal);
        Assert.Contains("1 removed", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_higher_MaxRemovedPercent_lets_it_through_without_the_option()
    {
        var (exitCode, stdout, stderr) = Verb.Run("import", "--Admin:MaxRemovedPercent=20", "--db", Database, "--content", ContentWithoutOneCode());

        Assert.True(exitCode == 0, stdout + stderr);
        Assert.Contains("published v", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_import_with_no_changes_publishes_nothing_and_says_so()
    {
        var before = DataFiles();

        var (exitCode, stdout, stderr) = Verb.Run("import", "--db", Database, "--content", Content);

        Assert.True(exitCode == 0, stdout + stderr);
        Assert.Contains("No changes", stdout, StringComparison.Ordinal);
        Assert.Contains("nothing was published", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("published v", stdout, StringComparison.Ordinal);
        Assert.Equal(before, DataFiles());
    }

    [Fact]
    public void Stage_says_it_staged_and_where_to_review_it_not_that_it_imported_into_the_live_database()
    {
        var (exitCode, stdout, stderr) = Verb.Run("import", "--stage", "--db", Database, "--content", ContentWithoutOneCode());

        Assert.True(exitCode == 0, stdout + stderr);
        Assert.DoesNotContain("imported into", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Database, stdout, StringComparison.Ordinal);
        var id = Assert.Single(Directory.EnumerateFiles(_temp.Combine("data", "procedures.staging"), "*.json").Select(Path.GetFileNameWithoutExtension));
        Assert.Contains($"4 pages staged as {id}", stdout, StringComparison.Ordinal);
        Assert.Contains($"/admin/imports/{id}", stdout, StringComparison.Ordinal);
    }
}
