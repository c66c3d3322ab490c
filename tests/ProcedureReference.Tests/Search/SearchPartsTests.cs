using ProcedureReference.Parsing;
using ProcedureReference.Search;
using ProcedureReference.Sqlite;

namespace ProcedureReference.Tests.Search;

/// <summary>The pieces a search is built from: words, the MATCH expression, synonyms, edit distance, snippet HTML.</summary>
public sealed class SearchPartsTests
{
    private static readonly Synonyms Groups = Synonyms.Parse(["# a comment", "blood clot, thrombus, clot # trailing", "x-ray, radiograph", "lonely", "DVT, deep vein thrombosis"]);

    [Fact]
    public void Words_are_letters_and_digits_in_lower_case_and_everything_else_is_dropped()
    {
        Assert.Equal(["x", "ray", "of", "the", "ŝpine", "j1100"], QueryTokens.OfQuery("\"X-Ray\" OF* the (Ŝpine) 🙂 J1100\u0000"));
        Assert.Equal(["cafe\u0301"], QueryTokens.OfQuery("Cafe\u0301!"));
        Assert.Equal(QueryTokens.MaxQueryTerms, QueryTokens.OfQuery(string.Concat(Enumerable.Repeat("w ", 100))).Count);
        Assert.Single(QueryTokens.OfQuery(new string('a', 10_000)), w => w.Length == QueryTokens.MaxQueryChars);
    }

    [Fact]
    public void Every_word_is_quoted_so_operators_and_column_filters_are_plain_words()
    {
        var plan = QueryPlan.Create("title: NEAR AND OR NOT risks", Synonyms.Empty);

        // 'and' and 'or' are stop words: dropped, and never operators.
        Assert.Equal("\"title\" AND \"near\" AND \"not\" AND \"risks\"", MatchExpression.For(plan.Units));
        Assert.Equal("{risks} : (\"title\" AND \"near\" AND \"not\" AND \"risks\")", MatchExpression.For(plan.Units, SectionKind.Risks));
        Assert.Equal("\"a\"\"b\"", MatchExpression.Phrase(["a\"b"]));
        Assert.Equal("\"and\" AND \"or\"*", MatchExpression.For(QueryPlan.Create("AND OR", Synonyms.Empty).Units));
    }

    [Fact]
    public void Stop_words_are_dropped_unless_the_query_is_nothing_else()
    {
        Assert.Equal("\"blood\" AND \"urine\"", MatchExpression.For(QueryPlan.Create("blood in the urine", Synonyms.Empty).Units));
        Assert.Equal("\"hurt\"", MatchExpression.For(QueryPlan.Create("will it hurt", Synonyms.Empty).Units));
        Assert.Equal("\"the\" AND \"in\"*", MatchExpression.For(QueryPlan.Create("the in", Synonyms.Empty).Units));
    }

    [Fact]
    public void A_last_word_of_up_to_three_letters_is_a_prefix_and_a_longer_one_only_when_asked()
    {
        Assert.Equal("\"knee\" AND \"re\"*", MatchExpression.For(QueryPlan.Create("knee re", Synonyms.Empty).Units));
        Assert.Equal("\"knee\" AND \"rep\"*", MatchExpression.For(QueryPlan.Create("knee rep", Synonyms.Empty).Units));
        var whole = QueryPlan.Create("thromb", Synonyms.Empty);
        Assert.Equal("\"thromb\"", MatchExpression.For(whole.Units));
        Assert.False(whole.HasLongPrefix);
        var prefix = QueryPlan.Create("thromb", Synonyms.Empty, longPrefix: true);
        Assert.Equal("\"thromb\"*", MatchExpression.For(prefix.Units));
        Assert.True(prefix.HasLongPrefix);
        Assert.Equal("\"k\"", MatchExpression.For(QueryPlan.Create("k", Synonyms.Empty, longPrefix: true).Units));
    }

    [Fact]
    public void A_page_of_results_is_the_same_slice_as_a_full_sort()
    {
        var random = new Random(7);
        var keys = Enumerable.Range(0, 5_000).ToDictionary(id => id,
            id => new ResultOrder.Key(random.Next(3) == 0 ? random.Next(5) : int.MaxValue, random.Next(4) == 0 ? double.MaxValue : Math.Round(random.NextDouble(), 2), id));
        var sorted = keys.Keys.OrderBy(id => keys[id]).ToList();
        foreach (var (skip, take) in new[] { (0, 20), (20, 20), (4_990, 20), (0, 1), (100, 100) })
            Assert.Equal(sorted.Skip(skip).Take(take), ResultOrder.Page(keys.Keys, id => keys[id], skip, take));
    }

    [Fact]
    public void Synonym_groups_become_or_groups_of_phrases_without_a_prefix()
    {
        var plan = QueryPlan.Create("Blood clot xray? x-ray dvt", Groups);

        Assert.Equal(
            "(\"blood clot\" OR \"clot\" OR \"thrombus\") AND \"xray\" AND (\"x ray\" OR \"radiograph\") AND (\"dvt\" OR \"deep vein thrombosis\")",
            MatchExpression.For(plan.Units));
        Assert.Equal(["clot", "thrombus", "radiograph", "deep vein thrombosis"], plan.ExpandedTerms);
    }

    [Fact]
    public void Synonyms_map_a_word_or_phrase_to_its_group_and_ignore_single_entries()
    {
        Assert.Equal(["blood clot", "clot", "thrombus"], Groups.GroupOf("Thrombus"));
        Assert.Equal(["radiograph", "x ray"], Groups.GroupOf("X-RAY"));
        Assert.Empty(Groups.GroupOf("lonely"));
        Assert.Empty(Groups.GroupOf("a comment"));
        Assert.Empty(Synonyms.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))).GroupOf("clot"));
        Assert.Contains("thrombus", SearchDatabase.RepositorySynonyms.GroupOf("blood clot"));
    }

    [Fact]
    public void Code_like_words_are_looked_up_as_codes_and_the_rest_as_text()
    {
        var plan = QueryPlan.Create("784 j11 venogram 2 hours", Synonyms.Empty);

        Assert.Equal(["784", "J11"], plan.CodeTerms);
        Assert.Equal(["venogram", "2", "hours"], plan.Units.Select(u => u.Words[0]));
        Assert.Equal(["K35.80", "K35"], QueryPlan.Create("k35.80", Synonyms.Empty).CodeTerms);
        Assert.Equal(["78458"], QueryPlan.Create("78458", Synonyms.Empty).Units.Select(u => u.Words[0]));
    }

    [Theory]
    [InlineData("thrombectmy", "thrombectomy", 1)]
    [InlineData("fluroscopy", "fluoroscopy", 1)]
    [InlineData("venorgam", "venogram", 1)]
    [InlineData("ab", "ba", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("same", "same", 0)]
    public void Edit_distance_counts_insertions_deletions_substitutions_and_swaps(string a, string b, int distance)
    {
        Assert.Equal(distance, EditDistance.Bounded(a, b, 5));
        Assert.Equal(Math.Min(distance, 2), EditDistance.Bounded(a, b, 1));
    }

    [Fact]
    public void Snippets_encode_text_and_keep_marks_balanced()
    {
        Assert.Equal("a <mark>b</mark> &lt;i&gt; &amp; · c", SnippetHtml.Render("a \u0001b\u0002 <i> &\n\nc"));
        Assert.Equal("<mark>x</mark>", SnippetHtml.Render("\u0001\u0001x\u0002\u0002"));
        Assert.Equal("<mark>open</mark>", SnippetHtml.Render("\u0001open"));
        Assert.Equal((2, 3), SnippetHtml.Matches("\u0001Clot\u0002 \u0001clot\u0002 \u0001thrombus\u0002"));
        Assert.Equal("one two…", SnippetHtml.Lead("one  two\nthree", words: 2));
    }
}
