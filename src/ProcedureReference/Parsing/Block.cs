namespace ProcedureReference.Parsing;

/// <summary>
/// A run of body lines between two section boundaries: an explicit heading line, or a run of two or
/// more blank lines where the scraper dropped a heading. Single blank lines stay inside as "".
/// </summary>
internal sealed record Block(string? Heading, SectionKind? HeadingKind, List<string> Lines)
{
    public bool IsHeaded => Heading is not null;

    public IEnumerable<string> ContentLines => Lines.Where(l => l.Length > 0);

    private BlockFacts? _facts;

    /// <summary>What the section rules ask of this block, worked out once.</summary>
    public BlockFacts Facts => _facts ??= BlockFacts.Of(this);
}

/// <summary>The facts about a block's text that cues are matched against.</summary>
internal sealed record BlockFacts(string LowerText, SectionKind?[] SubHeadingKinds, string[]? BulletItemsLower)
{
    public static BlockFacts Of(Block block)
    {
        var lines = block.ContentLines.ToList();
        var bullets = lines.Select(TextLines.BulletItem).ToList();
        return new BlockFacts(
            string.Join(' ', lines).ToLowerInvariant(),
            lines.Select(SectionRules.MatchSubHeading).ToArray(),
            lines.Count > 0 && bullets.All(b => b is not null) ? bullets.Select(b => b!.ToLowerInvariant()).ToArray() : null);
    }
}

internal static class BlockSplitter
{
    /// <summary>Splits body lines into blocks. <paramref name="headingAt"/> says which lines open a section.</summary>
    public static List<Block> Split(IReadOnlyList<string> lines, int start, Func<int, SectionKind?> headingAt)
    {
        var blocks = new List<Block>();
        var current = new Block(null, null, []);
        var blankRun = 0;

        for (var i = start; i < lines.Count; i++)
        {
            var line = lines[i];
            if (TextLines.IsBlank(line)) { blankRun++; continue; }

            if (headingAt(i) is { } kind)
            {
                Close();
                current = new Block(line.Trim(), kind, []);
            }
            else
            {
                if (blankRun >= 2 && (current.IsHeaded || current.Lines.Count > 0))
                {
                    Close();
                    current = new Block(null, null, []);
                }
                else if (blankRun == 1 && current.Lines.Count > 0)
                {
                    current.Lines.Add("");
                }
                current.Lines.Add(line.Trim());
            }
            blankRun = 0;
        }
        Close();
        return blocks;

        void Close()
        {
            if (current.IsHeaded || current.Lines.Count > 0) blocks.Add(current);
        }
    }
}
