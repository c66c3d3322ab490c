using System.Text;
using ProcedureReference.Parsing;

namespace ProcedureReference.Corpus;

/// <summary>
/// Writes a generated page in one of the site's two layouts, as the seeds in content/ show them. Headed (like
/// 002-004): every section under its heading, now and then a question-form heading ('Why is it done?') and a
/// policies section. Dropped-heading (like 000/001): the scraper kept only the procedure, risks and patient
/// experience headings and left two blank lines where the others were; half such pages keep the site's
/// sub-headings ('Pre-procedure instructions for the patient:'), and some lack a section.
/// </summary>
internal static class PageComposer
{
    private static readonly HashSet<SectionKind> KeptWhenDropped = [SectionKind.Procedure, SectionKind.Risks, SectionKind.PatientExperience];
    private static readonly SectionKind[] Omissible = [SectionKind.Purpose, SectionKind.Alternatives];

    public static string Compose(PlannedPage page, out bool headed)
    {
        var random = new Random(page.TextSeed);
        var wording = new Wording(page.Family, page.Variant, random);
        var title = Descriptors.Title(page.Family, page.Variant);
        headed = random.Chance(0.5);

        var text = new StringBuilder(4096);
        text.Append("Search all medical codes\n\n").Append(title).Append("\n\nCPT4 code\n\nName of the Procedure:\n\n")
            .Append(Descriptors.Name(title, wording)).Append('\n');
        if (random.Chance(0.4)) text.Append("Common Name(s): ").Append(Descriptors.CommonNames(wording)).Append('\n');
        if (random.Chance(0.25)) text.Append("Technical/Medical Term: ").Append(Descriptors.TechnicalTerm(wording)).Append('\n');

        var sections = SectionWriter.Write(wording);
        if (headed) WriteHeaded(text, sections, title, random);
        else WriteDropped(text, sections, random);
        // The seeds end on the last heading, with no line break.
        return text.Append("\nSimilar Codes").ToString();
    }

    private static void WriteHeaded(StringBuilder text, List<GeneratedSection> sections, string title, Random random)
    {
        var questions = random.Chance(0.15);
        var subHeadings = random.Chance(0.2);
        foreach (var section in sections)
        {
            text.Append('\n').Append(Heading(section.Kind, questions, random)).Append("\n\n");
            WriteParts(text, section, subHeadings);
        }
        if (random.Chance(0.4))
            text.Append("\nMedical Policies and Guidelines for ").Append(title).Append("\n\nRelated policies from health plans\n");
    }

    private static void WriteDropped(StringBuilder text, List<GeneratedSection> sections, Random random)
    {
        var subHeadings = random.Chance(0.5);
        // Only a page whose sub-headings say where each block belongs may lack a section, as in the specs.
        var missing = subHeadings && random.Chance(0.25) ? random.Pick(Omissible) : (SectionKind?)null;
        foreach (var section in sections.Where(s => s.Kind != missing))
        {
            if (KeptWhenDropped.Contains(section.Kind))
                text.Append('\n').Append(SectionRules.For(section.Kind).Title).Append("\n\n");
            else
                text.Append("\n\n");
            WriteParts(text, section, subHeadings);
        }
    }

    private static string Heading(SectionKind kind, bool questions, Random random)
    {
        var headings = SectionRules.For(kind).Headings;
        var asked = headings.Where(h => h.EndsWith('?')).ToList();
        return questions && asked.Count > 0 && random.Chance(0.6) ? random.Pick(asked) : headings[0];
    }

    private static void WriteParts(StringBuilder text, GeneratedSection section, bool subHeadings)
    {
        var first = true;
        foreach (var part in section.Parts)
        {
            var titled = subHeadings && part.SubHeading is not null;
            if (titled) text.Append(part.SubHeading).Append('\n');
            // A paragraph stands apart from what is above it; list items follow their sub-heading directly.
            if (part.IsParagraph && (titled || !first)) text.Append('\n');
            foreach (var line in part.Lines) text.Append(line).Append('\n');
            first = false;
        }
    }
}

/// <summary>The header lines of a generated page: descriptor, name, common names, technical term.</summary>
internal static class Descriptors
{
    /// <summary>
    /// A CPT-style descriptor: the stem ('Thrombectomy, femoral vein') before the semicolon, the variant after
    /// it ('bilateral, with imaging guidance'); families that put the approach first have no shared stem.
    /// </summary>
    public static string Title(ProcedureFamily family, Variant variant)
    {
        var stem = $"{family.Technique.Name}, {family.Site}" + (family.ConditionInStem ? $", for {family.Condition}" : "")
            + (family.Qualifier is { } qualifier ? $", {qualifier}" : "");
        var parts = new List<string>();
        if (variant.Approach is { } approach)
        {
            if (family.ApproachInStem) stem = $"{approach.Capitalized()} {char.ToLowerInvariant(stem[0])}{stem[1..]}";
            else parts.Add($"{approach} approach");
        }
        if (variant.Laterality is { } laterality) parts.Add(laterality);
        if (variant.Guided is { } guided) parts.Add(guided ? "with imaging guidance" : "without imaging guidance");
        if (variant.Sequence is { } sequence) parts.Add(sequence == "repeat" ? "repeat treatment" : "initial treatment");
        return parts.Count == 0 ? stem : $"{stem}; {string.Join(", ", parts)}";
    }

    public static string Name(string title, Wording w) => w.Random.Next(3) switch
    {
        0 => TitleCase(title),
        1 => TitleCase($"{(w.Variant.Laterality is { } l ? l + " " : "")}{w.Site} {w.Technique}"),
        _ => TitleCase($"{w.Technique} of the {w.Site}"),
    };

    public static string CommonNames(Wording w) =>
        w.Random.Chance(0.5) ? TitleCase($"{w.Site} {w.Technique}") : $"{TitleCase(w.Technique)}, {TitleCase(w.Site + " procedure")}";

    public static string TechnicalTerm(Wording w) =>
        $"{TitleCase(w.Technique)} for {w.Condition}" + (w.Family.Qualifier is { } qualifier ? $", {qualifier}" : "");

    private static string TitleCase(string text) =>
        string.Join(' ', text.Split(' ').Select(word => word.Capitalized()));
}
