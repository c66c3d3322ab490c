using ProcedureReference.Publishing;

namespace ProcedureReference.Tests.Publishing;

public sealed class LineDiffTests
{
    private static string Show(IReadOnlyList<DiffLine> lines) =>
        string.Join(" ", lines.Select(l => (l.Operation switch { DiffOperation.Added => "+", DiffOperation.Removed => "-", _ => "=" }) + l.Text));

    /// <summary>A line with its changed words in brackets: 'a [b] c'.</summary>
    private static string Marked(DiffLine line) => string.Concat(line.Spans.Select(s => s.Changed ? $"[{s.Text}]" : s.Text));

    [Theory]
    [InlineData("a b c", "a b c", "=a =b =c")]
    [InlineData("a b c", "a x c", "=a -b +x =c")]
    [InlineData("a b", "a b c", "=a =b +c")]
    [InlineData("a b c", "b c", "-a =b =c")]
    [InlineData("", "a", "+a")]
    [InlineData("a", "", "-a")]
    [InlineData("a b c d", "a x y d", "=a -b -c +x +y =d")]
    public void It_keeps_the_longest_common_run_and_marks_the_rest(string before, string after, string expected)
    {
        static string[] Split(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(expected, Show(LineDiff.Compare(Split(before), Split(after))));
    }

    [Fact]
    public void A_one_word_change_in_a_long_line_marks_just_that_word()
    {
        const string Before = "Percutaneous transluminal mechanical thrombectomy is a minimally invasive procedure used to remove blood clots from veins, often with clot-dissolving medications.";
        var after = Before.Replace("veins", "arteries", StringComparison.Ordinal);

        var lines = LineDiff.Compare(["Summary", "", Before], ["Summary", "", after]);

        Assert.Equal([DiffOperation.Same, DiffOperation.Same, DiffOperation.Removed, DiffOperation.Added], lines.Select(l => l.Operation));
        Assert.Equal(Before.Replace("veins", "[veins]", StringComparison.Ordinal), Marked(lines[2]));
        Assert.Equal(after.Replace("arteries", "[arteries]", StringComparison.Ordinal), Marked(lines[3]));
    }

    [Fact]
    public void Neighbouring_changed_words_are_one_change_and_the_spans_spell_the_line()
    {
        var lines = LineDiff.Compare(["Percutaneous transluminal mechanical thrombectomy is a procedure."], ["Flow edit 1a2b is a procedure."]);

        Assert.Equal("[Percutaneous transluminal mechanical thrombectomy] is a procedure.", Marked(lines[0]));
        Assert.Equal("[Flow edit 1a2b] is a procedure.", Marked(lines[1]));
        Assert.All(lines, l => Assert.Equal(l.Text, string.Concat(l.Spans.Select(s => s.Text))));
    }

    [Fact]
    public void Changed_lines_pair_in_order_and_the_lines_left_over_are_whole()
    {
        var lines = LineDiff.Compare(["keep", "one two", "three four"], ["keep", "one 2", "3 four", "five six"]);

        Assert.Equal(["keep", "one [two]", "[three] four", "one [2]", "[3] four", "five six"], lines.Select(Marked));
        Assert.Equal(DiffOperation.Added, lines[^1].Operation);
        Assert.DoesNotContain(lines[^1].Spans, s => s.Changed);
    }

    [Fact]
    public void Lines_with_no_word_in_common_are_not_marked_word_by_word()
    {
        var lines = LineDiff.Compare(["alpha beta"], ["gamma delta"]);

        Assert.Equal(["alpha beta", "gamma delta"], lines.Select(Marked));
    }

    [Fact]
    public void Lines_compare_by_their_text_and_marks()
    {
        var line = new DiffLine(DiffOperation.Removed, "a b") { Spans = [new("a ", false), new("b", true)] };

        Assert.Equal(line, new DiffLine(DiffOperation.Removed, "a b") { Spans = [new("a ", false), new("b", true)] });
        Assert.NotEqual(line, new DiffLine(DiffOperation.Removed, "a b"));
        Assert.Equal(new DiffLine(DiffOperation.Same, "x"), new DiffLine(DiffOperation.Same, "x"));
    }
}
