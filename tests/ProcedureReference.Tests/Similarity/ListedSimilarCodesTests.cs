using ProcedureReference.Importing;
using ProcedureReference.Similarity;
using ProcedureReference.Testing;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Similarity;

/// <summary>Codes a page lists under its own 'Similar Codes' section come first, marked as the page's.</summary>
public sealed class ListedSimilarCodesTests : IDisposable
{
    private const string Listed37187 = "Percutaneous transluminal mechanical thrombectomy, vein(s), initial";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Seed 34421 with lines under its (last, empty) 'Similar Codes' heading.</summary>
    private Dictionary<string, List<SimilarCodeRow>> ImportWithListing(params string[] lines)
    {
        var content = SeedContent.CopyTo(_temp);
        File.AppendAllText(Path.Combine(content, SeedContent.FileOf("34421")), "\n" + string.Join("\n", lines) + "\n");
        var database = _temp.Combine("ref.db");
        var report = TestContent.Publish(content, database);
        Assert.True(report.Succeeded, report.FatalError);
        Assert.Equal(0, report.FilesWithErrors);
        return SimilarCodeRows.Read(database);
    }

    [Fact]
    public void Listed_codes_come_first_as_the_pages_with_scores_and_reasons()
    {
        var rows = ImportWithListing(
            $"37187 {Listed37187}",
            "  • 37188 Percutaneous transluminal mechanical thrombectomy, vein(s), repeat treatment");

        var list = rows.Of("34421");
        Assert.True(list.Count >= 2);
        Assert.Equal(["37187", "37188"], list.Take(2).Select(r => r.Code));
        Assert.All(list.Take(2), r =>
        {
            Assert.Equal("page", r.Source);
            Assert.InRange(r.Score, 0.01, 1.0);
            Assert.StartsWith("listed on the page", r.Reason, StringComparison.Ordinal);
        });
        // 37187 is not in the reference: kept with the title the page gives it. 37188 is: its page's title.
        Assert.Equal(Listed37187, list[0].Title);
        Assert.StartsWith("Percutaneous transluminal mechanical thrombectomy, vein(s), including", list[1].Title, StringComparison.Ordinal);
        Assert.All(list.Skip(2), r => Assert.Equal("computed", r.Source));
        Assert.Equal(list.Count, list.Select(r => r.Code).Distinct().Count());
    }

    [Fact]
    public void A_page_listing_itself_or_a_code_twice_keeps_each_other_code_once()
    {
        var rows = ImportWithListing(
            "37188 - Percutaneous transluminal mechanical thrombectomy, vein(s), repeat treatment",
            "34421: Thrombectomy, direct or with catheter",
            "- 37188 Percutaneous transluminal mechanical thrombectomy",
            "Bleeding or hematoma");

        var list = rows.Of("34421");
        Assert.Equal("37188", list[0].Code);
        Assert.Equal("page", list[0].Source);
        Assert.DoesNotContain(list, r => r.Code == "34421");
        Assert.Single(list, r => r.Code == "37188");
    }

    [Theory]
    [InlineData("37187 Percutaneous thrombectomy, initial", "37187", "Percutaneous thrombectomy, initial")]
    [InlineData("37187 - Percutaneous thrombectomy", "37187", "Percutaneous thrombectomy")]
    [InlineData("0042T: Cerebral perfusion analysis", "0042T", "Cerebral perfusion analysis")]
    [InlineData("J1100", "J1100", "")]
    [InlineData("37187. Percutaneous thrombectomy", "37187", "Percutaneous thrombectomy")]
    public void A_listing_line_gives_its_code_and_title(string line, string code, string title)
    {
        Assert.Equal([new ListedCode(code, title)], ListedCodes.Parse(line));
    }

    [Theory]
    [InlineData("Bleeding or hematoma")]
    [InlineData("2024 guidelines from health plans")]
    [InlineData("Related policies from health plans")]
    public void A_line_that_is_not_a_listing_gives_nothing(string line)
    {
        Assert.Empty(ListedCodes.Parse(line));
    }
}
