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

        var parsed = CodeCategories.Parse(["system,from,to,section,subsection", "CPT,100,99,Broken", "CPT,1,2", "# CPT,70010,79999,Hidden,", "CPT,70010,79999,Radiology,"]);

        Assert.Equal(new CodeCategory("Radiology", null), parsed.Find("CPT", "78458"));
    }
}
