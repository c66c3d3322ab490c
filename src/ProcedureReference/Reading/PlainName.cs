namespace ProcedureReference.Reading;

/// <summary>
/// The name a reader knows a procedure by: the page's first common name if it gives one, else its name, else the
/// descriptor. Every listing (code page heading, title, search hits, suggestions, similar codes, previous/next)
/// shows this with the code, so a patient reads words and a clinician still finds the code.
/// </summary>
public static class PlainName
{
    /// <param name="commonNames">Common names as stored: one per line (blank lines ignored).</param>
    public static string Of(string title, string? name, string? commonNames)
    {
        ArgumentNullException.ThrowIfNull(title);
        var first = commonNames?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return Of(title, name, first is null ? [] : [first]);
    }

    public static string Of(string title, string? name, IReadOnlyList<string> commonNames)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(commonNames);
        var common = commonNames.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
        if (common is not null) return common.Trim();
        return string.IsNullOrWhiteSpace(name) ? title : name.Trim();
    }
}
