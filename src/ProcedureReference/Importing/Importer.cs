using System.Diagnostics;
using Microsoft.Data.Sqlite;
using ProcedureReference.Parsing;
using ProcedureReference.Similarity;
using ProcedureReference.Storage;

namespace ProcedureReference.Importing;

/// <summary>
/// Imports a folder of page files into a new database file, then publishes it over the live one in one
/// atomic rename (or leaves it where <see cref="ImportOptions.StagePath"/> says, for review). Until that rename the live database is untouched, so a failure or a crash at any point
/// leaves the previous content whole and served. Bad files are reported by name and reason; the rest imports.
/// </summary>
public static class Importer
{
    public const string PageFilePattern = "*.txt";
    private const string BuildingSuffix = ".building-";

    /// <summary>The suffix of a copy being made to replace the live database (see <see cref="Publishing.ContentStore"/>).</summary>
    public const string PublishingSuffix = ".publishing-";

    public static ImportReport Run(ImportOptions options, IProgress<ImportProgress>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var content = Path.GetFullPath(options.ContentPath);
        var database = Path.GetFullPath(options.DatabasePath);
        if (!Directory.Exists(content))
            return ImportReport.Failed(content, $"content folder {content} does not exist", clock.Elapsed);

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ImportReport.Failed(content, $"cannot create the database folder: {e.Message}", clock.Elapsed);
        }

        ImportLock? importLock;
        try
        {
            importLock = ImportLock.TryAcquire(database);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ImportReport.Failed(content, $"cannot lock {ImportLock.PathFor(database)} to import: {WriteFailure.Reason(e)}; the live content was left as it was", clock.Elapsed);
        }
        if (importLock is null)
            return ImportReport.Failed(content, "another import into this database is running; try again when it has finished", clock.Elapsed);
        using var held = importLock;
        RemoveLeftovers(database);

        var manifest = Manifest.Load(content);
        var files = Directory.EnumerateFiles(content, PageFilePattern).Order(StringComparer.Ordinal).ToList();
        var warnings = new List<string>(manifest.Warnings);
        var present = files.Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        warnings.AddRange(manifest.Files.Where(f => !present.Contains(f)).Select(f => $"{Manifest.FileName} names {f}, which is not in the folder"));

        var building = $"{database}{BuildingSuffix}{Guid.NewGuid():N}";
        var writing = building;
        try
        {
            var similarity = new SimilarityIndexBuilder(new SimilarityOptions { Count = options.SimilarCount }, Search.CodeCategories.ForImport(content, warnings));
            var (results, hashes) = Build(files, manifest, building, options.MaxFileBytes, similarity, progress);
            if (hashes.Count == 0)
            {
                SqliteFiles.Delete(building);
                return ImportReport.Failed(content, "no usable page was found; the live content was left as it was", clock.Elapsed, results, warnings);
            }

            var live = ReadLiveHashes(database, warnings);
            SqliteFiles.Release(building);
            var target = options.StagePath is null ? database : Path.GetFullPath(options.StagePath);
            writing = target;
            File.Move(building, target, overwrite: true);
            SqliteFiles.Release(target);
            FaultPoint.Reached(FaultPoint.ImportBuilt);

            var codes = hashes.Keys.Order(StringComparer.Ordinal).ToList();
            return new ImportReport(content, results, warnings,
                Added: codes.Where(c => !live.ContainsKey(c)).ToList(),
                Changed: codes.Where(c => live.TryGetValue(c, out var h) && h != hashes[c]).ToList(),
                Unchanged: codes.Where(c => live.TryGetValue(c, out var h) && h == hashes[c]).ToList(),
                Removed: live.Keys.Where(c => !hashes.ContainsKey(c)).Order(StringComparer.Ordinal).ToList(),
                clock.Elapsed, FatalError: null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            TryDelete(building);
            return ImportReport.Failed(content, $"could not write {writing}: {WriteFailure.Reason(e)}; the live content was left as it was", clock.Elapsed, warnings: warnings);
        }
        catch
        {
            TryDelete(building);
            throw;
        }
    }

    private static (List<FileResult> Results, Dictionary<string, string> Hashes) Build(
        List<string> files, Manifest manifest, string building, long maxBytes, SimilarityIndexBuilder similarity,
        IProgress<ImportProgress>? progress)
    {
        var results = new List<FileResult>(files.Count);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var fileOfCode = new Dictionary<string, string>(StringComparer.Ordinal);
        using var pipeline = new PagePipeline(files, path => PreparedPage.Of(ParseFile(path, manifest, maxBytes)));
        using var writer = new ContentWriter(building);

        foreach (var prepared in pipeline.Pages())
        {
            var page = prepared.Page;
            var errors = page.Errors.ToList();
            if (page.IsUsable && fileOfCode.TryGetValue(page.Code!, out var first))
                errors.Add($"code {page.Code} is already imported from {first}; this file skipped");
            if (page.IsUsable && errors.Count == 0)
            {
                var hash = prepared.Hash!;
                var id = writer.Add(page, prepared.Rows!, hash);
                similarity.Add(prepared.Similarity! with { Id = id });
                hashes[page.Code!] = hash;
                fileOfCode[page.Code!] = page.File;
            }
            results.Add(new FileResult(page.File, page.Code, page.Warnings, errors));
            if (results.Count == 1) FaultPoint.Reached(FaultPoint.ImportPages);
            if (results.Count % 500 == 0 || results.Count == files.Count) progress?.Report(new(results.Count, files.Count));
        }

        // Similar codes need every page's terms, so they are computed once all pages are in, in the same transaction.
        var firstBlock = true;
        foreach (var similar in similarity.Build())
        {
            writer.AddSimilarCodes(similar);
            if (firstBlock) FaultPoint.Reached(FaultPoint.ImportSimilarCodes);
            firstBlock = false;
        }
        FaultPoint.Reached(FaultPoint.ImportCommit);
        writer.Complete(new Dictionary<string, string>
        {
            ["content_hash"] = ContentHash.OfAll(hashes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)),
            ["page_count"] = hashes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        return (results, hashes);
    }

    private static ParsedPage ParseFile(string path, Manifest manifest, long maxBytes)
    {
        var name = Path.GetFileName(path);
        try
        {
            var length = new FileInfo(path).Length;
            if (length > maxBytes)
                return ParsedPage.Failed(name, PageText.OverCap(length, maxBytes));
            return PageParser.Parse(name, File.ReadAllBytes(path), manifest.CodeFor(name), maxBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ParsedPage.Failed(name, $"cannot be read ({e.Message}); skipped");
        }
    }

    /// <summary>Code to content hash of the live database, to tell added, changed, unchanged and removed pages.</summary>
    private static Dictionary<string, string> ReadLiveHashes(string database, List<string> warnings)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(database)) return hashes;
        try
        {
            using var connection = new SqliteConnection(SqliteFiles.ConnectionString(database, readOnly: true));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT Code, ContentHash FROM pages";
            using var reader = command.ExecuteReader();
            while (reader.Read()) hashes[reader.GetString(0)] = reader.GetString(1);
        }
        catch (SqliteException e)
        {
            warnings.Add($"the previous database could not be read ({e.Message}); every page counts as added");
        }
        return hashes;
    }

    /// <summary>Deletes what an import that died left behind. Only called under the import lock, so none is running.</summary>
    public static void RemoveLeftovers(string database)
    {
        var folder = Path.GetDirectoryName(database)!;
        if (!Directory.Exists(folder)) return;
        foreach (var suffix in new[] { BuildingSuffix, PublishingSuffix })
            foreach (var leftover in Directory.EnumerateFiles(folder, Path.GetFileName(database) + suffix + "*"))
                TryDelete(leftover);
    }

    private static void TryDelete(string path)
    {
        try { SqliteFiles.Delete(path); }
        catch (IOException) { /* best effort: the next import removes it */ }
    }
}
