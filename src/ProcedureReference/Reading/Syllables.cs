namespace ProcedureReference.Reading;

/// <summary>
/// Counts the syllables of an English word by its spelling, for the reading grade. No maintained syllable library
/// is served to this build, so this is the usual vowel-group rule with the corrections that matter for this site's
/// words (a silent final e or -es/-ed, vowel pairs spoken as two, -ism, -ing after a vowel) and a short table of
/// words the rules still get wrong. It is an estimate, as every Flesch-Kincaid counter's is; the spec table of
/// words it must count right is in ReadingGradeTests.
/// </summary>
public static class Syllables
{
    private const string Vowels = "aeiouy";

    // Words the rules below count wrong, by their dictionary count (CMU Pronouncing Dictionary).
    private static readonly Dictionary<string, int> Exceptions = new(StringComparer.Ordinal)
    {
        ["create"] = 2, ["created"] = 3, ["creates"] = 2, ["being"] = 2, ["science"] = 2, ["quiet"] = 2,
        ["fluid"] = 2, ["fluids"] = 2, ["people"] = 2, ["business"] = 2, ["someone"] = 2, ["sometimes"] = 2,
    };

    /// <summary>The syllables of <paramref name="word"/> (letters; a hyphen or apostrophe inside it is allowed); at least 1 for a word with a letter.</summary>
    public static int Count(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var total = 0;
        // A compound such as x-ray is read part by part.
        foreach (var part in word.Split('-', StringSplitOptions.RemoveEmptyEntries))
            total += CountPart(part);
        return total;
    }

    private static int CountPart(string part)
    {
        var w = new string(part.Where(char.IsAsciiLetter).Select(char.ToLowerInvariant).ToArray());
        if (w.Length == 0) return 0;
        if (Exceptions.TryGetValue(w, out var known)) return known;
        if (w.Length <= 3) return 1;

        var count = 0;
        for (var i = 0; i < w.Length; i++)
        {
            // A leading y is a consonant (yes, young); a vowel that follows a vowel joins its group.
            if (IsVowel(w, i) && (i == 0 || !IsVowel(w, i - 1))) count++;
        }
        count += SplitPairs(w);
        if (EndsWithSilentE(w)) count--;
        if (w.EndsWith("ism", StringComparison.Ordinal)) count++;            // embolism: -ism is two
        if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 4 && IsVowel(w, w.Length - 4)) count++; // doing, seeing
        if (w.EndsWith("ea", StringComparison.Ordinal)) count++;             // area, idea, cornea
        return Math.Max(1, count);
    }

    private static bool IsVowel(string w, int i) => Vowels.Contains(w[i], StringComparison.Ordinal) && !(i == 0 && w[i] == 'y');

    /// <summary>Vowel pairs spoken as two syllables (radiology, diagnosis, sodium, video, usually, various), except where a consonant before them merges them (-tion, -cial, -geon, -cious, qu-, gu-).</summary>
    private static int SplitPairs(string w)
    {
        var extra = 0;
        for (var i = 1; i < w.Length - 1; i++)
        {
            var pair = w.AsSpan(i, 2);
            var before = w[i - 1];
            var split = pair switch
            {
                "ia" or "io" => before is not ('c' or 't' or 's' or 'g' or 'x'),
                "iu" => true,
                "eo" => before is not ('g' or 'c'),
                "ua" or "uo" => before is not ('q' or 'g'),
                _ => false,
            };
            if (split && !IsVowel(w, i - 1)) extra++;
        }
        return extra;
    }

    /// <summary>A final e after a consonant is silent (time, procedure), as is the e of -es and -ed after most consonants (makes, removed), but not -le after a consonant (table) nor -es after a hissing sound (cases, images) nor -ed after t or d (needed).</summary>
    private static bool EndsWithSilentE(string w)
    {
        var n = w.Length;
        if (w[n - 1] == 'e')
            return !IsVowel(w, n - 2) && !(w[n - 2] == 'l' && !IsVowel(w, n - 3));
        if (n > 3 && w[n - 2] == 'e' && w[n - 1] == 'd')
            return !IsVowel(w, n - 3) && w[n - 3] is not ('t' or 'd');
        if (n > 3 && w[n - 2] == 'e' && w[n - 1] == 's')
        {
            var c = w[n - 3];
            if (IsVowel(w, n - 3) || c is 's' or 'x' or 'z' or 'c' or 'g') return false;
            if (c == 'h' && w[n - 4] is 'c' or 's') return false;  // reaches, washes
            if (c == 'l' && !IsVowel(w, n - 4)) return false;       // tables
            return true;
        }
        return false;
    }
}
