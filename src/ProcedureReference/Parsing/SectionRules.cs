namespace ProcedureReference.Parsing;

/// <summary>
/// The rule table, in one place and as data: the section kinds in canonical order, their heading
/// variants, their sub-headings, their cues and the cue words of headings in other layouts. Adding a heading
/// variant or a heading cue is a one-line change here plus a spec example under tests/ProcedureReference.Tests/Specs.
/// </summary>
public static class SectionRules
{
    /// <summary>Site chrome the scraper kept: not content, dropped.</summary>
    public static readonly string[] SiteChrome = ["Search all medical codes"];

    /// <summary>The header's labels.</summary>
    public const string NameLabel = "Name of the Procedure:";
    public static readonly string[] CommonNamesLabels = ["Common Name(s):", "Common Names:", "Common Name:"];
    public static readonly string[] TechnicalTermLabels = ["Technical/Medical Term:", "Technical Term:", "Medical Term:"];

    /// <summary>The code-system line ('CPT4 code', 'CPT4 code 93970') and the system each names.</summary>
    public static readonly (string Line, string System)[] CodeSystems =
    [
        ("CPT4 code", "CPT"),
        ("CPT code", "CPT"),
        ("HCPCS Level II code", "HCPCS"),
        ("HCPCS code", "HCPCS"),
        ("ICD-10-CM code", "ICD-10-CM"),
        ("ICD-10-PCS code", "ICD-10-PCS"),
    ];

    public static readonly IReadOnlyList<SectionRule> InCanonicalOrder =
    [
        new(SectionKind.Summary, "Summary",
            Headings: ["Summary", "Overview", "What is it?", "What is this procedure?"],
            SubHeadings: [],
            Cues: ["is a", "is an", "procedure used to", "procedure that", "involves"],
            HeadingCues: ["overview", "what is", "what are"]),
        new(SectionKind.Purpose, "Purpose",
            Headings: ["Purpose", "Why is it done?", "Why is this done?"],
            SubHeadings: ["The medical condition or problem it addresses:", "The goals or expected outcomes of the procedure:"],
            Cues: ["performed to", "is used to", "aims to", "the goal", "goals include", "addresses", "employed to"],
            HeadingCues: ["why", "used for", "purpose", "reason"]),
        new(SectionKind.Indications, "Indications",
            Headings: ["Indications", "Who needs it?", "When is it needed?"],
            SubHeadings: ["Specific symptoms or conditions that warrant the procedure:", "Patient criteria or factors that make the procedure appropriate:"],
            Cues: ["symptoms", "suspected", "suspicion", "persistent", "not responding", "warrant", "patients with"],
            HeadingCues: ["do i need", "who needs", "who should", "candidate"]),
        new(SectionKind.Preparation, "Preparation",
            Headings: ["Preparation", "How should I prepare?", "How do I prepare?"],
            SubHeadings: ["Pre-procedure instructions for the patient:", "Any diagnostic tests or assessments required beforehand:"],
            Cues: ["fasting", "fast for", "before the procedure", "prior to the procedure", "discontinu", "arrange for", "pre-procedure"],
            HeadingCues: ["prepar", "before", "get ready"]),
        new(SectionKind.Procedure, "Procedure Description",
            Headings: ["Procedure Description", "Procedure", "What happens during the procedure?", "How is it done?"],
            SubHeadings: ["Step-by-step explanation:", "Tools, equipment, or technology used:", "Anesthesia or sedation details, if applicable:"],
            Cues: ["is inserted", "is injected", "incision", "catheter", "the patient lies", "is removed"],
            HeadingCues: ["during", "expect", "what happens", "how it's done"]),
        new(SectionKind.Duration, "Duration",
            Headings: ["Duration", "How long does it take?"],
            SubHeadings: [],
            Cues: ["typically takes", "typically lasts", "takes about", "lasts", "minutes", "hours", "per session"],
            HeadingCues: ["how long"]),
        new(SectionKind.Setting, "Setting",
            Headings: ["Setting", "Where is it done?"],
            SubHeadings: [],
            Cues: ["performed in", "hospital", "outpatient", "clinic", "suite", "center", "operating room"],
            HeadingCues: ["where"]),
        new(SectionKind.Personnel, "Personnel",
            Headings: ["Personnel", "Who does it?", "Who performs it?"],
            SubHeadings: [],
            Cues: ["surgeon", "radiologist", "technologist", "anesthesiologist", "nurse"],
            ListItemWords: ["surgeon", "radiologist", "technologist", "technician", "anesthesiologist", "anesthetist",
                            "nurse", "specialist", "physician", "assistant", "doctor", "therapist", "staff", "team"],
            HeadingCues: ["who does", "who performs"]),
        new(SectionKind.Risks, "Risks and Complications",
            Headings: ["Risks and Complications", "Risks", "What are the risks?"],
            SubHeadings: ["Common and rare risks associated with the procedure:", "Possible complications and their management:"],
            Cues: ["risk", "infection", "bleeding", "complication", "allergic reaction", "hematoma", "damage"],
            HeadingCues: ["risk", "complication", "side effect", "safe"]),
        new(SectionKind.Benefits, "Benefits",
            Headings: ["Benefits", "What are the benefits?"],
            SubHeadings: ["Expected benefits:", "How soon they might be realized:"],
            Cues: ["benefit", "relief", "improved", "restores", "accurate diagnosis", "alleviates", "reduced risk"],
            HeadingCues: ["benefit", "advantage"]),
        new(SectionKind.Recovery, "Recovery",
            Headings: ["Recovery", "What happens after?", "After the procedure"],
            SubHeadings: ["Post-procedure care and instructions:", "Expected recovery time and any restrictions or follow-up appointments:"],
            Cues: ["recovery", "follow-up", "resume", "wound care", "observation", "return to normal"],
            // 'results': no kind is about results; they come after the procedure, read at a follow-up visit.
            HeadingCues: ["after", "recover", "result", "at home", "follow-up"]),
        new(SectionKind.Alternatives, "Alternatives",
            Headings: ["Alternatives", "What are the alternatives?", "Other options"],
            SubHeadings: ["Other treatment options available:", "Pros and cons of alternatives compared to the described procedure:"],
            Cues: ["alternative", "pros:", "cons:", "therapy", "instead", "less invasive", "non-invasive"],
            HeadingCues: ["alternative", "other option", "instead"]),
        new(SectionKind.PatientExperience, "Patient Experience",
            Headings: ["Patient Experience", "What will I feel?", "What does it feel like?"],
            SubHeadings: ["What the patient might feel or experience during and after the procedure:", "Pain management and comfort measures:"],
            Cues: ["feel", "discomfort", "sensation", "soreness", "experience"],
            HeadingCues: ["feel", "hurt", "pain"]),
        new(SectionKind.Policies, "Medical Policies and Guidelines",
            Headings: ["Medical Policies and Guidelines", "Medical Policies"],
            HeadingPrefixes: ["Medical Policies and Guidelines for "],
            SubHeadings: ["Related policies from health plans"],
            Cues: ["policies from health plans", "medical policy", "coverage policy"],
            NeedsEvidence: true,
            HeadingCues: ["polic"]),
        new(SectionKind.SimilarCodes, "Similar Codes",
            Headings: ["Similar Codes", "Related Codes"],
            SubHeadings: [],
            Cues: [],
            NeedsEvidence: true),
    ];

    private static readonly Dictionary<SectionKind, SectionRule> ByKind = InCanonicalOrder.ToDictionary(r => r.Kind);

    // Lookups built once from the table above; a line is checked against every heading many times per page.
    private static readonly Dictionary<string, SectionKind> ByHeading = InCanonicalOrder
        .SelectMany(r => r.Headings.Select(h => (Heading: TextLines.WithoutTrailingColon(h), r.Kind)))
        .ToDictionary(p => p.Heading, p => p.Kind, StringComparer.OrdinalIgnoreCase);

    private static readonly (string Prefix, SectionKind Kind)[] ByHeadingPrefix = InCanonicalOrder
        .SelectMany(r => (r.HeadingPrefixes ?? []).Select(p => (p, r.Kind)))
        .ToArray();

    private static readonly Dictionary<string, SectionKind> BySubHeading = InCanonicalOrder
        .SelectMany(r => r.SubHeadings.Select(h => (h, r.Kind)))
        .ToDictionary(p => p.h, p => p.Kind, StringComparer.OrdinalIgnoreCase);

    public static SectionRule For(SectionKind kind) => ByKind[kind];

    /// <summary>The title the site shows for a kind ('Other' for sections of an unknown layout).</summary>
    public static string TitleOf(SectionKind kind) => kind == SectionKind.Other ? "Other" : ByKind[kind].Title;

    /// <summary>The kind a whole heading line opens, if it is one of the table's headings.</summary>
    public static SectionKind? MatchHeading(string line)
    {
        if (ByHeading.TryGetValue(TextLines.WithoutTrailingColon(line), out var kind)) return kind;
        foreach (var (prefix, prefixKind) in ByHeadingPrefix)
            if (line.Length > prefix.Length && line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                return prefixKind;
        return null;
    }

    /// <summary>The kind whose sub-heading this line is, if the table lists it.</summary>
    public static SectionKind? MatchSubHeading(string line) =>
        BySubHeading.TryGetValue(line.Trim(), out var kind) ? kind : null;
}
