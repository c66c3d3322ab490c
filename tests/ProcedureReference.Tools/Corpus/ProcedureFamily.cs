namespace ProcedureReference.Corpus;

/// <summary>
/// How one member of a family differs from its siblings, the way CPT codes of one procedure do: one side or
/// both, first treatment or repeat, open or through the skin or through a scope, with or without imaging.
/// A null axis is one the family does not vary.
/// </summary>
internal sealed record Variant(string? Laterality, string? Sequence, string? Approach, bool? Guided)
{
    public bool Bilateral => Laterality == "bilateral";
    public bool Repeat => Sequence == "repeat";
}

/// <summary>
/// A family of related procedures: one technique on one site for one condition, in several variants.
/// <paramref name="ApproachInStem"/>: the descriptor starts with the approach ('Percutaneous thrombectomy, ...'),
/// so siblings that differ in approach do not share a stem and must be found by their text.
/// <paramref name="ConditionInStem"/>: the descriptor names the condition (', for aneurysm').
/// <paramref name="Qualifier"/>: what sets the family apart from another of the same technique, site and
/// condition ('revision'), named in its descriptor and technical term; null for most.
/// </summary>
internal sealed record ProcedureFamily(
    int Number,
    BodySystem System,
    Technique Technique,
    string Site,
    string Condition,
    string? Qualifier,
    bool ApproachInStem,
    bool ConditionInStem,
    IReadOnlyList<Variant> Members)
{
    /// <summary>The label families.csv gives the family, for evaluation only.</summary>
    public string Label => $"family-{Number:D5}";
}

/// <summary>One page to write: its file, its code, and which family member it describes.</summary>
internal sealed record PlannedPage(string FileName, string Code, ProcedureFamily Family, Variant Variant, int TextSeed);

internal static class RandomChoices
{
    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    /// <summary>Between <paramref name="min"/> and <paramref name="max"/> distinct items, in their original order.</summary>
    public static List<T> Some<T>(this Random random, IReadOnlyList<T> items, int min, int max)
    {
        var count = Math.Min(items.Count, random.Next(min, max + 1));
        var chosen = Enumerable.Range(0, items.Count).OrderBy(_ => random.Next()).Take(count).Order();
        return chosen.Select(i => items[i]).ToList();
    }

    public static string Capitalized(this string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
