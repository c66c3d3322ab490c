using ProcedureReference.Storage;

namespace ProcedureReference.Publishing;

public sealed record DiffCode(string Code, string Title);

/// <summary>A changed code and which of its parts changed ('title', 'names', section kinds).</summary>
public sealed record ChangedCode(string Code, string Title, IReadOnlyList<string> ChangedParts);

/// <summary>How a staged database differs from the live one, code by code.</summary>
public sealed record ContentDifference(IReadOnlyList<DiffCode> Added, IReadOnlyList<DiffCode> Removed, IReadOnlyList<ChangedCode> Changed)
{
    /// <summary>No page differs (the similar codes computed at import may still differ: see <see cref="SameContent"/>).</summary>
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;

    /// <summary>Codes live when compared.</summary>
    public int LiveCodes { get; init; }

    /// <summary>Whether the staged content is the live content, similar codes and all (its fingerprint): nothing to publish.</summary>
    public bool SameContent { get; init; }

    /// <summary>Whether publishing it needs the number of removed codes confirmed (<see cref="PublishCheck"/>).</summary>
    public bool NeedsRemovalConfirmation(int maxRemovedPercent) => PublishCheck.NeedsConfirmation(Removed.Count, LiveCodes, maxRemovedPercent);

    public int RemovedPercent => PublishCheck.Percent(Removed.Count, LiveCodes);
}

/// <summary>One part of a code (its header or a section) as it was and as it will be, line by line.</summary>
public sealed record PartDifference(string Part, IReadOnlyList<DiffLine> Lines);

/// <summary>
/// Compares two versions of the content: which codes were added, removed or changed (by each page's content hash),
/// which parts of a changed page changed, and a line diff of one page's parts for a person to read. The content
/// store opens the two versions (null for a live side that does not exist yet); reading them is engine-neutral.
/// </summary>
public static class ContentDiff
{
    public const string TitlePart = "title";
    public const string NamesPart = "names";

    public static ContentDifference Compare(ReferenceDb? liveDatabase, ReferenceDb stagedDatabase) =>
        Compare(liveDatabase is null ? null : new ReferenceDbSide(liveDatabase), new ReferenceDbSide(stagedDatabase));

    /// <summary>The parts of one code that differ, each as a line diff (live on the left, staged on the right).</summary>
    public static IReadOnlyList<PartDifference> Describe(ReferenceDb? liveDatabase, ReferenceDb stagedDatabase, string code) =>
        Describe(liveDatabase is null ? null : new ReferenceDbSide(liveDatabase), new ReferenceDbSide(stagedDatabase), code);

    /// <summary>As <see cref="Compare(ReferenceDb?, ReferenceDb)"/>, over rows an engine reads its own way.</summary>
    public static ContentDifference Compare(IDiffSide? liveSide, IDiffSide stagedSide)
    {
        ArgumentNullException.ThrowIfNull(stagedSide);
        var live = liveSide is null ? [] : ReadPages(liveSide);
        var staged = ReadPages(stagedSide);
        var added = staged.Values.Where(p => !live.ContainsKey(p.Code)).Select(p => new DiffCode(p.Code, p.Title)).ToList();
        var removed = live.Values.Where(p => !staged.ContainsKey(p.Code)).Select(p => new DiffCode(p.Code, p.Title)).ToList();
        var changedCodes = staged.Values.Where(p => live.TryGetValue(p.Code, out var old) && old.ContentHash != p.ContentHash).Select(p => p.Code).ToList();

        var changed = new List<ChangedCode>(changedCodes.Count);
        foreach (var code in changedCodes)
        {
            var (before, after) = (ReadParts(liveSide!, code), ReadParts(stagedSide, code));
            changed.Add(new ChangedCode(code, staged[code].Title, DifferingParts(before, after).ToList()));
        }
        return new ContentDifference(added, removed, changed) { LiveCodes = live.Count };
    }

    /// <summary>As <see cref="Describe(ReferenceDb?, ReferenceDb, string)"/>, over rows an engine reads its own way.</summary>
    public static IReadOnlyList<PartDifference> Describe(IDiffSide? liveSide, IDiffSide stagedSide, string code)
    {
        ArgumentNullException.ThrowIfNull(stagedSide);
        var before = liveSide is null ? [] : ReadParts(liveSide, code);
        var after = ReadParts(stagedSide, code);
        return DifferingParts(before, after)
            .Select(k => new PartDifference(k, LineDiff.Compare(Lines(before.GetValueOrDefault(k)), Lines(after.GetValueOrDefault(k)))))
            .ToList();
    }

    private static IEnumerable<string> DifferingParts(Dictionary<string, string> before, Dictionary<string, string> after) =>
        after.Keys.Union(before.Keys).Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k));

    private static string[] Lines(string? text) => text is null ? [] : text.Split('\n');

    private static Dictionary<string, DiffPage> ReadPages(IDiffSide side) =>
        side.Pages().ToDictionary(p => p.Code, StringComparer.Ordinal);

    /// <summary>A page's parts by name, in page order: its title, its names, then each section by kind (numbered when a kind repeats).</summary>
    private static Dictionary<string, string> ReadParts(IDiffSide side, string code)
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        var page = side.PartsOf(code);
        if (page is null) return parts;
        parts[TitlePart] = page.Title;
        parts[NamesPart] = string.Join('\n', new[] { page.Name ?? "", page.CommonNames, page.TechnicalTerm ?? "" }.Where(s => s.Length > 0));
        foreach (var section in page.Sections)
        {
            var key = section.Kind;
            for (var n = 2; parts.ContainsKey(key); n++) key = $"{section.Kind} ({n})";
            parts[key] = section.Markdown;
        }
        return parts;
    }

    /// <summary>The EF model's side: any engine whose tables match <see cref="ReferenceDb"/>.</summary>
    private sealed class ReferenceDbSide(ReferenceDb database) : IDiffSide
    {
        public IEnumerable<DiffPage> Pages() =>
            database.Pages.OrderBy(p => p.Ordinal).Select(p => new DiffPage(p.Code, p.Title, p.ContentHash)).AsEnumerable();

        public DiffPageParts? PartsOf(string code)
        {
            var page = database.Pages.Where(p => p.Code == code)
                .Select(p => new { p.Id, p.Title, p.Name, p.CommonNames, p.TechnicalTerm })
                .FirstOrDefault();
            if (page is null) return null;
            var sections = database.Sections.Where(s => s.PageId == page.Id).OrderBy(s => s.Position)
                .Select(s => new DiffSection(s.Kind, s.Markdown)).ToList();
            return new DiffPageParts(page.Title, page.Name, page.CommonNames, page.TechnicalTerm, sections);
        }
    }
}

/// <summary>A page as the diff lists it: its code, title and content hash.</summary>
public sealed record DiffPage(string Code, string Title, string ContentHash);

public sealed record DiffSection(string Kind, string Markdown);

/// <summary>What the diff compares of one page: its header and its sections in page order.</summary>
public sealed record DiffPageParts(string Title, string? Name, string CommonNames, string? TechnicalTerm, IReadOnlyList<DiffSection> Sections);

/// <summary>One side of a comparison (the live content or a staged import), read however its engine stores it.</summary>
public interface IDiffSide
{
    /// <summary>Every page, in code order.</summary>
    IEnumerable<DiffPage> Pages();

    /// <summary>The page of <paramref name="code"/>, or null when this side has none.</summary>
    DiffPageParts? PartsOf(string code);
}
