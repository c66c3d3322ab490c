using System.Diagnostics;
using ProcedureReference.Parsing;
using ProcedureReference.Similarity;
using ProcedureReference.Storage;

namespace ProcedureReference.Importing;

/// <summary>
/// Reads a folder of page files and builds the content into a writer the content store opens, then reports what
/// it found against the live content. It never publishes and never names a file: the store decides where the
/// content goes and when it goes live. Bad files are reported by name and reason; the rest imports.
/// </summary>
public static class Importer
{
    public const string PageFilePattern = "*.txt";

    /// <summary>Builds the pages of <see cref="ImportOptions.ContentPath"/> into the writer <paramref name="openWriter"/> opens.</summary>
    /// <param name="openWriter">Opens the writer, once the content folder is known to exist; the importer disposes it.</param>
    /// <param name="liveHashes">Code to content hash of the live content, to tell added, changed, unchanged and removed pages.</param>
    public static ImportReport Run(ImportOptions options, Func<IContentWriter> openWriter, IReadOnlyDictionary<string, string> liveHashes,
        IProgress<ImportProgress>? progress = null)
    {
        var report = Import(options, openWriter, liveHashes, progress);
        ReturnImportMemory();
        return report;
    }

    /// <summary>
    /// The import's index of every page's terms and its batches are garbage now: collected and given back before the
    /// engine keeps the report and publishes, which would otherwise stack their own memory on top (at 100,000 pages
    /// the process grew by 220 MB there, past the import's own peak).
    /// </summary>
    private static void ReturnImportMemory() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    private static ImportReport Import(ImportOptions options, Func<IContentWriter> openWriter, IReadOnlyDictionary<string, string> liveHashes,
        IProgress<ImportProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(openWriter);
        ArgumentNullException.ThrowIfNull(liveHashes);
        var clock = Stopwatch.StartNew();
        var content = Path.GetFullPath(options.ContentPath);
        if (!Directory.Exists(content))
            return ImportReport.Failed(content, $"content folder {content} does not exist", clock.Elapsed);

        var manifest = Manifest.Load(content);
        var files = Directory.EnumerateFiles(content, PageFilePattern).Order(StringComparer.Ordinal).ToList();
        var warnings = new List<string>(manifest.Warnings);
        var present = files.Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        warnings.AddRange(manifest.Files.Where(f => !present.Contains(f)).Select(f => $"{Manifest.FileName} names {f}, which is not in the folder"));

        try
        {
            var similarity = new SimilarityIndexBuilder(new SimilarityOptions { Count = options.SimilarCount }, Search.CodeCategories.ForImport(content, warnings));
            var glossary = Reading.Glossary.ForImport(content, warnings);
            var (results, hashes, hard) = Build(files, manifest, openWriter, options.MaxFileBytes, similarity, glossary, progress);
            if (hashes.Count == 0)
                return ImportReport.Failed(content, "no usable page was found; the live content was left as it was", clock.Elapsed, results, warnings);

            var codes = hashes.Keys.Order(StringComparer.Ordinal).ToList();
            return new ImportReport(content, results, warnings,
                Added: codes.Where(c => !liveHashes.ContainsKey(c)).ToList(),
                Changed: codes.Where(c => liveHashes.TryGetValue(c, out var h) && h != hashes[c]).ToList(),
                Unchanged: codes.Where(c => liveHashes.TryGetValue(c, out var h) && h == hashes[c]).ToList(),
                Removed: liveHashes.Keys.Where(c => !hashes.ContainsKey(c)).Order(StringComparer.Ordinal).ToList(),
                clock.Elapsed, FatalError: null)
            {
                HardSummaries = hard.OrderByDescending(h => h.Grade).ThenBy(h => h.Code, StringComparer.Ordinal).ToList(),
            };
        }
        catch (StorageException e)
        {
            return ImportReport.Failed(content, $"{e.Message}; the live content was left as it was", clock.Elapsed, warnings: warnings);
        }
    }

    private static (List<FileResult> Results, Dictionary<string, string> Hashes, List<HardSummary> Hard) Build(
        List<string> files, Manifest manifest, Func<IContentWriter> openWriter, long maxBytes, SimilarityIndexBuilder similarity,
        Reading.Glossary glossary, IProgress<ImportProgress>? progress)
    {
        var results = new List<FileResult>(files.Count);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var fileOfCode = new Dictionary<string, string>(StringComparer.Ordinal);
        var codeOfId = new Dictionary<int, string>();
        var hard = new List<HardSummary>();
        using var pipeline = new PagePipeline(files, path => PreparedPage.Of(ParseFile(path, manifest, maxBytes)));
        using var writer = openWriter();
        // The similarity index reads each page's terms on a thread of its own, while the writer writes the next pages.
        using var terms = new Behind<SimilarityPage>(similarity.Add, queued: 256);

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
                terms.Post(prepared.Similarity! with { Id = id });
                hashes[page.Code!] = hash;
                fileOfCode[page.Code!] = page.File;
                codeOfId[id] = page.Code!;
                if (prepared.Rows!.SummaryGrade > Reading.ReadingGrade.PlainWordsMax)
                    hard.Add(new HardSummary(page.Code!, Reading.PlainName.Of(page.Title!, page.Name, page.CommonNames), prepared.Rows.SummaryGrade.Value));
            }
            results.Add(new FileResult(page.File, page.Code, page.Warnings, errors));
            if (results.Count == 1) FaultPoint.Reached(FaultPoint.ImportPages);
            if (results.Count % 500 == 0 || results.Count == files.Count) progress?.Report(new(results.Count, files.Count));
        }

        // Similar codes need every page's terms, so they are computed once all pages are in, in the same transaction:
        // a few blocks ahead of the writer, so computing overlaps with writing them (and with the writer finishing
        // the pages' search index).
        terms.Complete();
        var firstBlock = true;
        var similarHashByCode = new Dictionary<string, string>(hashes.Count, StringComparer.Ordinal);
        using var computed = new Ahead<PageSimilarCodes>(similarity.Build, ahead: 3 * SimilarityIndexBuilder.BlockSize);
        foreach (var similar in computed.Items())
        {
            writer.AddSimilarCodes(similar);
            similarHashByCode[codeOfId[similar.PageId]] = ContentHash.OfSimilar(similar.Codes);
            if (firstBlock) FaultPoint.Reached(FaultPoint.ImportSimilarCodes);
            firstBlock = false;
        }
        FaultPoint.Reached(FaultPoint.ImportCommit);
        var contentHash = ContentHash.OfAll(hashes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value));
        // The glossary is kept with the version it came with, so a page shows the definitions of its own version.
        var glossaryJson = glossary.ToJson();
        writer.Complete(new Dictionary<string, string>
        {
            ["content_hash"] = contentHash,
            [ContentHash.FingerprintKey] = ContentHash.Fingerprint(contentHash, similarHashByCode, glossaryJson),
            [Reading.Glossary.ContentInfoKey] = glossaryJson,
            ["page_count"] = hashes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        return (results, hashes, hard);
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
}
