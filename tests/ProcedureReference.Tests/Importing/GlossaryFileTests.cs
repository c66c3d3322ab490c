using ProcedureReference.Reading;

namespace ProcedureReference.Tests.Importing;

/// <summary>content/glossary.csv: read with the other data files' reader, and the glossary the reference ships.</summary>
public sealed class GlossaryFileTests
{
    [Fact]
    public void The_file_is_read_like_the_other_data_files_header_comments_quotes_and_bad_lines_reported()
    {
        var warnings = new List<string>();

        var glossary = Glossary.Parse(string.Join('\n',
            "# words to know",
            "term,definition",
            "  catheter , \"A thin, soft tube.\"",
            "",
            "stent,A mesh tube, \"held open",
            "<b>,Markup is not a term.",
            "lonely",
            "Catheter,Defined again."), warnings);

        Assert.Equal([new GlossaryEntry("catheter", "A thin, soft tube.")], glossary.Entries);
        Assert.Equal(4, warnings.Count);
        Assert.Contains(warnings, w => w.StartsWith("glossary.csv line 5:", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("glossary.csv line 6:", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("glossary.csv line 7:", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("'Catheter' is defined on an earlier line", StringComparison.Ordinal));
    }

    [Fact]
    public void It_is_kept_as_json_and_read_back_the_same()
    {
        var glossary = Glossary.Parse("catheter,\"A thin tube, \"\"soft\"\".\"\nDVT,A deep vein clot.", []);

        Assert.Equal(glossary.Entries, Glossary.FromJson(glossary.ToJson()).Entries);
        Assert.Empty(Glossary.FromJson(null).Entries);
        Assert.Empty(Glossary.FromJson("not json").Entries);
    }

    [Fact]
    public void The_shipped_glossary_has_about_150_plain_terms_of_the_field_and_reads_without_warnings()
    {
        var warnings = new List<string>();
        var glossary = Glossary.Parse(File.ReadAllText(Path.Combine(Support.SeedContent.Folder, Glossary.FileName)), warnings);

        Assert.Empty(warnings);
        Assert.InRange(glossary.Entries.Count, 140, 200);
        Assert.Equal(glossary.Entries, Glossary.Shipped.Entries);
        var terms = glossary.Entries.Select(e => e.Term).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Superset(new HashSet<string>(["thrombectomy", "venogram", "fluoroscopy", "contrast dye", "catheter", "epidural", "thrombosis", "embolism", "sedation"], StringComparer.OrdinalIgnoreCase),
            terms);
        // Short plain definitions: a sentence or two, not an encyclopaedia entry.
        Assert.All(glossary.Entries, e => Assert.InRange(e.Definition.Split(' ').Length, 2, 40));
    }

    [Fact]
    public void An_import_keeps_the_folders_glossary_else_the_shipped_one()
    {
        using var temp = new Support.TempFolder();
        var warnings = new List<string>();
        Assert.Same(Glossary.Shipped, Glossary.ForImport(temp.Path, warnings));

        File.WriteAllText(Path.Combine(temp.Path, Glossary.FileName), "term,definition\nstent,A small mesh tube.\n");
        Assert.Equal([new GlossaryEntry("stent", "A small mesh tube.")], Glossary.ForImport(temp.Path, warnings).Entries);

        File.WriteAllText(Path.Combine(temp.Path, Glossary.FileName), "# nothing usable\n");
        Assert.Same(Glossary.Shipped, Glossary.ForImport(temp.Path, warnings));
        Assert.Contains("glossary.csv has no usable line; the shipped glossary was used", warnings);
    }
}
