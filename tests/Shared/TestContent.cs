using ProcedureReference.Importing;
using ProcedureReference.Sqlite;

namespace ProcedureReference.Testing;

/// <summary>
/// Live content for a test, made the way users make it: through the real content store, which stages the import
/// and publishes it (there is no other way to publish). Linked into each test project that needs a live database.
/// </summary>
public static class TestContent
{
    /// <summary>Imports <paramref name="content"/> and publishes it as the live database at <paramref name="database"/>.</summary>
    /// <returns>The import's report; a publish that failed shows as its <see cref="ImportReport.FatalError"/>.</returns>
    public static ImportReport Publish(string content, string database) => Publish(new ImportOptions(content), database);

    public static ImportReport Publish(ImportOptions options, string database)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (report, published) = new SqliteContentStore(database).ImportAndPublish(options, "test", "folder " + options.ContentPath);
        return report.Succeeded && published is { Succeeded: false } ? report with { FatalError = published.Message } : report;
    }

    /// <summary>
    /// Content live at <paramref name="database"/> with no versions kept, as an install from before versions
    /// were kept has it: published through the store, then its versions forgotten.
    /// </summary>
    public static ImportReport PublishWithoutVersions(string content, string database)
    {
        var report = Publish(content, database);
        var versions = new SqliteContentStore(database).VersionsFolder;
        if (Directory.Exists(versions)) Directory.Delete(versions, recursive: true);
        return report;
    }
}
