using System.Text;
using ProcedureReference.Importing;
using ProcedureReference.Testing;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Importing;

/// <summary>One folder of good pages mixed with every kind of bad file: the bad ones are reported by name and reason, the rest imports.</summary>
public sealed class ImporterBadFileTests : IDisposable
{
    private const string BomCrlfCode = "99002";
    private const string Latin1Code = "99001";

    private readonly TempFolder _temp = new();
    private readonly string _database;
    private readonly ImportReport _report;

    public ImporterBadFileTests()
    {
        var content = SeedContent.CopyTo(_temp);
        string PathOf(string file) => Path.Combine(content, file);
        var seed = File.ReadAllText(PathOf(SeedContent.FileOf("78458")), Encoding.UTF8);

        File.WriteAllBytes(PathOf("empty.txt"), []);
        File.WriteAllText(PathOf("whitespace.txt"), "  \n\n\t \r\n   \n");
        File.WriteAllBytes(PathOf("binary.txt"), [.. Encoding.ASCII.GetBytes("PK"), 0x03, 0x04, 0x00, 0x00, 0x14, 0x00, 0x08, 0x00, 0xE9, 0x00]);
        File.WriteAllText(PathOf("title_only.txt"), "Search all medical codes\n\nA procedure with nothing but a title\n\n\n\n");
        File.WriteAllBytes(PathOf("too_big.txt"), Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(seed, 5)))[..(20 * 1024)]);

        // Latin-1: the seed's bullets are not in Latin-1, so they become dashes; the title gets an é (byte 0xE9).
        var latin1 = seed.Replace('•', '-').Replace("imaging, venogram", "imaging, vénogram", StringComparison.Ordinal);
        File.WriteAllBytes(PathOf("latin1.txt"), Encoding.Latin1.GetBytes(latin1));
        SeedContent.AddCode(content, "latin1.txt", Latin1Code);

        var crlf = seed.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
        File.WriteAllBytes(PathOf("bom_crlf.txt"), [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(crlf)]);
        SeedContent.AddCode(content, "bom_crlf.txt", BomCrlfCode);

        _database = _temp.Combine("ref.db");
        _report = TestContent.Publish(new ImportOptions(content) { MaxFileBytes = 10_000 }, _database);
    }

    public void Dispose() => _temp.Dispose();

    private FileResult ResultFor(string file) => Assert.Single(_report.Files, f => f.File == file);

    [Fact]
    public void The_good_pages_the_bom_crlf_page_and_the_latin1_page_are_imported()
    {
        Assert.True(_report.Succeeded, _report.FatalError);
        string[] expected = [.. SeedContent.Codes.Values, BomCrlfCode, Latin1Code];
        Assert.Equal(expected.Order(StringComparer.Ordinal), _report.Added);
        Assert.Equal(expected.Order(StringComparer.Ordinal), Sql.Column(_database, "SELECT Code FROM pages ORDER BY Code"));
        Assert.Equal(12, _report.Files.Count);
        Assert.Equal(5, _report.FilesWithErrors);
    }

    [Theory]
    [InlineData("empty.txt", "empty")]
    [InlineData("whitespace.txt", "empty")]
    [InlineData("binary.txt", "binary")]
    [InlineData("title_only.txt", "no sections")]
    [InlineData("too_big.txt", "cap")]
    public void Each_bad_file_has_one_error_that_says_what_is_wrong(string file, string keyword)
    {
        var result = ResultFor(file);

        var error = Assert.Single(result.Errors);
        Assert.Contains(keyword, error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Sql.Column(_database, $"SELECT Code FROM pages WHERE SourceFile = '{file}'"));
    }

    [Fact]
    public void The_oversized_file_error_gives_its_size_and_the_cap()
    {
        var error = Assert.Single(ResultFor("too_big.txt").Errors);

        Assert.Contains("20 KB", error, StringComparison.Ordinal);
        Assert.Contains("9.8 KB", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_latin1_page_imports_with_a_warning_about_utf8_and_keeps_its_accent()
    {
        var result = ResultFor("latin1.txt");

        Assert.Empty(result.Errors);
        Assert.Contains(result.Warnings, w => w.Contains("UTF-8", StringComparison.Ordinal));
        Assert.Equal("Venous thrombosis imaging, vénogram; bilateral",
            Sql.Column(_database, $"SELECT Title FROM pages WHERE Code = '{Latin1Code}'").Single());
    }

    [Fact]
    public void The_bom_crlf_page_has_no_warnings_and_parses_exactly_like_its_seed()
    {
        var result = ResultFor("bom_crlf.txt");
        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);

        List<string[]> Sections(string code) => Sql.Rows(_database,
            $"SELECT Kind, Heading, Markdown, Html FROM sections JOIN pages ON pages.Id = PageId WHERE Code = '{code}' ORDER BY Position");
        var seed = Sections("78458");
        Assert.NotEmpty(seed);
        Assert.Equal(seed, Sections(BomCrlfCode));
        const string header = "SELECT Title, Name, CommonNames, TechnicalTerm, System FROM pages WHERE Code = ";
        Assert.Equal(Sql.Rows(_database, header + "'78458'"), Sql.Rows(_database, $"{header}'{BomCrlfCode}'"));
    }
}
