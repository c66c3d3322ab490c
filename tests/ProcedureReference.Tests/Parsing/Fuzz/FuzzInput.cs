using System.Text;
using ProcedureReference.Codes;
using ProcedureReference.Parsing;

namespace ProcedureReference.Tests.Parsing.Fuzz;

/// <summary>
/// One generated page: page text handed to the parser as a string (which may hold lone surrogates no file
/// can), or file bytes decoded as the importer decodes them.
/// </summary>
public sealed record FuzzInput(string How, string FileName, string? ManifestCode, string? Text, byte[]? Bytes)
{
    public static FuzzInput OfText(string how, string fileName, string? manifestCode, string text) => new(how, fileName, manifestCode, text, null);

    public static FuzzInput OfBytes(string how, string fileName, string? manifestCode, byte[] bytes) => new(how, fileName, manifestCode, null, bytes);

    /// <summary>Input size in bytes, for the allocation bound (a string's chars count two bytes each).</summary>
    public long Size => Text is not null ? 2L * Text.Length : Bytes!.Length;

    public ParsedPage Parse() => Text is not null
        ? PageParser.Parse(FileName, Text, ManifestedCode)
        : PageParser.Parse(FileName, Bytes!, ManifestedCode);

    /// <summary>The code as codes.csv would give it to the parser: none when it is not a code (' ').</summary>
    private ProcedureCode? ManifestedCode => ProcedureCode.TryParse(ManifestCode, out var code) ? code : null;

    /// <summary>The text the parser saw: as given, or the bytes decoded (null when they do not decode to text).</summary>
    public string? DecodedText => Text ?? PageText.Decode(Bytes!).Text;

    /// <summary>The input printed so that it can be pasted into a test.</summary>
    public string Describe()
    {
        var sb = new StringBuilder();
        sb.Append("how: ").AppendLine(How);
        sb.Append("file: ").Append(FileName).Append(", codes.csv code: ").AppendLine(ManifestCode is null ? "(none)" : '"' + ManifestCode + '"');
        if (Bytes is not null)
        {
            sb.Append("bytes (").Append(Bytes.Length).Append("): ");
            sb.AppendLine(Bytes.Length <= 1024 ? Convert.ToHexString(Bytes) : Convert.ToHexString(Bytes.AsSpan(0, 1024)) + "...");
        }
        if (DecodedText is { } text)
        {
            sb.Append("text (").Append(text.Length).Append(" chars): \"");
            sb.Append(FuzzText.Escape(text.Length <= 4_000 ? text : text[..4_000] + "...")).AppendLine("\"");
        }
        return sb.ToString();
    }
}
