using System.Globalization;
using System.Text;

namespace ProcedureReference.Tests.Parsing.Fuzz;

/// <summary>Text helpers for the fuzz tests: printing an input so it can be pasted back, and cutting it into lines.</summary>
public static class FuzzText
{
    /// <summary>A C# string literal body: printable ASCII as is, everything else as an escape.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                >= ' ' and <= '~' => c.ToString(),
                _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            });
        }
        return sb.ToString();
    }

    /// <summary>The text cut after each line ending (CRLF, CR or LF), so that joining the pieces gives it back.</summary>
    public static List<string> Segments(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var segments = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\n' or '\r')) continue;
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            segments.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) segments.Add(text[start..]);
        return segments;
    }
}
