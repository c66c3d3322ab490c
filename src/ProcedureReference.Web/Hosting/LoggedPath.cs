using System.Globalization;
using System.Text;

namespace ProcedureReference.Web.Hosting;

/// <summary>A request's decoded path as it may be written to a text log.</summary>
public static class LoggedPath
{
    /// <summary>Paths longer than this are cut: a request line may be 8 KB, a log line need not.</summary>
    public const int MaxChars = 200;

    /// <summary>
    /// Control characters (a %0d%0a that would start a forged log line) and the Unicode line and paragraph separators
    /// escaped as \uXXXX, and the length capped.
    /// </summary>
    public static string Printable(string path)
    {
        var cut = path.Length > MaxChars;
        var text = new StringBuilder(Math.Min(path.Length, MaxChars) + 8);
        foreach (var c in cut ? path[..MaxChars] : path)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029') text.Append(@"\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else text.Append(c);
        }
        return cut ? text.Append('…').ToString() : text.ToString();
    }
}
