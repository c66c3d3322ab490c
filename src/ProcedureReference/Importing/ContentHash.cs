using System.Security.Cryptography;
using System.Text;
using ProcedureReference.Parsing;

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

    /// <summary>The hash of a whole import: the page hashes in code order.</summary>
    public static string OfAll(IEnumerable<string> pageHashesInCodeOrder) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', pageHashesInCodeOrder))));
}
