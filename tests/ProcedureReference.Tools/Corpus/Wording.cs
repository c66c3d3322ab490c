namespace ProcedureReference.Corpus;

/// <summary>
/// The phrases a family member's variant puts into its page: siblings say the same things about the
/// technique, site and condition, and differ where their variant does (one side or both, how the site is
/// reached, whether imaging guides the work, first or repeat treatment).
/// </summary>
internal sealed class Wording(ProcedureFamily family, Variant variant, Random random)
{
    public ProcedureFamily Family { get; } = family;
    public Variant Variant { get; } = variant;
    public Random Random { get; } = random;

    public string Site => Family.Site;
    public string Technique => Family.Technique.Name.ToLowerInvariant();
    public string Does => Family.Technique.Does;
    public string Tool => Family.Technique.Tool;
    public string Condition => Family.Condition;
    public string Specialist => Family.System.Specialists[0];

    /// <summary>'a' or 'an' before a word.</summary>
    public static string Article(string word) => word.Length > 0 && "aeiou".Contains(char.ToLowerInvariant(word[0])) ? "an" : "a";

    /// <summary>Open surgery; a family that does not vary the approach is open or not by its technique, the same for every sibling.</summary>
    public bool Open => Variant.Approach is null ? Family.Technique.Name.Length % 2 == 0 : Variant.Approach == "open";

    /// <summary>How the site is reached.</summary>
    public string Access => Variant.Approach switch
    {
        "open" => $"through an open incision over the {Site}",
        "percutaneous" => "through a needle puncture in the skin",
        { } scope => $"with {Article(scope)} {scope} technique, using a thin camera and small instruments",
        null => Open ? "through a small incision" : "through a small opening in the skin",
    };

    public string Side => Variant.Laterality switch
    {
        "bilateral" => " on both sides",
        "unilateral" => " on one side",
        _ => "",
    };

    public string Guidance => Variant.Guided switch
    {
        true => ", with live imaging guidance (ultrasound or fluoroscopy) to steer the instruments",
        false => ", under direct vision and without imaging guidance",
        null => "",
    };

    public string SequenceSentence => Variant.Sequence switch
    {
        "repeat" => $" This is a repeat treatment, done when an earlier session did not fully treat the {Condition}.",
        "initial" => " This code covers the first treatment of the area.",
        _ => "",
    };

    public string Symptom() => Random.Pick(Family.System.Symptoms);

    public List<string> Symptoms(int min, int max) => Random.Some(Family.System.Symptoms, min, max);

    /// <summary>Another technique of the same system, as an explainer names it among the alternatives.</summary>
    public string OtherTechnique()
    {
        var others = Family.System.Techniques.Where(t => t != Family.Technique).ToList();
        return Random.Pick(others).Name.ToLowerInvariant();
    }

    public string Minutes()
    {
        var low = 15 * Random.Next(2, 7) + (Variant.Bilateral ? 30 : 0);
        return $"{low} to {low + 15 * Random.Next(2, 5)} minutes";
    }
}
