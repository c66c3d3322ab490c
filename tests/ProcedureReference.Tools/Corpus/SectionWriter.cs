using ProcedureReference.Parsing;

namespace ProcedureReference.Corpus;

/// <summary>A part of a section: the sub-heading the site puts over it (written only in some pages) and its lines.</summary>
internal sealed record Part(string? SubHeading, IReadOnlyList<string> Lines, bool IsParagraph);

internal sealed record GeneratedSection(SectionKind Kind, IReadOnlyList<Part> Parts);

/// <summary>
/// Writes the body sections of a generated page, in the explainer's voice: each section from a few phrasings
/// chosen at random, with the cue words a reader (and the parser) expects of it.
/// </summary>
internal static class SectionWriter
{
    public static List<GeneratedSection> Write(Wording w)
    {
        var r = w.Random;
        return
        [
            new(SectionKind.Summary, [Paragraph(null, Summary(w))]),
            new(SectionKind.Purpose,
            [
                Paragraph(Sub(SectionKind.Purpose, 0), $"The procedure is performed to treat {w.Condition} affecting the {w.Site}{w.Side}."),
                Paragraph(Sub(SectionKind.Purpose, 1), $"The goal is to relieve {string.Join(" and ", w.Symptoms(2, 2))} and to keep the {w.Condition} from getting worse."),
            ]),
            new(SectionKind.Indications,
            [
                Bullets(Sub(SectionKind.Indications, 0), [.. w.Symptoms(2, 4).Select(s => $"Persistent {s}"), $"Suspected {w.Condition} of the {w.Site} on an imaging test"]),
                Bullets(Sub(SectionKind.Indications, 1), [$"Patients with {w.Condition} that has not improved with {r.Pick(w.Family.System.Alternatives)}"]),
            ]),
            new(SectionKind.Preparation,
            [
                Bullets(Sub(SectionKind.Preparation, 0),
                [
                    $"Fasting for {r.Next(4, 9)} hours before the procedure",
                    "Stopping blood thinners and some other medicines, as advised",
                    w.Open ? "Arranging a short hospital stay" : "Arranging for someone to drive you home",
                ]),
                Bullets(Sub(SectionKind.Preparation, 1), ["Blood tests", $"Imaging of the {w.Site} to plan the {w.Technique}"]),
            ]),
            new(SectionKind.Procedure,
            [
                Steps(Sub(SectionKind.Procedure, 0), ProcedureSteps(w)),
                Bullets(Sub(SectionKind.Procedure, 1), [w.Tool.Capitalized(), w.Variant.Guided == true ? "Ultrasound or fluoroscopy unit" : "Sterile surgical instruments", "Monitoring equipment"]),
                Paragraph(Sub(SectionKind.Procedure, 2), w.Open ? "General anesthesia, so you are asleep." : "Local anesthesia with light sedation."),
            ]),
            new(SectionKind.Duration, [Paragraph(null, $"The procedure typically takes about {w.Minutes()}.")]),
            new(SectionKind.Setting, [Paragraph(null, $"Performed in a hospital {r.Pick(Settings)}.")]),
            new(SectionKind.Personnel, [Bullets(null, Personnel(w))]),
            new(SectionKind.Risks,
            [
                Bullets(Sub(SectionKind.Risks, 0),
                [
                    $"Bleeding or bruising {(w.Open ? "at the incision" : "where the needle went in")}",
                    "Infection",
                    $"Injury to structures near the {w.Site}",
                    .. (w.Variant.Guided == true ? ImagingRisk : []),
                ]),
                Bullets(Sub(SectionKind.Risks, 1), [$"Return of the {w.Condition}, which may need another treatment", "Complications are treated promptly by the care team"]),
            ]),
            new(SectionKind.Benefits,
            [
                Bullets(Sub(SectionKind.Benefits, 0), [$"Relief of {w.Symptom()}", $"Improved function of the {w.Site}", $"Lower risk of the {w.Condition} getting worse"]),
                Paragraph(Sub(SectionKind.Benefits, 1), $"Most patients notice the benefit within {r.Next(2, 7)} weeks."),
            ]),
            new(SectionKind.Recovery,
            [
                Bullets(Sub(SectionKind.Recovery, 0), [w.Open ? "Keep the wound clean and dry until the stitches come out" : "Keep the dressing on for a day", "Take pain relievers as prescribed"]),
                Bullets(Sub(SectionKind.Recovery, 1),
                [
                    w.Open ? $"Recovery takes {r.Next(2, 7)} weeks" : "Most people resume normal activities within a few days",
                    $"A follow-up visit in {r.Next(2, 5)} weeks",
                ]),
            ]),
            new(SectionKind.Alternatives,
            [
                Bullets(Sub(SectionKind.Alternatives, 0), [.. r.Some(w.Family.System.Alternatives, 2, 3).Select(a => a.Capitalized()), $"A different procedure, such as {w.OtherTechnique()}"]),
                Bullets(Sub(SectionKind.Alternatives, 1), ["Pros: less invasive alternatives carry fewer immediate risks.", $"Cons: they may not treat the {w.Condition} as completely."]),
            ]),
            new(SectionKind.PatientExperience,
            [
                Bullets(Sub(SectionKind.PatientExperience, 0), [$"Pressure or mild discomfort at the {w.Site} during the procedure", $"Soreness for {r.Next(2, 8)} days afterwards"]),
                Bullets(Sub(SectionKind.PatientExperience, 1), ["Pain relievers and cold packs ease the soreness"]),
            ]),
        ];
    }

    private static readonly string[] ImagingRisk = ["A small dose of radiation from the imaging"];
    private static readonly string[] Settings = ["operating room", "procedure suite", "outpatient surgery center", "interventional suite"];

    private static readonly string[] Openings =
    [
        "{A} {technique} of the {site} is a procedure that {does} the {site}{side} {access}{guidance}.",
        "This procedure involves {a} {technique} that {does} the {site}{side}. It is done {access}{guidance}.",
        "{Technique} is a treatment for {condition} in which the {specialist} {does} the {site}{side}, {access}{guidance}.",
    ];

    private static string Summary(Wording w)
    {
        var text = w.Random.Pick(Openings)
            .Replace("{A}", Wording.Article(w.Technique).Capitalized(), StringComparison.Ordinal)
            .Replace("{a}", Wording.Article(w.Technique), StringComparison.Ordinal)
            .Replace("{Technique}", w.Technique.Capitalized(), StringComparison.Ordinal)
            .Replace("{technique}", w.Technique, StringComparison.Ordinal)
            .Replace("{site}", w.Site, StringComparison.Ordinal)
            .Replace("{side}", w.Side, StringComparison.Ordinal)
            .Replace("{does}", w.Does, StringComparison.Ordinal)
            .Replace("{access}", w.Access, StringComparison.Ordinal)
            .Replace("{guidance}", w.Guidance, StringComparison.Ordinal)
            .Replace("{condition}", w.Condition, StringComparison.Ordinal)
            .Replace("{specialist}", w.Specialist, StringComparison.Ordinal);
        return text + $" It is used for {w.Condition}." + w.SequenceSentence;
    }

    private static List<string> ProcedureSteps(Wording w)
    {
        var steps = new List<string>
        {
            w.Open ? "You are given general anesthesia." : "The skin is numbed and you are given light sedation.",
            $"The {w.Specialist} reaches the {w.Site} {w.Access}.",
        };
        if (w.Variant.Guided == true) steps.Add($"Imaging guidance is used to position the {w.Tool}.");
        if (w.Variant.Guided == false) steps.Add("The work is done under direct vision.");
        steps.Add($"The {w.Tool} {w.Does} the {w.Site}.");
        if (w.Variant.Laterality is not null)
            steps.Add(w.Variant.Bilateral ? "The same steps are repeated on the other side." : "Only the affected side is treated.");
        if (w.Variant.Repeat) steps.Add("The site of the earlier treatment is checked first.");
        steps.Add(w.Open ? "The incision is closed with stitches." : "The puncture is covered with a small dressing.");
        return steps;
    }

    private static List<string> Personnel(Wording w)
    {
        var staff = w.Random.Some(w.Family.System.Specialists, 1, 2).Select(s => s.Capitalized()).ToList();
        staff.Add(w.Open ? "Anesthesiologist" : "Sedation nurse");
        if (w.Variant.Guided == true) staff.Add("Radiologic technologist");
        staff.Add("Operating room nurse");
        return staff;
    }

    private static string? Sub(SectionKind kind, int index)
    {
        var subs = SectionRules.For(kind).SubHeadings;
        return index < subs.Length ? subs[index] : null;
    }

    private static Part Paragraph(string? subHeading, string text) => new(subHeading, [text], IsParagraph: true);

    private static Part Bullets(string? subHeading, IEnumerable<string> items) =>
        new(subHeading, items.Select(i => "  • " + i).ToList(), IsParagraph: false);

    private static Part Steps(string? subHeading, IEnumerable<string> steps) =>
        new(subHeading, steps.Select((s, i) => $"  {i + 1}. {s}").ToList(), IsParagraph: false);
}
