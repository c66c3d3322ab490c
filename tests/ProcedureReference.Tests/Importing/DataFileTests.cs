using ProcedureReference.Importing;
using ProcedureReference.Search;

namespace ProcedureReference.Tests.Importing;

/// <summary>The one reader of codes.csv, cpt-ranges.csv and synonyms.csv.</summary>
public sealed class DataFileTests
{
    [Fact]
    public void Fields_are_trimmed_and_quoted_fields_keep_commas_quotes_and_spaces()
    {
        var warnings = new List<string>();
        var lines = DataFile.Parse("\uFEFF a , b \r\n\"x, y\",\" z \",\"say \"\"hi\"\"\"\n\n   \nlast", "test.csv", comments: false, warnings);

        Assert.Empty(warnings);
        Assert.Equal([1, 2, 5], lines.Select(l => l.Number));
        Assert.Equal(["a", "b"], lines[0].Fields);
        Assert.Equal(["x, y", " z ", "say \"hi\""], lines[1].Fields);
        Assert.Equal(["last"], lines[2].Fields);
        Assert.Equal("\"x, y\",\" z \",\"say \"\"hi\"\"\"", lines[1].Text);
    }

    [Fact]
    public void Comment_lines_are_skipped_only_where_the_file_allows_them()
    {
        const string Text = "# a comment, with \"quotes\"\n  # indented\n#file.txt,1\nkept,2";

        var warnings = new List<string>();
        Assert.Equal(["kept"], DataFile.Parse(Text, "ranges.csv", comments: true, warnings).Select(l => l.Fields[0]));
        Assert.Empty(warnings);

        Assert.Equal(["# indented", "#file.txt", "kept"], DataFile.Parse(Text, "codes.csv", comments: false, warnings).Select(l => l.Fields[0]));
        Assert.Equal(["codes.csv line 1: a quote inside an unquoted field in '# a comment, with \"quotes\"'; line ignored"], warnings);
    }

    [Fact]
    public void A_line_that_breaks_the_quoting_rules_is_reported_by_number_and_skipped_alone()
    {
        var warnings = new List<string>();
        var lines = DataFile.Parse("one,1\nt\"wo,2\n\"three\"x,3\n\"four,4\nfive,5", "test.csv", comments: false, warnings);

        Assert.Equal(["one", "five"], lines.Select(l => l.Fields[0]));
        Assert.Equal(
        [
            "test.csv line 2: a quote inside an unquoted field in 't\"wo,2'; line ignored",
            "test.csv line 3: text after a closing quote in '\"three\"x,3'; line ignored",
            "test.csv line 4: a quote that is not closed in '\"four,4'; line ignored",
        ], warnings);
    }

    [Fact]
    public void Synonyms_may_quote_an_entry_with_a_comma_and_comment_after_a_hash()
    {
        var synonyms = Synonyms.Parse(["# heading", "\"pain, chronic\", long-term pain # a comment, not an entry", "  # indented comment, ignored"]);

        Assert.Equal(["long term pain", "pain chronic"], synonyms.GroupOf("pain, chronic"));
        Assert.Empty(synonyms.GroupOf("a comment"));
        Assert.Empty(synonyms.GroupOf("not an entry"));
    }
}
