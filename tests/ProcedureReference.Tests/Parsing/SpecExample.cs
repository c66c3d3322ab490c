namespace ProcedureReference.Tests.Parsing;

/// <summary>
/// One example of a spec file (Markdig's spec format): the input page text, a line with a single '.',
/// then the expected outline. An input of '@file PATH' reads a page from the repository instead; a first
/// input line '@as NAME' parses the page as if its file were called NAME (the code may come from it).
/// </summary>
public sealed record SpecExample(string SpecFile, string Name, string FileName, string Input, IReadOnlyList<string> Expected)
{
    private const string Fence = "```````````````````````````````` example";
    private const string Close = "````````````````````````````````";

    public static string SpecsFolder => Path.Combine(AppContext.BaseDirectory, "Specs");

    public static IReadOnlyList<SpecExample> All { get; } = Directory.EnumerateFiles(SpecsFolder, "*.md")
        .Order(StringComparer.Ordinal)
        .SelectMany(Read)
        .ToList();

    public static IEnumerable<object[]> Names() => All.Select(e => new object[] { e.ToString() });

    public static SpecExample Named(string name) => All.Single(e => e.ToString() == name);

    public override string ToString() => $"{SpecFile}: {Name}";

    private static IEnumerable<SpecExample> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var section = "";
        var number = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#')) { section = lines[i].TrimStart('#').Trim(); number = 0; continue; }
            if (lines[i] != Fence) continue;
            var input = new List<string>();
            var expected = new List<string>();
            var target = input;
            for (i++; i < lines.Length && lines[i] != Close; i++)
            {
                if (lines[i] == "." && target == input) { target = expected; continue; }
                target.Add(lines[i]);
            }
            number++;
            var fileName = "spec.txt";
            if (input.Count > 0 && input[0].StartsWith("@as ", StringComparison.Ordinal))
            {
                fileName = input[0]["@as ".Length..].Trim();
                input.RemoveAt(0);
            }
            var text = string.Join('\n', input);
            if (text.StartsWith("@file ", StringComparison.Ordinal))
                text = File.ReadAllText(Path.Combine(RepositoryRoot(), text["@file ".Length..].Trim()));
            yield return new SpecExample(Path.GetFileName(path), $"{section} #{number}", fileName, text,
                expected.Where(l => l.Trim().Length > 0).ToList());
        }
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ProcedureReference.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }
}
