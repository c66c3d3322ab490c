using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ProcedureReference.Importing;
using ProcedureReference.Parsing;

namespace ProcedureReference.Web.Cli;

/// <summary>`parse --json FILE...`: how each file parses, as JSON, without touching any database.</summary>
public static class ParseCommand
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static int Run(IReadOnlyList<string> files, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        if (files.Count == 0) throw new UsageException("name at least one page file: parse --json FILE...");
        var maxBytes = services.GetRequiredService<ReferenceOptions>().MaxFileBytes;

        var manifests = new Dictionary<string, Manifest>();
        var pages = files.Select(file =>
        {
            var name = Path.GetFileName(file);
            var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
            if (!manifests.TryGetValue(folder, out var manifest)) manifests[folder] = manifest = Manifest.Load(folder);
            if (!File.Exists(file)) return ParsedPage.Failed(name, "no such file");
            return PageParser.Parse(name, File.ReadAllBytes(file), manifest.CodeFor(name), maxBytes);
        });

        stdout.WriteLine(JsonSerializer.Serialize(pages.Select(ToJson), Json));
        return 0;
    }

    private static object ToJson(ParsedPage page) => new
    {
        file = page.File,
        code = page.Code,
        system = page.System,
        title = page.Title,
        name = page.Name,
        commonNames = page.CommonNames,
        technicalTerm = page.TechnicalTerm,
        sections = page.Sections.Select(s => new { kind = s.Kind.ToName(), heading = s.Heading, markdown = s.Markdown }),
        warnings = page.Warnings,
        errors = page.Errors,
    };
}
