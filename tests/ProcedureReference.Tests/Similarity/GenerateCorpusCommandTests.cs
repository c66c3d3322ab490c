using ProcedureReference.Tests.Support;
using ProcedureReference.Web.Cli;

namespace ProcedureReference.Tests.Similarity;

/// <summary>The `generate-corpus` verb, run in-process with its output captured.</summary>
public sealed class GenerateCorpusCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>The verb's own method, as the web CLI no longer carries it (it moves to a tools project).</summary>
    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exitCode;
        try
        {
            exitCode = GenerateCorpusCommand.Run(args[1..], new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), stdout, stderr);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"{args[0]}: {e.Message}");
            exitCode = 2;
        }
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void It_writes_the_pages_and_both_csv_files_and_reports_them()
    {
        var folder = _temp.Combine("corpus");

        var (exitCode, stdout, stderr) = Run("generate-corpus", "--pages", "40", "--out", folder, "--seed", "5");

        Assert.True(exitCode == 0, stdout + stderr);
        Assert.Contains("Wrote 40 pages", stdout, StringComparison.Ordinal);
        Assert.Equal(40, Directory.GetFiles(folder, "*.txt").Length);
        Assert.Equal(41, File.ReadAllLines(Path.Combine(folder, "codes.csv")).Length);
        Assert.Equal(41, File.ReadAllLines(Path.Combine(folder, "families.csv")).Length);
    }

    [Theory]
    [InlineData("generate-corpus", "--out", "x")]
    [InlineData("generate-corpus", "--pages", "10")]
    [InlineData("generate-corpus", "--pages", "many", "--out", "x")]
    [InlineData("generate-corpus", "--pages", "0", "--out", "x")]
    [InlineData("generate-corpus", "--pages", "100001", "--out", "x")]
    public void A_wrong_command_line_exits_2_and_says_why(params string[] args)
    {
        var (exitCode, _, stderr) = Run(args);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("generate-corpus: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_that_already_holds_pages_exits_1()
    {
        var (exitCode, _, stderr) = Run("generate-corpus", "--pages", "10", "--out", SeedContent.CopyTo(_temp));

        Assert.Equal(1, exitCode);
        Assert.Contains("already holds page files", stderr, StringComparison.Ordinal);
    }
}
