namespace ProcedureReference.Similarity;

/// <summary>
/// Words that say nothing about which procedure a page is about. IDF already weighs down whatever every page
/// says; this small list covers English function words and the explainer template's own vocabulary, which
/// IDF misses in a small corpus (five pages are too few to learn that 'doctor' is noise).
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
    ];

    private static readonly HashSet<string> Stemmed = Build();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Stemmed.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether a stemmed term is a stop word.</summary>
    public static bool Contains(ReadOnlySpan<char> term) => Lookup.Contains(term);

    private static HashSet<string> Build()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        Span<char> buffer = stackalloc char[TermReader.BufferLength];
        foreach (var word in Words)
        {
            set.Add(word);
            set.Add(Stemmer.Stem(word, buffer).ToString());
        }
        return set;
    }
}
