namespace ProcedureReference.Search;

/// <summary>Some pages of a <see cref="PageTable"/> by id: filtered and counted in memory.</summary>
internal sealed class PageSet(PageTable table, IReadOnlyList<int> ids) : IEnumerable<int>
{
    public PageTable Table => table;
    public int Count => ids.Count;

    /// <summary>The pages of the given system and category (null = any).</summary>
    public PageSet Where(string? system, string? category)
    {
        if (system is null && category is null) return this;
        return new PageSet(table, ids.Where(id =>
            (system is null || string.Equals(table.Systems[id], system, StringComparison.Ordinal))
            && (category is null || string.Equals(table.CategoryOf(id), category, StringComparison.Ordinal))).ToList());
    }

    public List<FacetCount> SystemCounts() =>
        Facets(ids.GroupBy(id => table.Systems[id], StringComparer.Ordinal).Select(g => (g.Key, g.Count())));

    public List<FacetCount> CategoryCounts()
    {
        var counts = new int[table.CategoryNames.Count];
        foreach (var id in ids)
            if (table.Categories[id] >= 0) counts[table.Categories[id]]++;
        return Facets(counts.Select((count, i) => (table.CategoryNames[i], count)).Where(c => c.count > 0));
    }

    private static List<FacetCount> Facets(IEnumerable<(string Value, int Count)> counts) =>
        [.. counts.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).Select(c => new FacetCount(c.Value, c.Value, c.Count))];

    public IEnumerator<int> GetEnumerator() => ids.GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
