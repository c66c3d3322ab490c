using System.Globalization;
using System.Text.RegularExpressions;

namespace ProcedureReference.Benchmarks;

/// <summary>
/// Search queries drawn afresh from a generated corpus, seeded, so that a latency figure is one a reader would meet
/// (the fixed list in tests/bench/queries.tsv was written against the engine and flatters it). Kinds: a word and an
/// adjacent word pair from a random page's text, a word plus the first 2–5 letters of the next one (what a reader
/// has typed so far), a word with one typo (a letter inserted, deleted, substituted or two transposed), the first 2–4
/// digits of a real code, and a lay phrase from the corpus's synonyms.csv (alone, or with a word from a page). The
/// texts of one draw are distinct, so that each can be asked once of a site that caches answers.
/// </summary>
public static partial class RandomQueries
{
    /// <summary>The kinds, with their share of a draw.</summary>
    public static readonly IReadOnlyList<(string Kind, double Share)> Kinds =
    [
        ("word", 0.175), ("pair", 0.175), ("partial", 0.2), ("typo", 0.2), ("code", 0.125), ("lay", 0.125),
    ];

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "has", "have", "how", "i",
        "if", "in", "into", "is", "it", "its", "may", "me", "my", "not", "of", "on", "or", "some", "that", "the", "this",
        "to", "was", "what", "when", "which", "will", "with", "you", "your",
    };

    /// <summary><paramref name="count"/> distinct queries (kind, text) from <paramref name="corpus"/>, the same for the same seed.</summary>
    public static List<(string Kind, string Text)> Draw(string corpus, int count, int seed)
    {
        var pages = File.ReadLines(Path.Combine(corpus, "codes.csv")).Skip(1)
            .Select(line => line.Split(',', 3)).Where(f => f.Length >= 2).Select(f => (File: f[0], Code: f[1])).ToArray();
        if (pages.Length == 0) throw new InvalidDataException($"no pages listed in {corpus}/codes.csv");
        var lay = LayPhrases(Path.Combine(corpus, "synonyms.csv"));
        var random = new Random(seed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queries = new List<(string Kind, string Text)>(count);
        var remaining = count;
        for (var k = 0; k < Kinds.Count; k++)
        {
            var (kind, share) = Kinds[k];
            var n = k == Kinds.Count - 1 ? remaining : (int)Math.Round(count * share);
            n = Math.Min(n, remaining);
            remaining -= n;
            for (var i = 0; i < n; i++)
            {
                // A few tries for a text not drawn yet (two-digit code prefixes and lay phrases alone run out first).
                for (var attempt = 0; attempt < 50; attempt++)
                {
                    var text = kind switch
                    {
                        "code" => CodePrefix(random, pages),
                        "lay" => Lay(random, lay, corpus, pages),
                        _ => FromPage(random, kind, PageLines(corpus, pages[random.Next(pages.Length)].File)),
                    };
                    if (text is not null && seen.Add(text)) { queries.Add((kind, text)); break; }
                }
            }
        }
        // Kinds interleaved, as readers arrive: a seeded shuffle.
        for (var i = queries.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (queries[i], queries[j]) = (queries[j], queries[i]);
        }
        return queries;
    }

    /// <summary>One prefix of each query as typed so far (2 letters to the whole text), distinct, for suggest.</summary>
    public static List<(string Kind, string Text)> Prefixes(IEnumerable<(string Kind, string Text)> queries, int seed)
    {
        var random = new Random(seed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var prefixes = new List<(string, string)>();
        foreach (var (kind, text) in queries)
        {
            if (text.Length < 2) continue;
            var prefix = text[..random.Next(2, text.Length + 1)].TrimEnd();
            if (prefix.Length >= 2 && seen.Add(prefix)) prefixes.Add((kind, prefix));
        }
        return prefixes;
    }

    /// <summary>Reads a kind&lt;TAB&gt;query list (tests/bench/queries.tsv's format; '#' starts a comment line).</summary>
    public static List<(string Kind, string Text)> ReadTsv(string file) =>
        [.. File.ReadLines(file).Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t', 2)).Where(parts => parts.Length == 2).Select(parts => (parts[0], parts[1]))];

    public static void WriteTsv(TextWriter output, IEnumerable<(string Kind, string Text)> queries, string comment)
    {
        output.WriteLine("# " + comment);
        foreach (var (kind, text) in queries) output.WriteLine($"{kind}\t{text}");
    }

    /// <summary>One typo: a letter inserted, deleted or substituted, or two neighbours transposed; never the word itself.</summary>
    public static string Typo(Random random, string word)
    {
        while (true)
        {
            var i = random.Next(word.Length);
            var letter = (char)('a' + random.Next(26));
            var typo = random.Next(4) switch
            {
                0 => word.Insert(i, letter.ToString()),
                1 => word.Remove(i, 1),
                2 => string.Concat(word.AsSpan(0, i), letter.ToString(), word.AsSpan(i + 1)),
                _ when i + 1 < word.Length => string.Concat(word.AsSpan(0, i), [word[i + 1], word[i]], word.AsSpan(i + 2)),
                _ => word,
            };
            if (!string.Equals(typo, word, StringComparison.Ordinal)) return typo;
        }
    }

    private static string? FromPage(Random random, string kind, List<string[]> lines)
    {
        switch (kind)
        {
            case "word":
                return Pick(random, lines.SelectMany(w => w).ToList());
            case "pair":
            case "partial":
                var pairs = lines.SelectMany(w => w.Zip(w.Skip(1))).ToList();
                if (pairs.Count == 0) return null;
                var (first, second) = pairs[random.Next(pairs.Count)];
                if (kind == "pair") return $"{first} {second}";
                if (second.Length < 3) return null;
                return $"{first} {second[..random.Next(2, Math.Min(5, second.Length - 1) + 1)]}";
            default: // typo
                var words = lines.SelectMany(w => w).ToList();
                var word = Pick(random, words.Where(w => w.Length >= 5).ToList());
                if (word is null) return null;
                var typo = Typo(random, word);
                return words.Contains(typo, StringComparer.Ordinal) ? null : typo; // a typo that is a word of the page is no typo
        }
    }

    private static string? CodePrefix(Random random, (string File, string Code)[] pages)
    {
        var code = pages[random.Next(pages.Length)].Code;
        var digits = random.Next(2, 5);
        return code.Length > digits && code.AsSpan(0, digits).ContainsAnyExceptInRange('0', '9') == false ? code[..digits] : null;
    }

    private static string? Lay(Random random, List<string> lay, string corpus, (string File, string Code)[] pages)
    {
        var phrase = Pick(random, lay);
        if (phrase is null || random.Next(2) == 0) return phrase;
        var word = Pick(random, PageLines(corpus, pages[random.Next(pages.Length)].File).SelectMany(w => w).ToList());
        return word is null ? phrase : $"{phrase} {word}";
    }

    private static string? Pick(Random random, List<string> items) => items.Count == 0 ? null : items[random.Next(items.Count)];

    /// <summary>A page's text as lines of words (lower case, 3 letters or more, no stop words; runs of kept words
    /// split at a dropped one), leaving out the site's boilerplate line and headings (lines ending in ':').</summary>
    private static List<string[]> PageLines(string corpus, string file)
    {
        var result = new List<string[]>();
        foreach (var line in File.ReadLines(Path.Combine(corpus, file)).Skip(1))
        {
            if (line.TrimEnd().EndsWith(':')) continue;
            var run = new List<string>();
            foreach (Match m in Word().Matches(line))
            {
                var word = m.Value.ToLowerInvariant();
                if (word.Length >= 3 && !StopWords.Contains(word)) { run.Add(word); continue; }
                if (run.Count > 0) result.Add([.. run]);
                run.Clear();
            }
            if (run.Count > 0) result.Add([.. run]);
        }
        return result;
    }

    private static List<string> LayPhrases(string file) =>
        !File.Exists(file) ? [] :
        [.. File.ReadLines(file).Where(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith('#'))
            .SelectMany(line => line.Split(',')).Select(entry => entry.Trim().ToLower(CultureInfo.InvariantCulture))
            .Where(entry => entry.Length > 0).Distinct()];

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex Word();
}
