using ProcedureReference.Codes;

namespace ProcedureReference.Tests.Codes;

public sealed class ProcedureCodeTests
{
    [Theory]
    [InlineData("37188", "37188")]
    [InlineData(" 37188 ", "37188")]
    [InlineData("j1100", "J1100")]
    [InlineData("k35.80", "K35.80")]
    [InlineData("0dtj4zz", "0DTJ4ZZ")]
    [InlineData("37 188", "37188")]
    [InlineData("venous-thrombosis-imaging", "VENOUS-THROMBOSIS-IMAGING")]
    [InlineData("A", "A")]
    [InlineData("1234567890123456789012345678901234567890", "1234567890123456789012345678901234567890")]
    public void Any_spelling_of_a_code_reads_as_its_canonical_form(string text, string canonical)
    {
        Assert.True(ProcedureCode.TryParse(text, out var code));
        Assert.Equal(canonical, code.ToString());
        Assert.Equal(code, ProcedureCode.Parse(canonical));
        Assert.Equal(canonical, ProcedureCode.Parse(code.ToString()).ToString()); // canonical is a fixed point
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("AB/12")]
    [InlineData("..")]
    [InlineData(".5")]
    [InlineData("-12")]
    [InlineData("a b/c")]
    [InlineData("é1")]
    [InlineData("\u0131")] // dotless i upper-cases to an ASCII I, and is still not a code character
    [InlineData("37188#risks")]
    [InlineData("12345678901234567890123456789012345678901")]
    public void Text_outside_the_allowed_characters_is_not_a_code(string? text)
    {
        Assert.False(ProcedureCode.TryParse(text, out var code));
        Assert.Null(code);
        if (text is not null) Assert.Throws<FormatException>(() => ProcedureCode.Parse(text));
    }

    [Fact]
    public void Codes_are_equal_by_their_canonical_form()
    {
        Assert.Equal(ProcedureCode.Parse("j1100"), ProcedureCode.Parse(" J1100"));
        Assert.True(ProcedureCode.Parse("j1100") == ProcedureCode.Parse("J 1100"));
        Assert.NotEqual(ProcedureCode.Parse("J1100"), ProcedureCode.Parse("J1101"));
        Assert.Equal(ProcedureCode.Parse("j1100").GetHashCode(), ProcedureCode.Parse("J1100").GetHashCode());
        Assert.Single(new HashSet<ProcedureCode> { ProcedureCode.Parse("k35.80"), ProcedureCode.Parse("K35.80") });
    }

    [Fact]
    public void The_path_of_a_code_is_its_page_and_needs_no_escaping()
    {
        Assert.Equal("/codes/37188", ProcedureCode.Parse("37188").Path);
        Assert.Equal("/codes/K35.80", ProcedureCode.Parse("k35.80").Path);
        Assert.Equal("/codes/VENOUS-THROMBOSIS", ProcedureCode.Parse("venous-thrombosis").Path);
        Assert.Equal("/codes/AB%2F12", ProcedureCode.PathOf("AB/12")); // a code stored before the rules still links safely
    }

    [Theory]
    [InlineData("Venous thrombosis imaging, venogram; bilateral", "VENOUS-THROMBOSIS-IMAGING-VENOGRAM-BILAT")]
    [InlineData("Ultrasound (Doppler) – légère", "ULTRASOUND-DOPPLER-L-G-RE")]
    [InlineData("  X-ray  ", "X-RAY")]
    public void A_descriptor_makes_a_canonical_code_that_reads_back_as_itself(string descriptor, string expected)
    {
        var code = ProcedureCode.FromDescriptor(descriptor);

        Assert.NotNull(code);
        Assert.Equal(expected, code.ToString());
        Assert.True(code.ToString().Length <= ProcedureCode.MaxLength);
        Assert.Equal(code, ProcedureCode.Parse(code.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" -- ")]
    [InlineData("éèà")]
    public void A_descriptor_without_a_letter_or_digit_makes_no_code(string descriptor) =>
        Assert.Null(ProcedureCode.FromDescriptor(descriptor));

    [Theory]
    [InlineData("37188", true)]
    [InlineData("K35.80", true)]
    [InlineData("0DTJ4ZZ", true)]
    [InlineData("ab", false)]
    [InlineData("venogram", false)]
    [InlineData("1234567890123", false)]
    public void Code_shaped_text_has_a_digit_and_3_to_12_characters(string text, bool shaped) =>
        Assert.Equal(shaped, ProcedureCode.IsCodeShaped(text));

    [Theory]
    [InlineData("37188", "CPT")]
    [InlineData("0042T", "CPT")]
    [InlineData("J1100", "HCPCS")]
    [InlineData("K35.80", "ICD-10-CM")]
    [InlineData("0DTJ4ZZ", "ICD-10-PCS")]
    public void A_system_is_guessed_from_the_shape(string code, string system) =>
        Assert.Equal(system, ProcedureCode.SystemFromShape(code));
}
