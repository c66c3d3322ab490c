using Microsoft.Data.Sqlite;
using ProcedureReference.Storage;

namespace ProcedureReference.Publishing;

public sealed record DiffCode(string Code, string Title);

/// <summary>A changed code and which of its parts changed ('title', 'names', section kinds).</summary>
public sealed record ChangedCode(string Code, string Title, IReadOnlyList<string> ChangedParts);

/// <summary>How a staged database differs from the live one, code by code.</summary>
public sealed record ContentDifference(IReadOnlyList<DiffCode> Added, IReadOnlyList<DiffCode> Removed, IReadOnlyList<ChangedCode> Changed)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;
}

/// <summary>One part of a code (its header or a section) as it was and as it will be, line by line.</summary>
public sealed record PartDifference(string Part, IReadOnlyList<DiffLine> Lines);

/// <summary>
/// Compares two reference databases: which codes were added, removed or changed (by each page's content hash),
/// which parts of a changed page changed, and a line diff of one page's parts for a person to read.
/// </summary>
public static class ContentDiff
{
    public const string TitlePart = "title";
    public const string NamesPart = "names";

    public static ContentDifference Compare(string liveDatabase, string stagedDatabase)
    {
        var live = File.Exists(liveDatabase) ? ReadPages(liveDatabase) : [];
        var staged = ReadPages(stagedDatabase);
        var added = staged.Values.Where(p => !live.ContainsKey(p.Code)).Select(p => new DiffCode(p.Code, p.Title)).ToList();
        var removed = live.Values.Where(p => !staged.ContainsKey(p.Code)).Select(p => new DiffCode(p.Code, p.Title)).ToList();
        var changedCodes = staged.Values.Where(p => live.TryGetValue(p.Code, out var old) && old.Hash != p.Hash).Select(p => p.Code).ToList();

        var changed = new List<ChangedCode>(changedCodes.Count);
        foreach (var code in changedCodes)
        {
            var (before, after) = (ReadParts(liveDatabase, code), ReadParts(stagedDatabase, code));
            changed.Add(new ChangedCode(code, staged[code].Title, DifferingParts(before, after).ToList()));
        }
        return new ContentDifference(added, removed, changed);
    }

    /// <summary>The parts of one code that differ, each as a line diff (live on the left, staged on the right).</summary>
    public static IReadOnlyList<PartDifference> Describe(string liveDatabase, string stagedDatabase, string code)
    {
        var before = File.Exists(liveDatabase) ? ReadParts(liveDatabase, code) : [];
        var after = ReadParts(stagedDatabase, code);
        return DifferingParts(before, after)
            .Select(k => new PartDifference(k, LineDiff.Compare(Lines(before.GetValueOrDefault(k)), Lines(after.GetValueOrDefault(k)))))
            .ToList();
    }

    private static IEnumerable<string> DifferingParts(Dictionary<string, string> before, Dictionary<string, string> after) =>
        after.Keys.Union(before.Keys).Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k));

    private static string[] Lines(string? text) => text is null ? [] : text.Split('\n');

    private sealed record PageRow(string Code, string Title, string Hash);

    private static Dictionary<string, PageRow> ReadPages(string database)
    {
        var pages = new Dictionary<string, PageRow>(StringComparer.Ordinal);
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Code, Title, ContentHash FROM pages ORDER BY Ordinal";
        using var reader = command.ExecuteReader();
        while (reader.Read()) pages[reader.GetString(0)] = new PageRow(reader.GetString(0), reader.GetString(1), reader.GetString(2));
        return pages;
    }

    /// <summary>A page's parts by name, in page order: its title, its names, then each section by kind (numbered when a kind repeats).</summary>
    private static Dictionary<string, string> ReadParts(string database, string code)
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        using var connection = Open(database);
        using (var page = connection.CreateCommand())
        {
            page.CommandText = "SELECT Title, coalesce(Name, ''), CommonNames, coalesce(TechnicalTerm, '') FROM pages WHERE Code = $code";
            page.Parameters.AddWithValue("$code", code);
            using var reader = page.ExecuteReader();
            if (!reader.Read()) return parts;
            parts[TitlePart] = reader.GetString(0);
            parts[NamesPart] = string.Join('\n', new[] { reader.GetString(1), reader.GetString(2), reader.GetString(3) }.Where(s => s.Length > 0));
        }
        using var sections = connection.CreateCommand();
        sections.CommandText = "SELECT s.Kind, s.Markdown FROM sections s JOIN pages p ON p.Id = s.PageId WHERE p.Code = $code ORDER BY s.Position";
        sections.Parameters.AddWithValue("$code", code);
        using var rows = sections.ExecuteReader();
        while (rows.Read())
        {
            var kind = rows.GetString(0);
            var key = kind;
            for (var n = 2; parts.ContainsKey(key); n++) key = $"{kind} ({n})";
            parts[key] = rows.GetString(1);
        }
        return parts;
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection(SqliteFiles.ConnectionString(database, readOnly: true));
        connection.Open();
        return connection;
    }
}
