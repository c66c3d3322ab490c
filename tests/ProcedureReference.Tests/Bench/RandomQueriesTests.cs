using ProcedureReference.Benchmarks;
using ProcedureReference.Corpus;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Bench;

/// <summary>The harness's random queries (tests/ProcedureReference.Benchmarks/RandomQueries.cs, linked here):
/// the same for a seed, every kind present, distinct, typos one edit from a word, partial last words cut short.</summary>
public sealed class RandomQueriesTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _corpus;

    public RandomQueriesTests()
    {
        _corpus = _temp.Combine("corpus");
        CorpusGenerator.Generate(_corpus, 300, 2026);
        File.Copy(Path.Combine(SeedContent.Folder, "synonyms.csv"), Path.Combine(_corpus, "synonyms.csv"));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_seed_draws_the_same_queries_and_another_seed_other_ones()
    {
        var first = RandomQueries.Draw(_corpus, 400, 7);
        Assert.Equal(first, RandomQueries.Draw(_corpus, 400, 7));
        Assert.NotEqual(first, RandomQueries.Draw(_corpus, 400, 8));
    }

    [Fact]
    public void A_draw_has_every_kind_in_its_share_and_no_text_twice()
    {
        var queries = RandomQueries.Draw(_corpus, 400, 7);

        Assert.Equal(400, queries.Count);
        Assert.Equal(queries.Count, queries.Select(q => q.Text).Distinct(StringComparer.Ordinal).Count());
        foreach (var (kind, share) in RandomQueries.Kinds)
            Assert.InRange(queries.Count(q => q.Kind == kind), (int)(400 * share) - 1, (int)(400 * share) + 1);
    }

    [Fact]
    public void Each_kind_has_its_shape()
    {
        var queries = RandomQueries.Draw(_corpus, 400, 7);
        var codes = File.ReadLines(Path.Combine(_corpus, "codes.csv")).Skip(1).Select(line => line.Split(',')[1]).ToList();

        foreach (var (kind, text) in queries)
        {
            var words = text.Split(' ');
            switch (kind)
            {
                case "word" or "typo": Assert.Single(words); break;
                case "pair": Assert.Equal(2, words.Length); break;
                case "partial": Assert.Equal(2, words.Length); Assert.InRange(words[1].Length, 2, 5); break;
                case "code":
                    Assert.InRange(text.Length, 2, 4);
                    Assert.True(text.All(char.IsAsciiDigit), text);
                    Assert.Contains(codes, code => code.StartsWith(text, StringComparison.Ordinal));
                    break;
            }
        }
    }

    [Fact]
    public void A_typo_is_one_insertion_deletion_substitution_or_transposition_away()
    {
        var random = new Random(1);
        foreach (var word in new[] { "catheter", "biopsy", "anesthesia", "swelling", "aa" })
        {
            for (var i = 0; i < 200; i++)
            {
                var typo = RandomQueries.Typo(random, word);
                Assert.NotEqual(word, typo);
                Assert.Equal(1, OptimalStringAlignment(word, typo));
            }
        }
    }

    [Fact]
    public void Prefixes_are_distinct_starts_of_the_queries_at_least_two_letters_long()
    {
        var queries = RandomQueries.Draw(_corpus, 400, 7);
        var prefixes = RandomQueries.Prefixes(queries, 7);

        Assert.Equal(prefixes.Count, prefixes.Select(p => p.Text).Distinct(StringComparer.Ordinal).Count());
        Assert.All(prefixes, p => Assert.True(p.Text.Length >= 2 && queries.Any(q => q.Text.StartsWith(p.Text, StringComparison.Ordinal)), p.Text));
    }

    /// <summary>Edit distance where swapping two neighbours is one edit.</summary>
    private static int OptimalStringAlignment(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
