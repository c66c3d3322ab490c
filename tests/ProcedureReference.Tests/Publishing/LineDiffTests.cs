using ProcedureReference.Publishing;

namespace ProcedureReference.Tests.Publishing;

public sealed class LineDiffTests
{
    private static string Show(IReadOnlyList<DiffLine> lines) =>
        string.Join(" ", lines.Select(l => (l.Operation switch { DiffOperation.Added => "+", DiffOperation.Removed => "-", _ => "=" }) + l.Text));

    [Theory]
    [InlineData("a b c", "a b c", "=a =b =c")]
    [InlineData("a b c", "a x c", "=a -b +x =c")]
    [InlineData("a b", "a b c", "=a =b +c")]
    [InlineData("a b c", "b c", "-a =b =c")]
    [InlineData("", "a", "+a")]
    [InlineData("a", "", "-a")]
    public void It_keeps_the_longest_common_run_and_marks_the_rest(string before, string after, string expected)
    {
        static string[] Split(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(expected, Show(LineDiff.Compare(Split(before), Split(after))));
    }
}
