using ProcedureReference.Tests.Support;
using ProcedureReference.Web.Cli;

namespace ProcedureReference.Tests.Cli;

/// <summary>Help, mistakes and settings on the command line: what System.CommandLine and the settings give every verb.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string DataFolder => _temp.Combine("data");

    private string Database => _temp.Combine("data", "procedures.db");

    [Fact]
    public void Help_for_the_program_lists_the_verbs_and_how_settings_are_given()
    {
        var (exitCode, stdout, _) = Verb.Run("--help");

        Assert.Equal(0, exitCode);
        foreach (var verb in new[] { "import", "parse", "admin", "--Section:Key=value", "runs the site" })
            Assert.Contains(verb, stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("generate-corpus", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("import", "--content <DIR>", "--db <FILE>", "--stage", "--allow-removals", "Admin:MaxRemovedPercent")]
    [InlineData("parse", "--json", "<FILE>")]
    [InlineData("admin", "add", "remove", "list", "--db <FILE>")]
    [InlineData("admin add", "<NAME>", "--db <FILE>", "standard input")]
    [InlineData("admin remove", "<NAME>", "--db <FILE>")]
    [InlineData("admin list", "--db <FILE>")]
    public void Help_for_each_verb_lists_its_options(string verb, params string[] expected)
    {
        var (exitCode, stdout, stderr) = Verb.Run([.. verb.Split(' '), "--help"]);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains($" {verb} ", stdout[stdout.IndexOf("Usage:", StringComparison.Ordinal)..], StringComparison.Ordinal);
        foreach (var text in expected) Assert.Contains(text, stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'improt'", "improt")]
    [InlineData("'--contnet'", "import", "--contnet", "x")]
    [InlineData("'--force'", "import", "--force")]
    [InlineData("'delete'", "admin", "delete", "alice")]
    [InlineData("'--Import:SimilarCode'", "import", "--Import:SimilarCode=5")]
    public void A_mistyped_command_line_names_the_token_changes_nothing_and_exits_2(string named, params string[] args)
    {
        var (exitCode, stdout, stderr) = Verb.Run([.. args, "--db", Database, "--content", SeedContent.CopyTo(_temp)]);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Contains(named, stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(DataFolder), "the data folder was created");
    }

    [Fact]
    public void A_setting_switch_without_its_value_is_a_usage_error()
    {
        var (exitCode, stdout, stderr) = Verb.Run("import", "--Database:Path");

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("--Database:Path needs a value", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_verb_points_to_the_help()
    {
        var (_, _, stderr) = Verb.Run("improt");

        Assert.Contains("Did you mean", stderr, StringComparison.Ordinal);
        Assert.Contains("import", stderr, StringComparison.Ordinal);
        Assert.Contains("--help", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Database:Path={0}", "--Content:Path={1}")]
    [InlineData("--Database:Path", "{0}", "--Content:Path", "{1}")]
    [InlineData("--database:path={0}", "--content:path={1}")]
    public void Setting_switches_reach_the_verb_as_they_reach_the_site(params string[] switches)
    {
        var content = SeedContent.CopyTo(_temp);
        var args = switches.Select(s => string.Format(System.Globalization.CultureInfo.InvariantCulture, s, Database, content)).ToArray();

        var (exitCode, stdout, stderr) = Verb.Run(["import", .. args]);

        Assert.True(exitCode == 0, stdout + stderr);
        Assert.True(File.Exists(Database));
        Assert.Contains($"imported into {Database}", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_may_come_before_the_verb()
    {
        var (exitCode, _, stderr) = Verb.Run($"--Database:Path={Database}", "--Content:Path", SeedContent.CopyTo(_temp), "import");

        Assert.True(exitCode == 0, stderr);
        Assert.True(File.Exists(Database));
    }

    [Fact]
    public void The_db_option_is_the_same_as_Database_Path_and_wins_over_it()
    {
        var other = _temp.Combine("other", "procedures.db");

        var (exitCode, _, stderr) = Verb.Run("import", $"--Database:Path={other}", "--db", Database, "--content", SeedContent.CopyTo(_temp));

        Assert.True(exitCode == 0, stderr);
        Assert.True(File.Exists(Database));
        Assert.False(Directory.Exists(Path.GetDirectoryName(other)));
    }

    [Theory]
    [InlineData("Import:SimilarCodes", "abc", "a whole number from 0 to 50")]
    [InlineData("Import:SimilarCodes", "500", "a whole number from 0 to 50")]
    [InlineData("Import:SimilarCodes", "-1", "a whole number from 0 to 50")]
    [InlineData("Import:MaxFileBytes", "-5", "a whole number of bytes, at least 1")]
    [InlineData("Import:MaxFileBytes", "", "a whole number of bytes, at least 1")]
    [InlineData("Admin:KeepVersions", "0", "a whole number, at least 1")]
    [InlineData("Admin:MaxUploadEntries", "many", "a whole number, at least 1")]
    [InlineData("Database:Path", "", "a file path")]
    [InlineData("Admin:MaxRemovedPercent", "101", "a whole number from 0 to 100 (percent)")]
    [InlineData("Admin:MaxRemovedPercent", "-1", "a whole number from 0 to 100 (percent)")]
    public void A_bad_setting_is_named_in_one_line_and_nothing_is_written(string key, string value, string allowed)
    {
        var (exitCode, stdout, stderr) = Verb.Run("import", $"--Database:Path={Database}", $"--{key}={value}", "--content", SeedContent.CopyTo(_temp));

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Equal($"{key} = '{value}' is not allowed: {allowed}", stderr.TrimEnd());
        Assert.False(Directory.Exists(DataFolder), "the data folder was created");
    }

    [Fact]
    public void A_bad_setting_stops_parse_too()
    {
        var (exitCode, stdout, stderr) = Verb.Run("parse", "--Import:SimilarCodes=51", _temp.Combine("page.txt"));

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.StartsWith("Import:SimilarCodes = '51' is not allowed", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(false, "--Urls=http://127.0.0.1:5080")]
    [InlineData(false, "--urls", "http://127.0.0.1:5080")]
    [InlineData(false, "--Database:Path", "x.db", "--Urls=http://127.0.0.1:5080")]
    [InlineData(true, "import")]
    [InlineData(true, "--Database:Path", "x.db", "import")]
    [InlineData(true, "--help")]
    [InlineData(true, "-h")]
    [InlineData(true, "improt")]
    [InlineData(false, "--environment", "Development", "--AllowedHosts=example.org")]
    [InlineData(false, "--RateLimits=", "--RateLimits:SearchPermits=5", "--applicationName=ProcedureReference.Web")]
    [InlineData(true, "--urls", "--environment=Development")]
    [InlineData(true, "--bogus")]
    [InlineData(true, "--stage")]
    [InlineData(true, "--urls")]
    [InlineData(true, "--Urls=http://127.0.0.1:5080", "extra")]
    public void A_command_line_without_a_verb_runs_the_site(bool isCommand, params string[] args)
    {
        Assert.Equal(isCommand, CommandLine.IsCommand(args));
    }

    [Theory]
    [InlineData("'--bogus'", "--bogus")]
    [InlineData("'--stgae'", "--Database:Path=x.db", "--stgae")]
    [InlineData("'extra'", "--Urls=http://127.0.0.1:5080", "extra")]
    public void A_switch_the_site_does_not_take_is_refused_rather_than_starting_the_site(string named, params string[] args)
    {
        Assert.True(CommandLine.IsCommand(args));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        Assert.Equal(CommandLine.UsageExitCode, CommandLine.Run(args, stdout, stderr));
        Assert.Contains(named, stderr.ToString(), StringComparison.Ordinal);
    }
}
