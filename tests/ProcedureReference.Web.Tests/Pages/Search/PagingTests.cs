using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Pages.Search;

/// <summary>The seeds plus 25 generated venogram pages, so a search has more than one page of results.</summary>
public class ThirtyPagesApp : ReferenceApp
{
    public ThirtyPagesApp() : this(Engine.Sqlite) { }

    protected ThirtyPagesApp(Engine engine) : base(engine) { }

    protected override void AddContent(string contentFolder)
    {
        var seed = File.ReadAllText(Path.Combine(contentFolder, "000_36cba762d94ce8c5.txt"));
        for (var i = 0; i < 25; i++)
            File.WriteAllText(Path.Combine(contentFolder, $"{75800 + i}.txt"), seed.Replace("bilateral", $"variant {i}", StringComparison.Ordinal));
    }
}

/// <inheritdoc cref="ThirtyPagesApp"/>
public sealed class PostgresThirtyPagesApp() : ThirtyPagesApp(Engine.Postgres);

public abstract class PagingTests(ThirtyPagesApp app)
{
    [EngineFact]
    public async Task Results_page_through_without_repeating_a_code()
    {
        var first = await app.GetDocumentAsync("/search?q=venogram");
        var firstCodes = first.QuerySelectorAll(".hits .hit-code").Select(e => e.TextContent).ToList();
        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        var second = await app.GetDocumentAsync(next);
        var secondCodes = second.QuerySelectorAll(".hits .hit-code").Select(e => e.TextContent).ToList();

        Assert.Equal(20, firstCodes.Count);
        Assert.Equal(7, secondCodes.Count); // 25 generated venograms, the seed venogram, and 34421 through the synonym venography
        Assert.Empty(firstCodes.Intersect(secondCodes));
        Assert.Contains("page=2", next, StringComparison.Ordinal);
        Assert.NotNull(second.QuerySelector(".pager a[rel=prev]"));
    }
}

public sealed class SqlitePagingTests(ThirtyPagesApp app) : PagingTests(app), IClassFixture<ThirtyPagesApp>;

public sealed class PostgresPagingTests(PostgresThirtyPagesApp app) : PagingTests(app), IClassFixture<PostgresThirtyPagesApp>, IOnPostgres;
