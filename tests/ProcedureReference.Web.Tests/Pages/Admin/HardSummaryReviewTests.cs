using System.Globalization;
using AngleSharp;
using Microsoft.Extensions.DependencyInjection;
using ProcedureReference.Importing;
using ProcedureReference.Publishing;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Pages.Admin;

/// <summary>
/// The review of a staged import lists the pages whose summary reads above grade 8, hardest first, on each engine
/// (the list travels in the import's report, which each engine stores its own way). Each test discards what it
/// staged, since the tests of a class share one app.
/// </summary>
public abstract class HardSummaryReviewTests(AdminApp app) : IDisposable
{
    private const string PlainCode = "37188";
    private const string PlainFile = "004_b058e552b792f92e.txt";
    private const string OriginalSummaryStart = "Percutaneous transluminal mechanical thrombectomy is";
    private const string PlainSummary = "A doctor takes a blood clot out of a vein. A thin tube goes in through a small cut. You may need it again the next day.";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pr-hard-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private IContentStore Store => app.Services.GetRequiredService<IContentStore>();

    /// <summary>The app's content with 37188's summary rewritten in plain words.</summary>
    private string ContentWithOnePlainSummary()
    {
        Directory.CreateDirectory(_folder);
        foreach (var file in Directory.EnumerateFiles(app.ContentPath)) File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        var page = Path.Combine(_folder, PlainFile);
        var lines = File.ReadAllLines(page);
        var summary = Array.FindIndex(lines, l => l.StartsWith(OriginalSummaryStart, StringComparison.Ordinal));
        Assert.True(summary > 0, "the summary line was not found");
        lines[summary] = PlainSummary;
        File.WriteAllLines(page, lines);
        return _folder;
    }

    [EngineFact]
    public async Task The_review_lists_the_pages_whose_summary_reads_above_grade_8_hardest_first()
    {
        var (staged, report) = Store.Stage(new ImportOptions(ContentWithOnePlainSummary()), AdminApp.Name, "test folder");
        Assert.True(staged is not null, report.FatalError);
        try
        {
            using var session = await app.SignInAsync();
            var html = await session.Client.GetStringAsync($"/admin/imports/{staged.Id}");
            var review = await BrowsingContext.New(Configuration.Default).OpenAsync(req => req.Content(html));

            var block = review.QuerySelector("[data-hard-summaries]");
            Assert.NotNull(block);
            Assert.Equal("Summaries above grade 8", block.QuerySelector("h2")!.TextContent.Trim());
            var items = block.QuerySelectorAll("li").ToList();
            var codes = items.Select(li => li.QuerySelector(".hit-code")!.TextContent).ToList();
            Assert.Equal(["34421", "72275", "76496", "78458"], codes.Order(StringComparer.Ordinal));
            Assert.DoesNotContain(PlainCode, codes);
            var grades = items.Select(li => double.Parse(li.QuerySelector(".muted")!.TextContent.Replace(": grade", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture)).ToList();
            Assert.All(grades, g => Assert.True(g > 8, $"grade {g} listed"));
            Assert.Equal(grades.OrderDescending(), grades);
            Assert.Contains("4 of 5 pages have a summary", block.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            Assert.True(Store.Discard(staged.Id).Succeeded);
        }
    }
}

public sealed class SqliteHardSummaryReviewTests(AdminApp app) : HardSummaryReviewTests(app), IClassFixture<AdminApp>;

public sealed class PostgresHardSummaryReviewTests(PostgresAdminApp app) : HardSummaryReviewTests(app), IClassFixture<PostgresAdminApp>, IOnPostgres;
