using Microsoft.Data.Sqlite;
using ProcedureReference.Corpus;

namespace ProcedureReference.Benchmarks;

/// <summary>The data the benchmarks run on: the repository's content/ and generated corpora in temp folders.</summary>
internal static class BenchData
{
    public const int Seed = 2026;

    /// <summary>content/ of this repository, found upwards from the binary (BenchmarkDotNet runs a copy of it further down).</summary>
    public static string ContentFolder { get; } = FindContent();

    public static string NewTempFolder(string name) =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"procref-bench-{name}-{Guid.NewGuid():N}")).FullName;

    public static string GenerateCorpus(int pages)
    {
        var folder = NewTempFolder($"corpus-{pages}");
        CorpusGenerator.Generate(folder, pages, Seed);
        return folder;
    }

    public static void Delete(string? folder)
    {
        SqliteConnection.ClearAllPools();
        if (folder is not null && Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    private static string FindContent()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ProcedureReference.sln")))
                return Path.Combine(dir.FullName, "content");
        throw new DirectoryNotFoundException("run the benchmarks from inside the repository: content/ was not found above " + AppContext.BaseDirectory);
    }
}
