using ProcedureReference.Search;

namespace ProcedureReference.Tests.Search;

/// <summary>The repository's cpt-ranges.csv and how codes are placed in it.</summary>
public sealed class CodeCategoriesTests
{
    private static readonly CodeCategories Ranges = SearchDatabase.RepositoryCategories;

    [Theory]
    [InlineData("78458", "Radiology", "Nuclear Medicine")]
    [InlineData("76496", "Radiology", "Diagnostic Radiology")]
    [InlineData("72275", "Radiology", "Diagnostic Radiology")]
    [InlineData("34421", "Surgery", "Cardiovascular System")]
    [InlineData("37188", "Surgery", "Cardiovascular System")]
    [InlineData("00100", "Anesthesia", "Head")]
    [InlineData("99213", "Evaluation and Management", "Office or Other Outpatient Services")]
    [InlineData("99499", "Evaluation and Management", null)]
    [InlineData("69990", "Surgery", "Operating Microscope")]
    [InlineData("85025", "Pathology and Laboratory", "Hematology and Coagulation")]
    [InlineData("93000", "Medicine", "Cardiovascular")]
    [InlineData("99600", "Medicine", "Home Health Procedures and Services")]
    [InlineData("0042T", "Category III", null)]
    [InlineData("1036F", "Category II", null)]
    public void A_code_is_placed_in_its_section_and_subsection(string code, string section, string? subsection)
    {
        Assert.Equal(new CodeCategory(section, subsection), Ranges.Find("CPT", code));
        Assert.Equal(section, Ranges.CategoryOf("cpt", code));
    }

    [Theory]
    [InlineData("CPT", "99999")]
    [InlineData("CPT", "7845")]
    [InlineData("CPT", "784580")]
    [InlineData("CPT", "0042U")]
    [InlineData("CPT", "")]
    [InlineData("HCPCS", "78458")]
    [InlineData("CPT", "7845\u0661")]
    public void Codes_outside_every_range_have_no_category(string system, string code)
    {
        Assert.Null(Ranges.Find(system, code));
        Assert.Null(Ranges.CategoryOf(system, code));
    }

    [Fact]
    public void Every_section_of_the_file_is_a_real_CPT_section()
    {
        string[] sections =
        [
            "Evaluation and Management", "Anesthesia", "Surgery", "Radiology", "Pathology and Laboratory", "Medicine",
            "Category II", "Category III",
        ];
        var lines = File.ReadLines(Path.Combine(Support.SeedContent.Folder, "cpt-ranges.csv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("system,", StringComparison.Ordinal));
        Assert.All(lines, line => Assert.Contains(line.Split(',')[3], sections));
    }

    [Fact]
    public void A_missing_file_means_no_categories_and_bad_rows_are_skipped()
    {
        Assert.Null(CodeCategories.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "none.csv")).Find("CPT", "78458"));

        var warnings = new List<string>();
        var parsed = CodeCategories.Parse(["system,from,to,section,subsection", "CPT,100,99,Broken", "CPT,1,2", "# CPT,70010,79999,Hidden,", "CPT,70010,79999,Radiology,"], warnings);

        Assert.Equal(new CodeCategory("Radiology", null), parsed.Find("CPT", "78458"));
        Assert.Equal(
        [
            "cpt-ranges.csv line 2: expected 'system,from,to,section,subsection' with from and to of one length and from <= to, found 'CPT,100,99,Broken'; line ignored",
            "cpt-ranges.csv line 3: expected 'system,from,to,section,subsection' with from and to of one length and from <= to, found 'CPT,1,2'; line ignored",
        ], warnings);
    }

    [Fact]
    public void The_repository_file_reads_without_a_warning_and_is_the_one_an_import_falls_back_to()
    {
        var warnings = new List<string>();
        var file = CodeCategories.Load(Path.Combine(Support.SeedContent.Folder, "cpt-ranges.csv"), warnings);

        Assert.Empty(warnings);
        Assert.Equal(file.All, CodeCategories.Shipped.All);
        Assert.Same(CodeCategories.Shipped, CodeCategories.ForImport(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")), warnings));
        Assert.Empty(warnings);
    }

    [Fact]
    public void Quoted_fields_may_hold_commas_and_systems_are_read_as_one()
    {
        var parsed = CodeCategories.Parse(["cpt4,10004,69990,Surgery,", "CPT,33016,37799,Surgery,\"Cardiovascular System, Heart and Vessels\""]);

        Assert.Equal(new CodeCategory("Surgery", "Cardiovascular System, Heart and Vessels"), parsed.Find("CPT", "37188"));
        Assert.Equal("Surgery", parsed.CategoryOf("cpt", "37188"));
    }

    [Theory]
    [InlineData("37188")]
    [InlineData("34421")]
    [InlineData("78458")]
    [InlineData("76496")]
    [InlineData("69990")]
    [InlineData("99213")]
    [InlineData("99499")]
    [InlineData("0042T")]
    [InlineData("0042U")]
    [InlineData("99999")]
    public void Browse_search_and_similar_codes_place_a_code_in_the_same_range(string code)
    {
        // Search facets and browse read Find; the similar codes' reason reads the range at IndexOf.
        var index = Ranges.IndexOf("CPT", code);
        var category = Ranges.Find("CPT", code);

        if (category is null)
        {
            Assert.Equal(-1, index);
            return;
        }
        var range = Ranges.All[index];
        Assert.Equal(category, new CodeCategory(range.Section, range.Subsection));
        Assert.Equal(category.Subsection is null ? $"same CPT section: {category.Section}" : $"same CPT subsection: {category.Subsection}", range.SameRangeReason);
    }
}
