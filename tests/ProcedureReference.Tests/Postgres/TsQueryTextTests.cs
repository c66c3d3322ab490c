using Npgsql;
using ProcedureReference.Postgres;
using ProcedureReference.Search;
using ProcedureReference.Tests.Postgres.Support;
using ProcedureReference.Testing;

namespace ProcedureReference.Tests.Postgres;

/// <summary>
/// The tsquery text written for a query plan: quoted lexemes and our own operators only. The query's words are
/// letters and digits already; the quoting holds even for text that is not, as the server shows.
/// </summary>
public sealed class TsQueryTextTests(PostgresSearchDatabase db) : IClassFixture<PostgresSearchDatabase>
{
    [Fact]
    public void Units_are_anded_synonyms_ored_phrases_adjacent_and_the_last_word_a_prefix()
    {
        var synonyms = Synonyms.Parse(["blood clot, thrombus"]);

        Assert.Equal("(('blood' <-> 'clot') | 'thrombus') & 'leg':*", TsQueryText.For(QueryPlan.Create("blood clot leg", synonyms).Units));
        Assert.Equal("'venous' & 'thr':*", TsQueryText.For(QueryPlan.Create("venous thr", Synonyms.Empty).Units));
        Assert.Equal("'venous':AB & 'thr':*AB", TsQueryText.InDescriptorOrNames(QueryPlan.Create("venous thr", Synonyms.Empty).Units));
    }

    [Fact]
    public void A_quote_or_backslash_inside_a_lexeme_is_escaped()
    {
        Assert.Equal(@"'it''s'", TsQueryText.Lexeme("it's"));
        Assert.Equal(@"'a\\'':*'", TsQueryText.Lexeme(@"a\':*"));
    }

    [PostgresTheory]
    [InlineData("it's")]
    [InlineData(@"a\':* & !b | <-> c")]
    [InlineData("'); DROP TABLE pages; --")]
    [InlineData(@"\")]
    [InlineData("''''")]
    public void The_server_reads_any_quoted_text_as_one_lexeme_group_without_operators_of_its_own(string text)
    {
        using var connection = db.Source.OpenConnection();
        using var command = new NpgsqlCommand("SELECT to_tsquery('procref', $1)::text", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = TsQueryText.Lexeme(text) });

        var parsed = (string)command.ExecuteScalar()!;

        Assert.DoesNotContain('|', parsed);
        Assert.DoesNotContain('!', parsed);
        Assert.DoesNotContain(":*", parsed, StringComparison.Ordinal);
    }
}
