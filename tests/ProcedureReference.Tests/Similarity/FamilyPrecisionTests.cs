using ProcedureReference.Corpus;
using ProcedureReference.Importing;
using ProcedureReference.Testing;
using ProcedureReference.Tests.Support;
using Xunit.Abstractions;

namespace ProcedureReference.Tests.Similarity;

/// <summary>Computed similar codes find the families planted in a generated corpus, through a real import.</summary>
public sealed class FamilyPrecisionTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Precision_at_5_on_2000_generated_pages_is_at_least_0_9()
    {
        var folder = _temp.Combine("corpus");
        CorpusGenerator.Generate(folder, 2000, seed: 2026);
        var database = _temp.Combine("ref.db");

        var report = TestContent.Publish(folder, database);

        Assert.True(report.Succeeded, report.FatalError);
        var similar = SimilarCodeRows.Read(database).ToDictionary(
            p => p.Key, p => p.Value.Where(r => r.Source == "computed").Select(r => r.Code).ToList());
        var precision = FamilyPrecision.At(5, similar, CorpusGenerator.ReadFamilies(folder));
        output.WriteLine($"precision@5 on 2,000 pages: {precision:0.000}");
        Assert.True(precision >= 0.9, $"precision@5 is {precision:0.000}");
    }

    [Fact]
    public void Precision_counts_only_what_a_family_can_offer()
    {
        var families = new Dictionary<string, string> { ["1"] = "a", ["2"] = "a", ["3"] = "a", ["4"] = "b", ["5"] = "c" };
        var similar = new Dictionary<string, List<string>>
        {
            ["1"] = ["2", "3", "4"], // both of its two: 1
            ["2"] = ["4", "1", "3"], // one of its first two: 0.5
            ["3"] = [],              // none: 0
        };

        // Pages 4 and 5 have no family to find and do not count.
        Assert.Equal(0.5, FamilyPrecision.At(5, similar, families), 3);
    }
}
