using ProcedureReference.Codes;

namespace ProcedureReference.Parsing;

/// <summary>
/// Parses one scraped page into a <see cref="ParsedPage"/>: header fields, then body blocks split at
/// headings and blank-line runs, then section kinds from <see cref="SectionRules"/>. Never throws on page
/// content: whatever is wrong becomes a warning or an error in the result.
/// </summary>
public static class PageParser
{
    /// <param name="file">The file name, used in messages and as a last resort for the code.</param>
    /// <param name="manifestCode">The code codes.csv gives this file, if any.</param>
    public static ParsedPage Parse(string file, ReadOnlySpan<byte> bytes, ProcedureCode? manifestCode = null,
        long maxBytes = PageText.DefaultMaxBytes)
    {
        var decoded = PageText.Decode(bytes, maxBytes);
        if (decoded.Text is null) return ParsedPage.Failed(file, decoded.Error!);
        var page = Parse(file, decoded.Text, manifestCode);
        return decoded.Warning is null ? page : page with { Warnings = [decoded.Warning, .. page.Warnings] };
    }

    public static ParsedPage Parse(string file, string text, ProcedureCode? manifestCode = null)
    {
        var warnings = new List<string>();
        var lines = TextLines.Split(text);
        var header = PageHeader.Read(lines);

        var blocks = header.KnownLayout
            ? BlockSplitter.Split(lines, header.BodyStart, i => KnownHeadingAt(lines, i, header.BodyStart))
            : BlockSplitter.Split(lines, header.BodyStart, i => UnknownLayoutHeadings.IsHeading(lines, i, header.BodyStart)
                ? UnknownLayoutHeadings.KindOf(lines[i]) : null);
        if (!header.KnownLayout)
            warnings.Add("unknown layout (no code-system line or 'Name of the Procedure:'): its own headings became sections");

        var sections = BuildSections(blocks, header.KnownLayout, warnings);
        var (code, system) = ResolveCode(file, manifestCode, header, warnings);
        var title = header.Title;
        if (title is null)
        {
            title = header.Name ?? (code is null ? null : $"Procedure {code}");
            warnings.Add("no descriptor line at the top; the title was taken from " + (header.Name is null ? "the code" : "the name of the procedure"));
        }
        if (code is null)
            return ParsedPage.Failed(file, "no code in codes.csv, on the page or in the file name, and no descriptor to name it by; skipped");
        if (sections.Count == 0)
            return ParsedPage.Failed(file, "page has a title but no sections; skipped") with { Code = code, System = system, Title = title };

        return new ParsedPage(file, code, system, title, header.Name, header.CommonNames, header.TechnicalTerm,
            sections, warnings, []);
    }

    private static SectionKind? KnownHeadingAt(string[] lines, int i, int bodyStart)
    {
        var blankBefore = i == bodyStart || TextLines.IsBlank(lines[i - 1]);
        return blankBefore ? SectionRules.MatchHeading(lines[i].Trim()) : null;
    }

    private static List<ParsedSection> BuildSections(List<Block> blocks, bool knownLayout, List<string> warnings)
    {
        var kinds = knownLayout
            ? SectionAssigner.Assign(blocks)
            : blocks.Select((b, i) => (Kind: b.HeadingKind ?? SectionKind.Other, Continues: false)).ToArray();

        var merged = new List<(SectionKind Kind, string? Heading, List<string> Lines)>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (kinds[i].Continues && merged.Count > 0)
            {
                merged[^1].Lines.Add("");
                merged[^1].Lines.AddRange(blocks[i].Lines);
                warnings.Add($"a block of text after a run of blank lines was kept in '{merged[^1].Kind.ToName()}'");
                continue;
            }
            merged.Add((kinds[i].Kind, blocks[i].Heading, [.. blocks[i].Lines]));
        }

        foreach (var group in merged.GroupBy(s => s.Kind).Where(g => g.Key != SectionKind.Other && g.Count() > 1))
            warnings.Add($"section '{group.Key.ToName()}' appears {group.Count()} times");
        if (knownLayout && merged.Any(s => s.Kind == SectionKind.Other))
            warnings.Add("some text fits no known section and was kept as 'other'");

        return merged.Select(s => new ParsedSection(s.Kind, s.Heading, MarkdownWriter.Write(s.Lines))).ToList();
    }

    private static (string? Code, string? System) ResolveCode(string file, ProcedureCode? manifestCode, PageHeader header, List<string> warnings)
    {
        ProcedureCode? code = null;
        if (manifestCode is not null) code = manifestCode;
        else if (header.StatedCode is not null) code = header.StatedCode;
        else if (Path.GetFileNameWithoutExtension(file) is var stem && ProcedureCode.IsCodeShaped(stem)) code = ProcedureCode.Parse(stem);
        else if ((header.Title ?? header.Name) is { } descriptor && ProcedureCode.FromDescriptor(descriptor) is { } named)
        {
            code = named;
            warnings.Add($"no code in codes.csv, on the page or in the file name; named '{named}' from its descriptor");
        }

        if (manifestCode is not null && header.StatedCode is not null && header.StatedCode != code)
            warnings.Add($"codes.csv says {code} but the page says {header.StatedCode}; kept {code}");

        var system = header.System;
        if (system is null && code is not null)
        {
            system = ProcedureCode.SystemFromShape(code.ToString());
            if (header.KnownLayout) warnings.Add($"no code-system line; took {system} from the code's shape");
        }
        return (code?.ToString(), system);
    }
}
