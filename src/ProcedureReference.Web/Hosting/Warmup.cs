using Microsoft.EntityFrameworkCore;
using ProcedureReference.Search;
using ProcedureReference.Storage;
using ProcedureReference.Web.Pages.Codes;

namespace ProcedureReference.Web.Hosting;

/// <summary>
/// Builds the EF model, runs the code page query, and builds the search's in-memory tables once in the background
/// while the server starts: the first reader otherwise waits for them (about a second on this machine; more at
/// 100,000 pages), and a clinician's first page is often the one a search engine sent them to.
/// </summary>
public static partial class Warmup
{
    public static WebApplication WarmUp(this WebApplication app)
    {
        var services = app.Services;
        _ = Task.Run(async () =>
        {
            try
            {
                using var scope = services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<ReferenceDb>();
                var code = await db.Pages.AsNoTracking().OrderBy(p => p.Ordinal).Select(p => p.Code).FirstOrDefaultAsync();
                if (code is not null) await CodePageQuery.FindAsync(db, code);
                // The search's in-memory page table and the type-ahead index, built once before readers need them.
                var index = scope.ServiceProvider.GetRequiredService<ISearchIndex>();
                index.Search(new SearchQuery("procedure"));
                index.Suggest("pro");
                if (index is SqliteSearchIndex sqlite) await sqlite.PrepareVocabulary();
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or IOException)
            {
                LogWarmupFailed(services.GetRequiredService<ILoggerFactory>().CreateLogger("Startup"), e.Message);
            }
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up skipped: {Reason}")]
    private static partial void LogWarmupFailed(ILogger logger, string reason);
}
