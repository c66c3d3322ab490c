using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ProcedureReference.Parsing;
using ProcedureReference.Similarity;

namespace ProcedureReference.Importing;

/// <summary>A hash of everything parsed from a page: equal hashes mean the page did not change between imports.</summary>
public static class ContentHash
{
    private const char Separator = '\u001F';

    public static string Of(ParsedPage page)
    {
        var sb = new StringBuilder();
        void Add(string? value) => sb.Append(value ?? "\u0000").Append(Separator);
        Add(page.Code); Add(page.System); Add(page.Title); Add(page.Name); Add(page.TechnicalTerm);
        Add(string.Join('\n', page.CommonNames));
        foreach (var section in page.Sections)
        {
            Add(section.Kind.ToName()); Add(section.Heading); Add(section.Markdown);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>The content fact holding a version's <see cref="Fingerprint"/>.</summary>
    public const string FingerprintKey = "fingerprint";

    /// <summary>
    /// Everything a version shows readers: its pages (<see cref="OfAll"/>) and the similar codes computed for them,
    /// which change with Import:SimilarCodes or the archive's cpt-ranges.csv though no page does. Two versions with
    /// one fingerprint are the same content, so publishing the second would change nothing. The glossary counts
    /// too: an upload that only corrects a definition is a change worth publishing.
    /// </summary>
    public static string Fingerprint(string contentHash, IReadOnlyDictionary<string, string> similarHashByCode, string? glossaryJson = null)
    {
        ArgumentNullException.ThrowIfNull(similarHashByCode);
        // Hashed line by line (the same bytes as the whole text at once): at 100,000 pages that text is 16 MB.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var sb = new StringBuilder(contentHash).Append('\n');
        if (!string.IsNullOrEmpty(glossaryJson)) sb.Append("glossary").Append(Separator).Append(glossaryJson).Append('\n');
        Append(hash, sb);
        foreach (var (code, similar) in similarHashByCode.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sb.Append(code).Append(Separator).Append(similar).Append('\n');
            if (sb.Length > 4096) Append(hash, sb);
        }
        Append(hash, sb);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, StringBuilder text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text.ToString()));
        text.Clear();
    }

    /// <summary>A hash of one page's similar codes, in their order (kept per page rather than the lists, which may be large).</summary>
    public static string OfSimilar(IReadOnlyList<SimilarCodeEntry> similar)
    {
        ArgumentNullException.ThrowIfNull(similar);
        var sb = new StringBuilder();
        foreach (var entry in similar)
            sb.Append(entry.Code).Append(Separator).Append(entry.Title).Append(Separator)
                .Append(entry.Score.ToString("R", CultureInfo.InvariantCulture)).Append(Separator)
                .Append(entry.Reason).Append(Separator).Append(entry.Source).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>The hash of a whole import: the page hashes in code order.</summary>
    public static string OfAll(IEnumerable<string> pageHashesInCodeOrder) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', pageHashesInCodeOrder))));
}
