using System.Text.RegularExpressions;
using ProcedureReference.Importing;
using ProcedureReference.Parsing;
using ProcedureReference.Search;
using ProcedureReference.Similarity;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Similarity;

/// <summary>The similar codes' range reason and the search facets read one code-ranges service, and agree.</summary>
public sealed partial class RangeReasonTests
{
    [Fact]
    public void A_range_named_in_a_similar_code_reason_is_where_browse_and_search_place_both_codes()
    {
        var ranges = CodeCategories.Load(Path.Combine(SeedContent.Folder, CodeCategories.FileName));
        var manifest = Manifest.Load(SeedContent.Folder);
        var builder = new SimilarityIndexBuilder(ranges: ranges);
        var codeOf = new Dictionary<int, string>();
        foreach (var (file, id) in SeedContent.Codes.Keys.Order(StringComparer.Ordinal).Select((f, i) => (f, i + 1)))
        {
            var page = PageParser.Parse(file, File.ReadAllBytes(Path.Combine(SeedContent.Folder, file)), manifest.CodeFor(file));
            builder.Add(SimilarityPage.From(id, page));
            codeOf[id] = page.Code!;
        }

        var named = 0;
        foreach (var page in builder.Build())
        {
            foreach (var similar in page.Codes)
            {
                var match = RangeReason().Match(similar.Reason);
                if (!match.Success) continue;
                named++;
                foreach (var code in new[] { codeOf[page.PageId], similar.Code })
                {
                    var category = ranges.Find("CPT", code);
                    Assert.NotNull(category);
                    Assert.Equal(match.Groups["label"].Value, match.Groups["kind"].Value == "subsection" ? category.Subsection : category.Section);
                }
            }
        }
        // 34421 and 37188 are both Surgery / Cardiovascular System, and say so.
        Assert.True(named > 0, "no similar code named its range");
    }

    [GeneratedRegex("same CPT (?<kind>section|subsection): (?<label>[^;]+)")]
    private static partial Regex RangeReason();
}
