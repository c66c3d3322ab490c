using ProcedureReference.Parsing;

namespace ProcedureReference.Similarity;

/// <summary>
/// Words that say nothing about which procedure a page is about. IDF already weighs down whatever every page
/// says; this list covers English function words and the explainer template's own vocabulary, which IDF misses
/// in a small corpus (five pages are too few to learn that 'doctor' or 'structures' is noise): the words the
/// template asks its questions in (the rule table's titles and sub-headings, 'The medical condition or problem
/// it addresses:') and the words every explainer answers with ('to diagnose', 'minimally invasive').
/// </summary>
internal static class StopWords
{
    private static readonly string[] Words =
    [
        // English function words.
        "a", "about", "above", "after", "again", "all", "also", "an", "and", "any", "are", "as", "at", "be", "because",
        "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "don",
        "down", "during", "each", "either", "etc", "eg", "ie", "for", "from", "further", "had", "has", "have", "having",
        "he", "her", "here", "him", "his", "how", "however", "if", "in", "into", "is", "it", "its", "itself", "just",
        "may", "might", "more", "most", "much", "must", "no", "nor", "not", "now", "of", "off", "on", "once", "one",
        "only", "or", "other", "others", "our", "out", "over", "own", "per", "same", "she", "should", "so", "some",
        "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through",
        "to", "too", "under", "until", "up", "upon", "very", "was", "we", "were", "what", "when", "where", "whether",
        "which", "while", "who", "whom", "why", "will", "with", "within", "without", "would", "you", "your",
        // The explainer template: every page is a procedure a doctor does to a patient, and may say so often.
        "procedure", "patient", "doctor", "physician", "healthcare", "provider", "person", "people", "body", "area",
        "help", "need", "needed", "used", "use", "using", "usually", "typically", "generally", "often", "commonly",
        "common", "rare", "rarely", "include", "including", "includes", "like", "based", "depending", "various",
        "certain", "specific", "several", "few", "many", "well", "make", "made", "take", "taken", "takes", "allow",
        "ensure", "provide", "provides", "perform", "performed", "undergo", "undergoing", "involve", "involves",
        "typical", "minute", "hour", "day", "week", "time", "approximately", "around", "least", "usual", "normal",
        "pre", "post", "prior", "following", "follow", "after", "during", "expected", "possible", "potential",
        "necessary", "required", "recommended", "advised", "instructed", "instruction", "according", "case",
        // What every explainer says about its procedure, whatever the procedure: it diagnoses or treats a
        // condition, is minimally invasive, looks at structures, improves outcomes. Two pages sharing these
        // share the template, not a procedure ('shares: structures, diagnose' was such a reason).
        "diagnose", "diagnosed", "diagnosing", "diagnosis", "diagnostic", "structure", "minimally", "invasive",
        "condition", "treat", "treated", "treating", "treatment", "assess", "assessment", "evaluate", "evaluation",
        "examine", "examination", "visualize", "visualization", "view", "outcome", "medical", "problem", "issue",
        "goal", "detect", "identify", "determine", "improve", "improved", "quality", "life", "technique",
        "method", "approach", "option", "effective", "successful", "overall", "health", "healthy", "professional",
        "specialist", "team", "facility", "setting", "equipment", "tool", "technology", "specialized",
        "precise", "accuracy", "accurate", "accurately", "detailed", "clear", "proper", "properly", "important", "significant",
        "potentially", "risk", "benefit", "complication", "discomfort", "relief", "reduce", "minimize",
        "monitor", "monitored", "monitoring", "signs", "resume", "activity", "activities", "daily",
    ];

    /// <summary>
    /// Words of the template's questions that still name something clinical, so two pages sharing them may
    /// share a procedure: these stay terms.
    /// </summary>
    public static readonly string[] ClinicalTemplateWords = ["anesthesia", "sedation", "pain", "tests", "test"];

    /// <summary>Every word of the rule table's section titles, headings and sub-headings, but the clinical ones.</summary>
    public static IEnumerable<string> TemplateQuestionWords() => SectionRules.InCanonicalOrder
        .SelectMany(r => r.SubHeadings.Concat(r.Headings).Append(r.Title))
        .SelectMany(WordsOf)
        .Where(w => !ClinicalTemplateWords.Contains(w, StringComparer.Ordinal))
        .Distinct(StringComparer.Ordinal);

    private static IEnumerable<string> WordsOf(string text) =>
        text.ToLowerInvariant().Split([' ', ',', ':', '?', '-', '/', '(', ')', '.'], StringSplitOptions.RemoveEmptyEntries);

    private static readonly HashSet<string> Stemmed = Build();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Stemmed.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether a stemmed term is a stop word.</summary>
    public static bool Contains(ReadOnlySpan<char> term) => Lookup.Contains(term);

    private static HashSet<string> Build()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        Span<char> buffer = stackalloc char[TermReader.BufferLength];
        foreach (var word in Words.Concat(TemplateQuestionWords()))
        {
            set.Add(word);
            set.Add(Stemmer.Stem(word, buffer).ToString());
        }
        return set;
    }
}
