using ProcedureReference.Parsing;
using ProcedureReference.Similarity;

namespace ProcedureReference.Tests.Similarity;

/// <summary>
/// The explainer template's own words (its questions, and what every explainer answers with) are not terms, so a
/// similar code's reason never rests on them; the clinical words of a page stay terms.
/// </summary>
public class TemplateWordsTests
{
    /// <summary>Whether a word as it stands in a page makes no term (a stop word, after stemming).</summary>
    public static bool IsStopWord(string word)
    {
        Span<char> buffer = stackalloc char[TermReader.BufferLength];
        var reader = new TermReader(word, buffer);
        return !reader.TryTerm(word, out _, out _);
    }

    [Theory]
    [InlineData("structures")]
    [InlineData("diagnose")]
    [InlineData("diagnosis")]
    [InlineData("minimally")]
    [InlineData("invasive")]
    [InlineData("conditions")]
    [InlineData("treatment")]
    [InlineData("outcomes")]
    [InlineData("accuracy")]
    public void What_every_explainer_says_is_not_a_term(string word) =>
        Assert.True(IsStopWord(word), $"'{word}' is the template's, not a procedure's");

    public static IEnumerable<object[]> TemplateQuestionWords() =>
        SectionRules.InCanonicalOrder.SelectMany(r => r.SubHeadings.Append(r.Title))
            .SelectMany(t => t.ToLowerInvariant().Split([' ', ',', ':', '-', '/'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length > 1 && !StopWords.ClinicalTemplateWords.Contains(w))
            .Distinct()
            .Select(w => new object[] { w });

    [Theory]
    [MemberData(nameof(TemplateQuestionWords))]
    public void The_words_the_template_asks_in_are_not_terms(string word) =>
        Assert.True(IsStopWord(word), $"'{word}' is in the template's questions (SectionRules), not a procedure's");

    [Theory]
    [InlineData("thrombectomy")]
    [InlineData("venogram")]
    [InlineData("fluoroscopic")]
    [InlineData("catheter")]
    [InlineData("clots")]
    [InlineData("veins")]
    [InlineData("epidural")]
    [InlineData("contrast")]
    [InlineData("anesthesia")]
    [InlineData("sedation")]
    [InlineData("pain")]
    public void Clinical_words_stay_terms(string word) =>
        Assert.False(IsStopWord(word), $"'{word}' names something clinical");
}
