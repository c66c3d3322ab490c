using ProcedureReference.Search;

namespace ProcedureReference.Similarity;

/// <summary>
/// Says in a few words why a code is similar, from the strongest signal: a sibling variant of the same
/// descriptor, the same procedure family (a distinctive word in both descriptors' heads), or the distinctive words
/// the two pages share; plus the code range when both stand in it. Only words that carry weight are named,
/// so a reason never rests on 'procedure' or 'patient'.
/// </summary>
internal sealed class SimilarityReasons(IReadOnlyList<IndexedPage> pages, QueryVectors vectors, TermDictionary terms, CodeCategories ranges)
{
    private const int MaxNamedTerms = 3;
    public const string ListedOnPage = "listed on the page";

    public string For(int page, int other, Neighbour neighbour)
    {
        var (a, b) = (pages[page], pages[other]);
        var reason = neighbour.Siblings
            ? DescriptorStem.SiblingReason(b.Title, a.Title) ?? DescriptorStem.FamilyReason(a.Title)
            : FamilyTerms(page, other) ?? SharedTerms(page, other);
        if (!neighbour.Siblings && a.RangeIndex >= 0 && a.RangeIndex == b.RangeIndex)
            reason = reason is null ? ranges.All[a.RangeIndex].SameRangeReason : $"{reason}; {ranges.All[a.RangeIndex].SameRangeReason}";
        return reason ?? "similar descriptor and text";
    }

    /// <summary>'listed on the page', with what else is known about the pair.</summary>
    public static string Listed(string? detail) => detail is null ? ListedOnPage : $"{ListedOnPage}; {detail}";

    /// <summary>
    /// 'same procedure family: thrombectomy': the two descriptors' heads (what the procedure is, before the first
    /// comma) share a word that both pages count among their distinctive terms and that few pages use; other
    /// such descriptor words they share follow ('laminectomy, facet'). A shared site alone ('facet joint') makes
    /// no family, and words many descriptors use ('open', 'imaging') name none.
    /// </summary>
    private string? FamilyTerms(int page, int other)
    {
        var (a, b) = (pages[page], pages[other]);
        var few = Math.Max(2, vectors.PageCount / 10);
        bool Telling(int t) => b.DescriptorTerms.Contains(t) && vectors.PageCounts[t] <= few
            && Array.BinarySearch(vectors.Terms[page], t) >= 0 && Array.BinarySearch(vectors.Terms[other], t) >= 0;
        bool InHeads(int t) => a.HeadTerms.Contains(t) && b.HeadTerms.Contains(t);

        if (!a.HeadTerms.Any(t => InHeads(t) && Telling(t))) return null;
        var shared = a.DescriptorTerms.Where(Telling).OrderBy(t => InHeads(t) ? 0 : 1);
        return "same procedure family: " + string.Join(", ", shared.Take(MaxNamedTerms).Select(terms.Surface));
    }

    /// <summary>'shares: venogram, contrast, thrombosis': the kept terms that add most to the two pages' score.</summary>
    private string? SharedTerms(int page, int other)
    {
        var (ta, wa, tb, wb) = (vectors.Terms[page], vectors.Weights[page], vectors.Terms[other], vectors.Weights[other]);
        var shared = new List<(float Weight, int Term)>();
        for (int i = 0, j = 0; i < ta.Length && j < tb.Length;)
        {
            if (ta[i] == tb[j]) { shared.Add((wa[i] * wb[j], ta[i])); i++; j++; }
            else if (ta[i] < tb[j]) i++;
            else j++;
        }
        return Named("shares: ", shared);
    }

    /// <summary>
    /// For a listed code the reference does not hold: how close its listed title is to the page (cosine of the
    /// title's terms, weighted as a descriptor, with the page's kept terms) and which words they share.
    /// </summary>
    public (double Score, string? Shared) TitleOnly(int page, string title)
    {
        var weights = new Dictionary<int, float>();
        var unknownWeightSquared = 0f;
        var unknownIdf = (float)Math.Log(Math.Max(2, vectors.PageCount));
        Span<char> buffer = stackalloc char[TermReader.BufferLength];
        var reader = new TermReader(title, buffer);
        while (reader.Next(out var term, out _))
        {
            if (terms.TryGet(term, out var id)) weights[id] = weights.GetValueOrDefault(id) + 1;
            else unknownWeightSquared += MathF.Pow(FieldWeights.Descriptor * unknownIdf, 2);
        }

        double normSquared = unknownWeightSquared;
        var shared = new List<(float Weight, int Term)>();
        var (pageTerms, pageWeights) = (vectors.Terms[page], vectors.Weights[page]);
        double dot = 0;
        foreach (var (id, count) in weights)
        {
            var w = FieldWeights.Descriptor * MathF.Sqrt(count) * vectors.Idf[id];
            normSquared += w * w;
            var at = Array.BinarySearch(pageTerms, id);
            if (at < 0 || w <= 0) continue;
            dot += w * pageWeights[at];
            shared.Add((w * pageWeights[at], id));
        }
        var score = normSquared > 0 ? dot / Math.Sqrt(normSquared) : 0;
        return (score, Named("shares: ", shared));
    }

    private string? Named(string prefix, List<(float Weight, int Term)> shared)
    {
        if (shared.Count == 0) return null;
        shared.Sort((x, y) => x.Weight != y.Weight ? y.Weight.CompareTo(x.Weight) : x.Term.CompareTo(y.Term));
        return prefix + string.Join(", ", shared.Take(MaxNamedTerms).Select(s => terms.Surface(s.Term)));
    }
}
