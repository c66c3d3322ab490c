using ProcedureReference.Codes;
using ProcedureReference.Parsing;
using ProcedureReference.Tests.Parsing.Fuzz;

namespace ProcedureReference.Tests.Parsing;

/// <summary>
/// Nothing is lost: every non-empty line of a page, except the site chrome, ends up in exactly one field or
/// section, in order, and nothing appears that the page did not hold (<see cref="LineConservation"/> says
/// exactly what that means). Section text is read back through Markdig, so the Markdown's structure and
/// escaping are checked too. <see cref="ParserFuzzTests"/> checks the same on random pages.
/// </summary>
public class ConservationTests
{
    public static IEnumerable<object[]> Pages() =>
        Directory.EnumerateFiles(Path.Combine(SpecExample.RepositoryRoot(), "content"), "*.txt")
            .Order(StringComparer.Ordinal)
            .SelectMany(path => PageVariants.Of(Path.GetFileName(path), File.ReadAllText(path)))
            .Select(v => new object[] { v.Name, v.Text });

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_line_lands_in_exactly_one_place(string variant, string text)
    {
        var page = PageParser.Parse(variant, text, manifestCode: ProcedureCode.Parse("12345"));
        Assert.True(page.IsUsable, $"{variant}: {string.Join("; ", page.Errors)}");
        var broken = LineConservation.Check(text, page);
        Assert.True(broken is null, $"{variant}: {broken}");
    }

    public static IEnumerable<object[]> Examples() => SpecExample.Names();

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_line_of_every_spec_example_lands_in_exactly_one_place(string example)
    {
        var spec = SpecExample.Named(example);
        var page = PageParser.Parse(spec.FileName, spec.Input);
        var broken = LineConservation.Check(spec.Input, page);
        Assert.True(broken is null, $"{example}: {broken}");
    }

    /// <summary>Pages the fuzzer (<see cref="ParserFuzzTests"/>) found a line changed in, shrunk, kept so that they stay right.</summary>
    [Theory]
    [InlineData("\u10952) \u3D24Procedure/|\u0645\u0631\u062D\u0628\u0627 \u0628\u0643\r\n")] // '\u1095' is a Myanmar digit five
    [InlineData("CPT code\nKnee arthroscopy\n\n\u0661) step one\n\u0662. step two\n  3. step three")] // Arabic-Indic digits
    public void A_line_numbered_with_digits_other_than_ascii_is_text_not_a_list_step(string text)
    {
        // CommonMark numbers lists with ASCII digits only: taken as a step, '\u0661)' would come back as '\u0661.'.
        var page = PageParser.Parse("fuzz.txt", text, manifestCode: ProcedureCode.Parse("12345"));
        var broken = LineConservation.Check(text, page);
        Assert.True(broken is null, broken);
    }
}
