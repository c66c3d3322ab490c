using System.Text;
using System.Text.RegularExpressions;
using ProcedureReference.Parsing;
using ProcedureReference.Reading;
using ProcedureReference.Storage;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Reading;

/// <summary>
/// The reading grade and the syllable counter under it. The syllable table is the spec: each word with its count in
/// the CMU Pronouncing Dictionary, chosen to cover every rule of <see cref="Syllables"/> (and the words of this
/// site's pages that plain vowel-group counting gets wrong).
/// </summary>
public sealed partial class ReadingGradeTests
{
    [Theory]
    // one vowel group, short words
    [InlineData("the", 1)]
    [InlineData("clot", 1)]
    [InlineData("blood", 1)]
    [InlineData("veins", 1)]
    [InlineData("yes", 1)]          // a leading y is a consonant
    [InlineData("young", 1)]
    // a silent final e, -es and -ed
    [InlineData("time", 1)]
    [InlineData("whole", 1)]
    [InlineData("makes", 1)]
    [InlineData("lives", 1)]
    [InlineData("used", 1)]
    [InlineData("removed", 2)]
    [InlineData("procedure", 3)]
    [InlineData("procedures", 3)]
    [InlineData("invasive", 3)]
    [InlineData("breathe", 1)]
    // spoken endings: -le, -es after a hissing sound, -ed after t or d, a final e in a vowel group
    [InlineData("table", 2)]
    [InlineData("tables", 2)]
    [InlineData("little", 2)]
    [InlineData("simple", 2)]
    [InlineData("cases", 2)]
    [InlineData("images", 3)]
    [InlineData("needed", 2)]
    [InlineData("injected", 3)]
    [InlineData("tissue", 2)]
    [InlineData("free", 1)]
    // vowel pairs spoken as two, and where a consonant merges them
    [InlineData("radiology", 5)]
    [InlineData("diagnosis", 4)]
    [InlineData("radiation", 4)]
    [InlineData("sodium", 3)]
    [InlineData("calcium", 3)]
    [InlineData("video", 3)]
    [InlineData("usually", 4)]
    [InlineData("actual", 3)]
    [InlineData("various", 3)]
    [InlineData("percutaneous", 5)]
    [InlineData("area", 3)]
    [InlineData("nausea", 3)]
    [InlineData("sedation", 3)]
    [InlineData("medication", 4)]
    [InlineData("special", 2)]
    [InlineData("anesthesia", 4)]
    [InlineData("conscious", 2)]
    [InlineData("surgeon", 2)]
    [InlineData("equal", 2)]
    [InlineData("patient", 2)]
    // -ism, -ing after a vowel
    [InlineData("embolism", 4)]
    [InlineData("doing", 2)]
    [InlineData("breathing", 2)]
    // the site's words
    [InlineData("thrombectomy", 4)]
    [InlineData("thrombosis", 3)]
    [InlineData("catheter", 3)]
    [InlineData("venogram", 3)]
    [InlineData("epidural", 4)]
    [InlineData("minimally", 4)]
    [InlineData("ultrasound", 3)]
    [InlineData("hospital", 3)]
    [InlineData("recovery", 4)]
    [InlineData("surgery", 3)]
    [InlineData("removal", 3)]
    // the table of words the rules get wrong
    [InlineData("people", 2)]
    [InlineData("create", 2)]
    [InlineData("being", 2)]
    [InlineData("fluid", 2)]
    [InlineData("quiet", 2)]
    [InlineData("business", 2)]
    // compounds part by part, case and apostrophes ignored
    [InlineData("x-ray", 2)]
    [InlineData("Thrombectomy", 4)]
    [InlineData("it's", 1)]
    public void Syllables_are_counted_as_the_dictionary_counts_them(string word, int syllables) =>
        Assert.Equal(syllables, Syllables.Count(word));

    [Fact]
    public void A_word_with_no_letter_has_no_syllable_and_a_word_with_one_has_at_least_one()
    {
        Assert.Equal(0, Syllables.Count("-"));
        Assert.Equal(1, Syllables.Count("CT"));
    }

    [Fact]
    public void The_grade_is_the_flesch_kincaid_formula_to_one_decimal()
    {
        // 5 words, 7 syllables, 1 sentence: 0.39 × 5 + 11.8 × 7/5 − 15.59 = 2.88.
        Assert.Equal(7, "The doctor removes the clot".Split(' ').Sum(Syllables.Count));
        Assert.Equal(2.9, ReadingGrade.Of("The doctor removes the clot."));
        // 5 words, 14 syllables: 0.39 × 5 + 11.8 × 14/5 − 15.59 = 19.4.
        Assert.Equal(19.4, ReadingGrade.Of("Percutaneous thrombectomy removes venous clots."));
    }

    [Fact]
    public void Each_line_is_a_sentence_of_its_own_so_a_list_without_full_stops_is_not_one_long_sentence()
    {
        const string List = "Infection at the site\nBleeding under the skin\nAn allergic reaction to the dye";
        const string Sentences = "Infection at the site. Bleeding under the skin. An allergic reaction to the dye.";

        Assert.Equal(ReadingGrade.Of(Sentences), ReadingGrade.Of(List));
    }

    [Fact]
    public void Numbers_are_not_words_and_a_text_without_words_has_no_grade()
    {
        Assert.Equal(ReadingGrade.Of("It takes about an hour."), ReadingGrade.Of("It takes about 1-2 an hour."));
        Assert.Null(ReadingGrade.Of("1-2 (30) 60."));
        Assert.Null(ReadingGrade.Of(""));
        Assert.Null(ReadingGrade.Of(null));
    }

    [Fact]
    public void Very_plain_text_is_grade_0_at_least_and_shown_as_grade_1()
    {
        var grade = ReadingGrade.Of("Go. Sit. Rest.");

        Assert.Equal(0, grade);
        Assert.Equal(1, ReadingGrade.Shown(grade!.Value));
        Assert.Equal(9, ReadingGrade.Shown(9.4));
        Assert.Equal(10, ReadingGrade.Shown(9.5));
    }

    [Fact]
    public void The_page_grade_reads_the_explanation_together_but_not_the_lists_of_policies_and_similar_codes()
    {
        var page = ParsedPage(
            (SectionKind.Summary, "A thrombectomy removes a blood clot."),
            (SectionKind.Risks, "- Bleeding\n- Infection"),
            (SectionKind.Policies, "- Percutaneous transluminal mechanical thrombectomy coverage determination"),
            (SectionKind.SimilarCodes, "- 37187 Percutaneous transluminal mechanical thrombectomy, vein(s)"));

        var rows = PageRows.Of(page);

        Assert.Equal(4, rows.SectionGrades.Count);
        Assert.Equal(ReadingGrade.Of("A thrombectomy removes a blood clot."), rows.SectionGrades[0]);
        Assert.Equal(ReadingGrade.Of("Bleeding\nInfection"), rows.SectionGrades[1]);
        Assert.Equal(ReadingGrade.Of("A thrombectomy removes a blood clot.\nBleeding\nInfection"), rows.PageGrade);
        Assert.Equal(rows.SectionGrades[0], rows.SummaryGrade);
    }

    [Fact]
    public void The_scanner_counts_as_the_regular_expressions_it_replaced_did()
    {
        // The grade was first computed with two regular expressions (sentence ends, words); the import now scans
        // each text once. Random texts of the characters that matter (letters, joiners, sentence ends, spaces,
        // line breaks, digits) and the shipped pages' sections must give the same counts.
        var random = new Random(2026);
        var pieces = new[] { "a", "Ab", "x", "ray", "the", "clot", "'", "’", "-", ".", "!", "?", "...", " ", "  ", "\n", "\t", "\u00a0", "1", "30", "(", ")", ",", "é", "e.g", "U.S." };
        for (var n = 0; n < 5000; n++)
        {
            var text = new StringBuilder();
            for (var k = random.Next(0, 40); k > 0; k--) text.Append(pieces[random.Next(pieces.Length)]);
            Assert.Equal(RegexCount(text.ToString()), ReadingGrade.CountOf(text.ToString()));
        }
        foreach (var file in Directory.EnumerateFiles(SeedContent.Folder, "*.txt"))
        {
            var page = PageParser.Parse(Path.GetFileName(file), File.ReadAllText(file));
            foreach (var section in page.Sections)
            {
                var text = MarkdownWriter.PlainText(section.Markdown);
                Assert.Equal(RegexCount(text), ReadingGrade.CountOf(text));
            }
        }
    }

    [Fact]
    public void Texts_joined_by_a_line_break_count_as_the_sum_of_their_counts()
    {
        string[] texts = ["A thrombectomy removes a blood clot.", "Bleeding", "x-ray of the leg", "Rest. ", "", "Go!\n", "It's done..."];
        foreach (var a in texts)
            foreach (var b in texts)
                Assert.Equal(ReadingGrade.CountOf(a + "\n" + b), ReadingGrade.CountOf(a) + ReadingGrade.CountOf(b));
    }

    private static TextCount RegexCount(string text)
    {
        int sentences = 0, words = 0, syllables = 0;
        foreach (var sentence in SentenceEnd().Split(text))
        {
            var inSentence = 0;
            foreach (Match word in Word().Matches(sentence))
            {
                inSentence++;
                syllables += Syllables.Count(word.Value);
            }
            if (inSentence == 0) continue;
            sentences++;
            words += inSentence;
        }
        return new TextCount(sentences, words, syllables);
    }

    [GeneratedRegex(@"[.!?]+(?=\s|$)|\n")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[A-Za-z]+(?:['’-][A-Za-z]+)*")]
    private static partial Regex Word();

    private static ParsedPage ParsedPage(params (SectionKind Kind, string Markdown)[] sections) =>
        new("p.txt", "37188", "CPT", "A title", null, [], null, sections.Select(s => new ParsedSection(s.Kind, null, s.Markdown)).ToList(), [], []);
}
