using ProcedureReference.Importing;
using ProcedureReference.Similarity;
using ProcedureReference.Testing;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Similarity;

/// <summary>Similar codes computed for the five seed pages, read back from a real import.</summary>
public sealed class SeedSimilarityTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private Dictionary<string, List<SimilarCodeRow>> ImportSeeds()
    {
        var database = _temp.Combine("ref.db");
        var report = TestContent.Publish(SeedContent.CopyTo(_temp), database);
        Assert.True(report.Succeeded, report.FatalError);
        return SimilarCodeRows.Read(database);
    }

    private static List<string> Codes(Dictionary<string, List<SimilarCodeRow>> rows, string page) => rows.Of(page).Select(r => r.Code).ToList();

    [Fact]
    public void The_two_thrombectomies_list_each_other_first()
    {
        var rows = ImportSeeds();

        Assert.Equal("37188", Codes(rows, "34421").FirstOrDefault());
        Assert.Equal("34421", Codes(rows, "37188").FirstOrDefault());
        Assert.Contains("thrombectomy", rows.Of("34421")[0].Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_venogram_lists_both_thrombectomies_before_the_imaging_codes()
    {
        var codes = Codes(ImportSeeds(), "78458");

        var thrombectomies = new[] { codes.IndexOf("34421"), codes.IndexOf("37188") };
        Assert.All(thrombectomies, i => Assert.True(i >= 0, $"78458 lists {string.Join(", ", codes)}"));
        foreach (var imaging in new[] { "72275", "76496" })
        {
            var at = codes.IndexOf(imaging);
            Assert.True(at < 0 || at > thrombectomies.Max(), $"78458 lists {string.Join(", ", codes)}");
        }
    }

    /// <summary>
    /// The epidurogram and the unlisted fluoroscopic procedure stand in one subsection and share only template
    /// words ('structures', 'diagnose'): they were listed for each other at 0.041. That is noise, not a neighbour.
    /// </summary>
    [Fact]
    public void The_epidurogram_and_the_fluoroscopic_procedure_share_only_the_template_and_list_neither()
    {
        var rows = ImportSeeds();

        Assert.DoesNotContain("76496", Codes(rows, "72275"));
        Assert.DoesNotContain("72275", Codes(rows, "76496"));
    }

    [Fact]
    public void Every_reason_names_clinical_words_and_every_computed_code_passes_the_threshold()
    {
        var rows = ImportSeeds();

        foreach (var row in rows.Values.SelectMany(l => l))
        {
            Assert.True(row.Score >= new SimilarityOptions().MinScore, $"{row.PageCode} lists {row.Code} at {row.Score}");
            foreach (var word in SharedWords(row.Reason))
                Assert.False(TemplateWordsTests.IsStopWord(word), $"{row.PageCode} lists {row.Code} for '{row.Reason}': '{word}' is a template word");
        }
        Assert.Contains("veins", rows.Of("78458").Single(r => r.Code == "34421").Reason, StringComparison.Ordinal);
    }

    private static IEnumerable<string> SharedWords(string reason) =>
        reason.Split("; ").Where(p => p.StartsWith("shares: ", StringComparison.Ordinal))
            .SelectMany(p => p["shares: ".Length..].Split(", "));

    [Fact]
    public void No_page_lists_itself_or_a_code_twice_and_every_row_is_scored_and_explained()
    {
        var rows = ImportSeeds();

        foreach (var (page, list) in rows)
        {
            Assert.DoesNotContain(list, r => r.Code == page);
            Assert.Equal(list.Count, list.Select(r => r.Code).Distinct().Count());
            Assert.Equal(Enumerable.Range(0, list.Count), list.Select(r => r.Position));
            Assert.All(list, r =>
            {
                Assert.InRange(r.Score, 0.0, 1.0);
                Assert.False(string.IsNullOrWhiteSpace(r.Reason));
                Assert.Equal("computed", r.Source);
                Assert.Contains(r.Code, SeedContent.Codes.Values);
            });
            // Computed codes come best first.
            Assert.Equal(list.Select(r => r.Score).OrderDescending(), list.Select(r => r.Score));
        }
    }

    [Fact]
    public void The_number_of_similar_codes_is_configurable()
    {
        var database = _temp.Combine("one.db");
        var report = TestContent.Publish(new ImportOptions(SeedContent.CopyTo(_temp)) { SimilarCount = 1 }, database);

        Assert.True(report.Succeeded, report.FatalError);
        var rows = SimilarCodeRows.Read(database);
        Assert.NotEmpty(rows);
        Assert.All(rows.Values, list => Assert.Single(list));
    }
}
