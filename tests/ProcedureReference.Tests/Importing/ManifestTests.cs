using ProcedureReference.Codes;
using ProcedureReference.Importing;

namespace ProcedureReference.Tests.Importing;

/// <summary>codes.csv read through the one data-file reader: quoted fields, codes checked, bad lines reported by number.</summary>
public sealed class ManifestTests
{
    [Fact]
    public void Files_map_to_canonical_codes_and_quoted_fields_may_hold_commas()
    {
        var manifest = Manifest.Parse("\uFEFFfile,code\r\n000.txt, 78458 \r\n\"comma, page.txt\",j1100\n\n\"quoted \"\"name\"\".txt\",\"k35.80\"\n");

        Assert.Empty(manifest.Warnings);
        Assert.Equal(ProcedureCode.Parse("78458"), manifest.CodeFor("000.txt"));
        Assert.Equal("J1100", manifest.CodeFor("comma, page.txt")?.ToString());
        Assert.Equal("K35.80", manifest.CodeFor("quoted \"name\".txt")?.ToString());
        Assert.Null(manifest.CodeFor("missing.txt"));
    }

    [Fact]
    public void A_code_outside_the_allowed_characters_is_reported_with_its_file_and_not_used()
    {
        var manifest = Manifest.Parse("file,code\nslashed.txt,AB/12\nfine.txt,12345\n");

        Assert.Null(manifest.CodeFor("slashed.txt"));
        Assert.DoesNotContain("slashed.txt", manifest.Files);
        var warning = Assert.Single(manifest.Warnings);
        Assert.StartsWith("codes.csv line 2: 'AB/12' for slashed.txt is not a code (letters, digits", warning, StringComparison.Ordinal);
        Assert.Equal("12345", manifest.CodeFor("fine.txt")?.ToString());
    }

    [Fact]
    public void Bad_lines_are_reported_with_their_number_and_what_was_wrong()
    {
        var manifest = Manifest.Parse("file,code\none.txt\ntwo.txt,11111,extra\nthree.txt,22222\nthree.txt,33333\nfour\"x.txt,44444\n,55555\n");

        Assert.Equal(
        [
            "codes.csv line 2: expected 'file,code', found 'one.txt'; line ignored",
            "codes.csv line 3: expected 'file,code', found 'two.txt,11111,extra'; line ignored",
            "codes.csv line 5: three.txt is listed twice; the first code (22222) kept",
            "codes.csv line 7: expected 'file,code', found ',55555'; line ignored",
        ], manifest.Warnings.Where(w => !w.Contains("quote", StringComparison.Ordinal)));
        Assert.Contains("codes.csv line 6: a quote inside an unquoted field in 'four\"x.txt,44444'; line ignored", manifest.Warnings);
        Assert.Equal("22222", manifest.CodeFor("three.txt")?.ToString());
        Assert.Single(manifest.Files);
    }

    [Fact]
    public void An_unclosed_quote_spoils_its_line_only()
    {
        var manifest = Manifest.Parse("file,code\n\"open.txt,11111\nnext.txt,22222\n");

        Assert.Equal("22222", manifest.CodeFor("next.txt")?.ToString());
        Assert.Contains(manifest.Warnings, w => w.StartsWith("codes.csv line 2: a quote that is not closed", StringComparison.Ordinal));
    }
}
