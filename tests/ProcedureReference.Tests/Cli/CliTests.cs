using System.Text.Json;
using ProcedureReference.Tests.Support;
using ProcedureReference.Web.Cli;

namespace ProcedureReference.Tests.Cli;

/// <summary>The `import` and `parse` verbs, run in-process with their output captured.</summary>
public sealed class CliTests : IDisposable
{
    private static readonly string[] SeedKinds =
    [
        "summary", "purpose", "indications", "preparation", "procedure", "duration", "setting", "personnel",
        "risks", "benefits", "recovery", "alternatives", "patient_experience", "similar_codes",
    ];

    private static readonly string[] PageKeys =
        ["file", "code", "system", "title", "name", "commonNames", "technicalTerm", "sections", "warnings", "errors"];

    private static readonly string[] SectionKeys = ["kind", "heading", "markdown"];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => Verb.Run(args);

    private static List<string> FilesUnder(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    private static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void Import_imports_the_seeds_and_reports_the_counts()
    {
        var database = _temp.Combine("ref.db");

        var (exitCode, stdout, stderr) = Run("import", "--content", SeedContent.CopyTo(_temp), "--db", database);

        Assert.True(exitCode == 0, stdout + stderr);
        Assert.Contains($"5 files read; 5 pages imported into {database}", stdout, StringComparison.Ordinal);
        Assert.Contains("5 added, 0 changed, 0 unchanged, 0 removed", stdout, StringComparison.Ordinal);
        Assert.Contains("0 files with errors", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("FAILED", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(database));
    }

    [Fact]
    public void Import_of_an_empty_folder_fails_with_a_non_zero_exit_code()
    {
        var database = _temp.Combine("ref.db");

        var (exitCode, stdout, _) = Run("import", "--content", _temp.CreateFolder("empty"), "--db", database);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("FAILED", stdout, StringComparison.Ordinal);
        Assert.Contains("no usable page", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(database));
    }

    [Fact]
    public void Import_with_a_flag_missing_its_value_is_a_usage_error()
    {
        var (exitCode, _, stderr) = Run("import", "--content", _temp.Path, "--db");

        Assert.Equal(2, exitCode);
        Assert.Contains("'--db'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_prints_one_json_object_per_file_with_codes_from_codes_csv()
    {
        var content = SeedContent.CopyTo(_temp);
        var files = SeedContent.Codes.Keys.Select(f => Path.Combine(content, f)).ToArray();

        var (exitCode, stdout, stderr) = Run(["parse", "--json", .. files]);

        Assert.True(exitCode == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var pages = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(files.Length, pages.Count);
        for (var i = 0; i < files.Length; i++)
        {
            var page = pages[i];
            var file = Path.GetFileName(files[i]);
            Assert.Equal(PageKeys, Keys(page));
            Assert.Equal(file, page.GetProperty("file").GetString());
            Assert.Equal(SeedContent.Codes[file], page.GetProperty("code").GetString());
            Assert.Equal(JsonValueKind.Array, page.GetProperty("commonNames").ValueKind);
            Assert.Empty(page.GetProperty("errors").EnumerateArray());
            Assert.All(page.GetProperty("sections").EnumerateArray(), s => Assert.Equal(SectionKeys, Keys(s)));
        }

        var first = pages.Single(p => p.GetProperty("file").GetString()!.StartsWith("000_", StringComparison.Ordinal));
        Assert.Equal(SeedKinds, first.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
        Assert.Equal("CPT", first.GetProperty("system").GetString());
        Assert.Equal("Venous thrombosis imaging, venogram; bilateral", first.GetProperty("title").GetString());
    }

    [Fact]
    public void Parse_takes_each_files_code_from_the_codes_csv_in_its_own_folder()
    {
        var seed = SeedContent.FileOf("78458");
        var original = Path.Combine(SeedContent.CopyTo(_temp, "original"), seed);
        var renumbered = _temp.CreateFolder("renumbered");
        File.Copy(original, Path.Combine(renumbered, seed));
        File.WriteAllText(Path.Combine(renumbered, "codes.csv"), $"file,code\n{seed},12345\n");

        var (exitCode, stdout, _) = Run("parse", "--json", original, Path.Combine(renumbered, seed));

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(["78458", "12345"], json.RootElement.EnumerateArray().Select(p => p.GetProperty("code").GetString()));
    }

    [Fact]
    public void Parse_touches_no_database()
    {
        var content = SeedContent.CopyTo(_temp);
        var before = FilesUnder(_temp.Path);
        var defaultDatabase = Path.GetFullPath("data/procedures.db");
        var defaultExisted = File.Exists(defaultDatabase);

        var (exitCode, _, _) = Run("parse", "--json", Path.Combine(content, SeedContent.FileOf("37188")));

        Assert.Equal(0, exitCode);
        Assert.Equal(before, FilesUnder(_temp.Path));
        Assert.Empty(Directory.EnumerateFiles(_temp.Path, "*.db*", SearchOption.AllDirectories));
        Assert.Equal(defaultExisted, File.Exists(defaultDatabase));
    }

    [Theory]
    [InlineData("parse", "--json")]
    [InlineData("parse")]
    public void Parse_with_no_files_is_a_usage_error(params string[] args)
    {
        var (exitCode, stdout, stderr) = Run(args);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("name at least one page file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_reports_a_missing_file_as_an_error_entry()
    {
        var missing = _temp.Combine("missing.txt");

        var (exitCode, stdout, _) = Run("parse", "--json", missing);

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        var page = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal("missing.txt", page.GetProperty("file").GetString());
        Assert.Equal("no such file", Assert.Single(page.GetProperty("errors").EnumerateArray().ToList()).GetString());
        Assert.False(File.Exists(missing));
    }
}
