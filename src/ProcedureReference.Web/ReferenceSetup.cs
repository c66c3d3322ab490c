using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.ResponseCompression;
using ProcedureReference.Publishing;
using ProcedureReference.Search;
using ProcedureReference.Sqlite;
using ProcedureReference.Web.Admin;
using ProcedureReference.Web.Api;
using ProcedureReference.Web.Cli;
using ProcedureReference.Web.Features.Handout;
using ProcedureReference.Web.Features.Health;
using ProcedureReference.Web.Hosting;

namespace ProcedureReference.Web;

/// <summary>The AddX/UseX steps Program.cs lists.</summary>
public static partial class ReferenceSetup
{
    public static WebApplicationBuilder AddProcedureReference(this WebApplicationBuilder builder)
    {
        ReferenceOptions.Register(builder.Services);
        StorageOptions.Register(builder.Services);
        SecurityOptions.Register(builder.Services);
        builder.Services.AddSingleton(services => CodeCategories.Load(Path.Combine(services.GetRequiredService<ReferenceOptions>().ContentPath, ContentFiles.CodeRanges)));
        builder.Services.AddSingleton(services => Synonyms.Load(Path.Combine(services.GetRequiredService<ReferenceOptions>().ContentPath, ContentFiles.Synonyms)));
        builder.Services.AddHealthChecks().AddCheck<LiveContentHealthCheck>(LiveContentHealthCheck.Name);
        builder.Services.AddSingleton<LiveContentRepairs>();
        builder.Services.AddRazorPages();
        builder.AddMemoryTrim();
        builder.Services.AddContentCache();
        // Strings in the API's JSON with HTML's special characters escaped (\u003C): what a reader typed is echoed,
        // and JSON that a careless client pastes into a page then stays text. Letters of every alphabet stay as they are.
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        builder.Services.AddOpenApi();
        builder.Services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
        });
        return builder;
    }

    public static WebApplication UseProcedureReference(this WebApplication app)
    {
        app.EnsureContent();
        app.RepairLiveContent();
        app.WarmUp();
        app.UseMemoryTrim();
        app.UseMetrics();
        app.UseRequestLogging();
        app.UseSecurityHeaders();
        app.UseErrorResponses();
        app.UseHttpsOutsideDevelopment();
        app.UseResponseCompression();
        app.UseStaticFiles();
        app.UseRateLimits();
        app.UseRequestLimits();
        app.UseAdmin();
        app.UseContentCache();
        app.MapRazorPages();
        app.MapSiteEndpoints();
        app.MapOpenApi().RequireRateLimiting(RateLimits.Pages);
        app.MapCodesApi();
        app.MapSearchApi();
        app.MapQrCodes();
        app.MapCompareApi();
        return app;
    }

    /// <summary>On first start, with no database yet, imports and publishes the configured content folder (version 1).</summary>
    public static void EnsureContent(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<ReferenceOptions>();
        var store = app.Services.GetRequiredService<IContentStore>();
        if (store.HasLiveContent) return;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Startup");
        var database = app.Services.GetRequiredService<StorageOptions>().Location(options.DatabasePath);
        LogFirstImport(logger, database, options.ContentPath);
        var (report, _) = store.ImportAndPublish(options.ImportOf(options.ContentPath), "first start", "content folder " + options.ContentPath);
        using var text = new StringWriter();
        ImportReportText.Write(report, database, text);
        LogImportReport(logger, text);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No live content in {Database}: importing {Content}")]
    private static partial void LogFirstImport(ILogger logger, string database, string content);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Report}")]
    private static partial void LogImportReport(ILogger logger, StringWriter report);
}
