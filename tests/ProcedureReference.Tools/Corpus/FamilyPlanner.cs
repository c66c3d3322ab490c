namespace ProcedureReference.Corpus;

/// <summary>
/// Plans a generated corpus: families of 3 to 8 related procedures, each a distinct technique-site pair while
/// the vocabulary allows; their codes (5-digit, a family's members usually adjacent, some moved elsewhere as
/// real code sets do when a code is added later); and shuffled file names, so file order says nothing.
/// </summary>
internal static class FamilyPlanner
{
    private const int MinFamily = 3;
    private const int MaxFamily = 8;
    private const double MovedCodeShare = 0.03;

    private static readonly string[] Lateralities = ["unilateral", "bilateral"];
    private static readonly string[] Sequences = ["initial", "repeat"];
    private static readonly bool[] Guidance = [true, false];

    /// <summary>What sets apart families of one technique, site and condition once a large corpus has used every such triple.</summary>
    private static readonly string[] Qualifiers = ["revision", "complex", "with implant removal", "staged", "limited", "extensive"];

    public static List<PlannedPage> Plan(int pageCount, int seed)
    {
        var random = new Random(seed);
        var families = Families(pageCount, random);
        var codes = Codes(families, pageCount, random);

        // Pages in a shuffled file order: a family's members are scattered through the folder.
        var members = families.SelectMany(f => f.Members.Select(v => (Family: f, Variant: v))).ToList();
        var order = Enumerable.Range(0, members.Count).OrderBy(_ => random.Next()).ToArray();
        var width = Math.Max(3, (pageCount - 1).ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        var pages = new PlannedPage[members.Count];
        for (var m = 0; m < members.Count; m++)
        {
            var fileIndex = order[m];
            var name = $"{fileIndex.ToString("D" + width, System.Globalization.CultureInfo.InvariantCulture)}_{random.NextInt64():x16}.txt";
            pages[fileIndex] = new PlannedPage(name, codes[m], members[m].Family, members[m].Variant, random.Next());
        }
        return [.. pages];
    }

    private static List<ProcedureFamily> Families(int pageCount, Random random)
    {
        // Every technique-site pair of every system, shuffled; used once each before any is used again.
        var pairs = BodySystems.All
            .SelectMany(s => s.Techniques.SelectMany(t => s.Sites.Select(site => (System: s, Technique: t, Site: site))))
            .OrderBy(_ => random.Next())
            .ToList();
        var families = new List<ProcedureFamily>();
        var firstConditions = new int[pairs.Count];
        for (var remaining = pageCount; remaining > 0;)
        {
            var size = random.Next(MinFamily, MaxFamily + 1);
            if (remaining - size < MinFamily) size = remaining <= MaxFamily ? remaining : remaining - MinFamily;
            var (pair, round) = (families.Count % pairs.Count, families.Count / pairs.Count);
            var (system, technique, site) = pairs[pair];
            if (round == 0) firstConditions[pair] = random.Next(system.Conditions.Length);
            var axes = Axes(size, random);
            families.Add(new ProcedureFamily(
                families.Count + 1, system, technique, site,
                // A pair used again takes the next condition, then the next qualifier, so two families never share a descriptor stem.
                Condition: system.Conditions[(firstConditions[pair] + round) % system.Conditions.Length],
                Qualifier: round < system.Conditions.Length ? null : Qualifiers[(round / system.Conditions.Length - 1) % Qualifiers.Length],
                ApproachInStem: axes.Contains(Axis.Approach) && random.Chance(0.3),
                ConditionInStem: round > 0 || random.Chance(0.3),
                Members: Members(axes, size, system, random)));
            remaining -= size;
        }
        return families;
    }

    private enum Axis { Laterality, Sequence, Approach, Guidance }

    /// <summary>Axes in random order until their combinations are enough for the family.</summary>
    private static List<Axis> Axes(int size, Random random)
    {
        var axes = new List<Axis>();
        var combinations = 1;
        foreach (var axis in Enum.GetValues<Axis>().OrderBy(_ => random.Next()))
        {
            axes.Add(axis);
            combinations *= axis == Axis.Approach ? 3 : 2;
            if (combinations >= size && (axes.Count > 1 || random.Chance(0.5))) break;
        }
        return axes;
    }

    private static List<Variant> Members(List<Axis> axes, int size, BodySystem system, Random random)
    {
        string[] approaches = ["open", "percutaneous", system.ScopeApproach];
        IEnumerable<Variant> all = [new Variant(null, null, null, null)];
        foreach (var axis in axes)
            all = axis switch
            {
                Axis.Laterality => all.SelectMany(v => Lateralities.Select(l => v with { Laterality = l })),
                Axis.Sequence => all.SelectMany(v => Sequences.Select(s => v with { Sequence = s })),
                Axis.Approach => all.SelectMany(v => approaches.Select(a => v with { Approach = a })),
                _ => all.SelectMany(v => Guidance.Select(g => v with { Guided = g })),
            };
        var combinations = all.ToList();
        return random.Some(combinations, Math.Min(size, combinations.Count), Math.Min(size, combinations.Count));
    }

    /// <summary>
    /// Codes for all members, in family order: families laid out over the 5-digit space in random order with
    /// random gaps between them, members adjacent (now and then one apart); then some codes swapped at random.
    /// </summary>
    private static string[] Codes(List<ProcedureFamily> families, int pageCount, Random random)
    {
        var offsets = new int[families.Count];
        for (var f = 1; f < families.Count; f++) offsets[f] = offsets[f - 1] + families[f - 1].Members.Count;

        var low = pageCount <= 90_000 ? 10_000 : 0;
        var free = 100_000 - low - pageCount;
        var meanGap = free / families.Count;
        var numbers = new int[pageCount];
        var next = low;
        foreach (var f in Enumerable.Range(0, families.Count).OrderBy(_ => random.Next()).ToList())
        {
            var gap = Math.Min(free, random.Next(0, 2 * meanGap + 1));
            next += gap;
            free -= gap;
            for (var k = 0; k < families[f].Members.Count; k++)
            {
                if (k > 0 && free > 0 && random.Chance(0.15)) { next++; free--; }
                numbers[offsets[f] + k] = next++;
            }
        }
        for (var i = 0; i < pageCount; i++)
        {
            if (!random.Chance(MovedCodeShare)) continue;
            var j = random.Next(pageCount);
            (numbers[i], numbers[j]) = (numbers[j], numbers[i]);
        }
        return numbers.Select(n => n.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }
}
