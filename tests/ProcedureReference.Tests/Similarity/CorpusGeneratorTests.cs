using ProcedureReference.Corpus;
using ProcedureReference.Importing;
using ProcedureReference.Parsing;
using ProcedureReference.Testing;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Similarity;

/// <summary>The synthetic corpus: deterministic, complete, importable, in both layouts, families not named on the page.</summary>
public sealed class CorpusGeneratorTests : IDisposable
{
    private const int Pages = 300;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Generate(string name, int seed, int pages = Pages)
    {
        var folder = _temp.Combine(name);
        CorpusGenerator.Generate(folder, pages, seed);
        return folder;
    }

    private static Dictionary<string, string> Files(string folder) =>
        Directory.EnumerateFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);

    [Fact]
    public void The_same_seed_writes_the_same_files_and_another_seed_other_ones()
    {
        var first = Files(Generate("a", seed: 42));
        var again = Files(Generate("b", seed: 42));
        var other = Files(Generate("c", seed: 43));

        Assert.Equal(first.Keys.Order(), again.Keys.Order());
        foreach (var (name, text) in first) Assert.Equal(text, again[name]);
        Assert.NotEqual(first[Manifest.FileName], other[Manifest.FileName]);
    }

    [Fact]
    public void It_writes_n_pages_with_codes_csv_and_families_csv_naming_each_once()
    {
        var folder = Generate("corpus", seed: 1);

        var pages = Directory.GetFiles(folder, Importer.PageFilePattern).Select(Path.GetFileName).ToList();
        Assert.Equal(Pages, pages.Count);
        var manifest = Manifest.Load(folder);
        Assert.Empty(manifest.Warnings);
        var codes = pages.Select(p => manifest.CodeFor(p!)?.ToString()).ToList();
        Assert.All(codes, c => Assert.Matches("^[0-9]{5}$", c));
        Assert.Equal(Pages, codes.Distinct().Count());

        var families = CorpusGenerator.ReadFamilies(folder);
        Assert.Equal(codes.Order(), families.Keys.Order());
        Assert.All(families.Values.GroupBy(f => f), g => Assert.InRange(g.Count(), 3, 8));
    }

    [Fact]
    public void Every_page_imports_without_errors_and_both_layouts_are_there()
    {
        var folder = Generate("corpus", seed: 2);
        var report = TestContent.Publish(folder, _temp.Combine("ref.db"));

        Assert.True(report.Succeeded, report.FatalError);
        Assert.Equal(Pages, report.Imported);
        Assert.Equal(0, report.FilesWithErrors);

        var manifest = Manifest.Load(folder);
        var parsed = Directory.GetFiles(folder, Importer.PageFilePattern)
            .Select(f => PageParser.Parse(Path.GetFileName(f), File.ReadAllBytes(f), manifest.CodeFor(Path.GetFileName(f))))
            .ToList();
        var headed = parsed.Count(p => p.Sections[0].Heading is not null);
        Assert.InRange(headed, Pages / 4, Pages * 3 / 4);
        // Dropped-heading pages keep the site's sub-headings in some pages and not in others, as the seeds do.
        var dropped = parsed.Where(p => p.Sections[0].Heading is null).ToList();
        Assert.Contains(dropped, p => p.Sections.Any(s => s.Markdown.StartsWith("### ", StringComparison.Ordinal)));
        Assert.Contains(dropped, p => p.Sections.All(s => !s.Markdown.Contains("### ", StringComparison.Ordinal)));
        Assert.Contains(parsed, p => p.Sections.Any(s => s.Heading is { } h && h.EndsWith('?')));
        Assert.All(parsed, p => Assert.Contains(p.Sections, s => s.Kind == SectionKind.Procedure));
    }

    [Fact]
    public void Pages_never_name_their_family_and_family_codes_are_mostly_but_not_always_adjacent()
    {
        var folder = Generate("corpus", seed: 3, pages: 1000);
        var families = CorpusGenerator.ReadFamilies(folder);

        var text = string.Concat(Directory.GetFiles(folder, Importer.PageFilePattern).Select(File.ReadAllText));
        Assert.DoesNotContain("family", text, StringComparison.OrdinalIgnoreCase);
        Assert.All(families.Values.Distinct().Take(50), label => Assert.DoesNotContain(label, text, StringComparison.Ordinal));

        var spans = families.GroupBy(p => p.Value, p => int.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture))
            .Select(g => g.Max() - g.Min() - (g.Count() - 1))
            .ToList();
        Assert.InRange(spans.Count(s => s <= 2), spans.Count / 3, spans.Count - 1);
    }

    [Fact]
    public void A_folder_that_already_holds_pages_is_refused()
    {
        var folder = SeedContent.CopyTo(_temp);

        Assert.Throws<IOException>(() => CorpusGenerator.Generate(folder, 10, 1));
    }
}
