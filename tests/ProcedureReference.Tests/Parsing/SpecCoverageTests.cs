using ProcedureReference.Parsing;

namespace ProcedureReference.Tests.Parsing;

/// <summary>Every rule in the table has a spec: a heading variant or sub-heading nobody wrote an example for fails here.</summary>
public class SpecCoverageTests
{
    private static readonly HashSet<string> SpecInputLines = SpecExample.All
        .SelectMany(e => e.Input.Split('\n'))
        .Select(l => l.Trim())
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<object[]> HeadingVariants() =>
        SectionRules.InCanonicalOrder.SelectMany(r => r.Headings.Select(h => new object[] { r.Kind.ToName(), h }));

    public static IEnumerable<object[]> SubHeadings() =>
        SectionRules.InCanonicalOrder.SelectMany(r => r.SubHeadings.Select(h => new object[] { r.Kind.ToName(), h }));

    [Theory]
    [MemberData(nameof(HeadingVariants))]
    public void Every_heading_variant_has_a_spec(string kind, string heading) =>
        Assert.True(SpecInputLines.Contains(heading), $"no spec example uses the {kind} heading '{heading}'");

    [Theory]
    [MemberData(nameof(SubHeadings))]
    public void Every_sub_heading_has_a_spec(string kind, string subHeading) =>
        Assert.True(SpecInputLines.Contains(subHeading), $"no spec example uses the {kind} sub-heading '{subHeading}'");

    [Fact]
    public void Every_heading_prefix_has_a_spec()
    {
        foreach (var prefix in SectionRules.InCanonicalOrder.SelectMany(r => r.HeadingPrefixes ?? []))
            Assert.Contains(SpecInputLines, l => l.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && l.Length > prefix.Length);
    }

    public static IEnumerable<object[]> HeadingCues() =>
        HeadingMeaning.All.Select(c => new object[] { c.Kind.ToName(), c.Cue });

    [Theory]
    [MemberData(nameof(HeadingCues))]
    public void Every_heading_cue_has_a_spec(string kind, string cue) =>
        Assert.True(SpecInputLines.Any(l => l.Contains(cue, StringComparison.OrdinalIgnoreCase) && HeadingMeaning.Of(l)?.ToName() == kind),
            $"no spec example has a heading that the {kind} cue '{cue}' decides");

    [Fact]
    public void Every_kind_is_expected_by_some_spec()
    {
        var expectedKinds = SpecExample.All.SelectMany(e => e.Expected).Select(l => l.Split(':', 2)[0].Split(' ')[0]).ToHashSet();
        foreach (var kind in Enum.GetValues<SectionKind>())
            Assert.True(expectedKinds.Contains(kind.ToName()), $"no spec example expects a '{kind.ToName()}' section");
    }
}
