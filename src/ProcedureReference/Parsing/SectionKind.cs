namespace ProcedureReference.Parsing;

/// <summary>The kinds of section a procedure page has, in canonical page order.</summary>
public enum SectionKind
{
    Summary,
    Purpose,
    Indications,
    Preparation,
    Procedure,
    Duration,
    Setting,
    Personnel,
    Risks,
    Benefits,
    Recovery,
    Alternatives,
    PatientExperience,
    Policies,
    SimilarCodes,
    Other,
}

public static class SectionKindNames
{
    private static readonly Dictionary<SectionKind, string> Names = new()
    {
        [SectionKind.Summary] = "summary",
        [SectionKind.Purpose] = "purpose",
        [SectionKind.Indications] = "indications",
        [SectionKind.Preparation] = "preparation",
        [SectionKind.Procedure] = "procedure",
        [SectionKind.Duration] = "duration",
        [SectionKind.Setting] = "setting",
        [SectionKind.Personnel] = "personnel",
        [SectionKind.Risks] = "risks",
        [SectionKind.Benefits] = "benefits",
        [SectionKind.Recovery] = "recovery",
        [SectionKind.Alternatives] = "alternatives",
        [SectionKind.PatientExperience] = "patient_experience",
        [SectionKind.Policies] = "policies",
        [SectionKind.SimilarCodes] = "similar_codes",
        [SectionKind.Other] = "other",
    };

    private static readonly Dictionary<string, SectionKind> ByName =
        Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The name used wherever a kind is written out: JSON, the database, URL anchors.</summary>
    public static string ToName(this SectionKind kind) => Names[kind];

    public static bool TryParse(string name, out SectionKind kind) => ByName.TryGetValue(name, out kind);
}
