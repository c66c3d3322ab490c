using System.Text;

namespace ProcedureReference.Parsing;

/// <summary>
/// Turns a page file's bytes into text, or says clearly why it cannot: empty, binary, too large.
/// Text that is not UTF-8 is read as Latin-1 with a warning rather than dropped.
/// </summary>
public static class PageText
{
    public const long DefaultMaxBytes = 2 * 1024 * 1024;

    public sealed record Decoded(string? Text, string? Error, string? Warning);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Decoded Decode(ReadOnlySpan<byte> bytes, long maxBytes = DefaultMaxBytes)
    {
        if (bytes.Length > maxBytes) return new(null, OverCap(bytes.Length, maxBytes), null);
        if (bytes.Length >= 2 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
            return Checked(Encoding.GetEncoding(bytes[0] == 0xFF ? "utf-16LE" : "utf-16BE").GetString(bytes[2..]), null);
        if (LooksBinary(bytes))
            return new(null, "binary file (not page text); skipped", null);
        try
        {
            return Checked(StrictUtf8.GetString(bytes), null);
        }
        catch (DecoderFallbackException e)
        {
            var at = e.Index >= 0 ? $" at byte {e.Index}" : "";
            return Checked(Encoding.Latin1.GetString(bytes), $"not valid UTF-8{at}; read as Latin-1, check its accented characters");
        }
    }

    public static string OverCap(long length, long maxBytes) =>
        $"file is {Size(length)}, over the {Size(maxBytes)} cap; skipped";

    private static Decoded Checked(string text, string? warning) =>
        string.IsNullOrWhiteSpace(text.Replace("\uFEFF", "", StringComparison.Ordinal))
            ? new(null, "empty file (no text); skipped", null)
            : new(text, null, warning);

    /// <summary>NUL bytes, or many control characters, mean the file is not text.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        if (sample.Contains((byte)0)) return true;
        var control = 0;
        foreach (var b in sample)
            if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t' and not 0x0C) control++;
        return sample.Length > 0 && control * 10 > sample.Length;
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024.0 * 1024.0):0.#} MB"
        : $"{bytes / 1024.0:0.#} KB";
}
