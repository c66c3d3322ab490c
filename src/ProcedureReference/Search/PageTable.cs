namespace ProcedureReference.Search;

/// <summary>
/// Every page's code, system, title, plain name, category and code order, held in memory per content version, so that a
/// search filters, counts facets, orders and finds codes without asking SQL once per matched row. About 100
/// bytes a page: 10 MB at 100,000 pages. An engine reads the rows; the table is the same for every engine.
/// </summary>
internal sealed class PageTable
{
    private readonly int[] _byCode; // page ids in ordinal code order, for prefix lookups

    /// <param name="rows">Every page of one version, in any order.</param>
    public PageTable(IReadOnlyList<PageTableRow> rows, CodeCategories categories)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(categories);
        var size = rows.Count == 0 ? 1 : rows.Max(r => r.Id) + 1;
        Codes = new string[size];
        Systems = new string[size];
        Titles = new string[size];
        PlainNames = new string[size];
        Ordinals = new int[size];
        Categories = new int[size];
        SystemIds = new int[size];
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var categoryNames = new List<string>();
        var systemIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var systemNames = new List<string>();
        foreach (var (id, code, system, title, ordinal, plainName) in rows)
        {
            (Codes[id], Systems[id], Titles[id], Ordinals[id], PlainNames[id]) = (code, system, title, ordinal, plainName);
            if (!systemIds.TryGetValue(system, out var systemId))
            {
                systemIds[system] = systemId = systemNames.Count;
                systemNames.Add(system);
            }
            SystemIds[id] = systemId;
            var category = categories.CategoryOf(system, code);
            if (category is null) Categories[id] = -1;
            else if (names.TryGetValue(category, out var n)) Categories[id] = n;
            else
            {
                Categories[id] = names[category] = categoryNames.Count;
                categoryNames.Add(category);
            }
        }
        CategoryNames = categoryNames;
        SystemNames = systemNames;
        _byCode = [.. rows.Select(r => r.Id).OrderBy(id => Codes[id], StringComparer.Ordinal)];
    }

    public string[] Codes { get; }
    public string[] Systems { get; }
    public string[] Titles { get; }
    /// <summary>What a hit shows with its code (<see cref="Reading.PlainName"/>).</summary>
    public string[] PlainNames { get; }
    public int[] Ordinals { get; }

    /// <summary>Per page, an index into <see cref="CategoryNames"/>, or -1 for none.</summary>
    public int[] Categories { get; }

    public IReadOnlyList<string> CategoryNames { get; }

    /// <summary>Per page, an index into <see cref="SystemNames"/>: facets count systems in an array, not by grouping strings.</summary>
    public int[] SystemIds { get; }

    public IReadOnlyList<string> SystemNames { get; }

    /// <summary>The index of <paramref name="system"/> in <see cref="SystemNames"/>, or -1 when no page has it.</summary>
    public int SystemId(string system)
    {
        for (var i = 0; i < SystemNames.Count; i++)
            if (string.Equals(SystemNames[i], system, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>The index of <paramref name="category"/> in <see cref="CategoryNames"/>, or -1 when no page has it.</summary>
    public int CategoryId(string category)
    {
        for (var i = 0; i < CategoryNames.Count; i++)
            if (string.Equals(CategoryNames[i], category, StringComparison.Ordinal)) return i;
        return -1;
    }

    public string? CategoryOf(int id) => Categories[id] < 0 ? null : CategoryNames[Categories[id]];

    /// <summary>Pages whose code is a term (in term order), then pages whose code starts with one, in code order; at most <paramref name="limit"/>.</summary>
    public List<(int Id, bool Exact)> LookupCodes(IReadOnlyList<string> terms, int limit)
    {
        var exact = new List<int>();
        var byPrefix = new List<int>();
        foreach (var term in terms)
        {
            for (var i = LowerBound(term); i < _byCode.Length && Codes[_byCode[i]].StartsWith(term, StringComparison.Ordinal); i++)
            {
                var id = _byCode[i];
                if (Codes[id].Length == term.Length) exact.Add(id);
                else byPrefix.Add(id);
            }
        }
        var exactIds = exact.Distinct().ToList();
        var seen = exactIds.ToHashSet();
        return [.. exactIds.Select(id => (id, true))
            .Concat(byPrefix.OrderBy(id => Ordinals[id]).Where(seen.Add).Select(id => (id, false)))
            .Take(limit)];
    }

    private int LowerBound(string term)
    {
        int lo = 0, hi = _byCode.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(Codes[_byCode[mid]], term) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}

/// <summary>One page as the <see cref="PageTable"/> holds it.</summary>
internal readonly record struct PageTableRow(int Id, string Code, string System, string Title, int Ordinal, string PlainName);
