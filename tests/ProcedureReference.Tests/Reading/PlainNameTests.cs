using ProcedureReference.Reading;

namespace ProcedureReference.Tests.Reading;

public class PlainNameTests
{
    [Theory]
    [InlineData("Descriptor", "Name", "Mechanical Thrombectomy\nOther", "Mechanical Thrombectomy")]
    [InlineData("Descriptor", "Name", "\n  \n Bilateral Venogram \n", "Bilateral Venogram")]
    [InlineData("Descriptor", "Unlisted Fluoroscopic Procedure", "", "Unlisted Fluoroscopic Procedure")]
    [InlineData("Descriptor", "  ", null, "Descriptor")]
    [InlineData("Descriptor", null, null, "Descriptor")]
    public void The_first_common_name_else_the_name_else_the_descriptor(string title, string? name, string? commonNames, string expected)
    {
        Assert.Equal(expected, PlainName.Of(title, name, commonNames));
        Assert.Equal(expected, PlainName.Of(title, name, (commonNames ?? "").Split('\n')));
    }
}
