namespace ProcedureReference.Corpus;

/// <summary>
/// How well computed similar codes find a generated page's planted family. Precision at k is the share of
/// a page's first min(k, R) similar codes that are in its family, R being the number of other members:
/// a family of three has only two codes to find, so five slots cannot all be right.
/// </summary>
public static class FamilyPrecision
{
    /// <param name="similar">Per page code, its computed similar codes, best first.</param>
    /// <param name="families">Code to family, from families.csv.</param>
    public static double At(int k, IReadOnlyDictionary<string, List<string>> similar, IReadOnlyDictionary<string, string> families)
    {
        var sizes = families.Values.GroupBy(f => f).ToDictionary(g => g.Key, g => g.Count());
        double sum = 0;
        var pages = 0;
        foreach (var (code, family) in families)
        {
            var findable = Math.Min(k, sizes[family] - 1);
            if (findable == 0) continue;
            var found = similar.TryGetValue(code, out var list) ? list.Take(findable).Count(c => families.GetValueOrDefault(c) == family) : 0;
            sum += (double)found / findable;
            pages++;
        }
        return pages == 0 ? 0 : sum / pages;
    }
}
