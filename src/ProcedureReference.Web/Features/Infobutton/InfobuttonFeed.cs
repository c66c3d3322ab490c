using System.Text.Json.Serialization;
using ProcedureReference.Parsing;
using ProcedureReference.Reading;

namespace ProcedureReference.Web.Features.Infobutton;

/// <summary>
/// The JSON knowledge response, in the shape MedlinePlus Connect gives (the HL7 Infobutton SOA guide's Atom feed
/// written as JSON: text in <c>_value</c>): the request's criteria as categories and one entry per page, none for
/// an unknown code or code system, so a health record reads "nothing found" the way it already does.
/// </summary>
public sealed record InfobuttonFeed([property: JsonPropertyName("feed")] Feed Feed)
{
    public static InfobuttonFeed From(InfobuttonRequest request, CodePage? page, string root, DateTimeOffset updated)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stamp = new Text(updated.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        var entries = page is null ? [] : new[] { Entry.From(page, root, stamp) };
        return new(new Feed(
            Base: root + "/",
            Title: new Text("ProcedureReference", "text"),
            Updated: stamp,
            Id: new Text($"{root}/infobutton?{InfobuttonRequest.CodeParameter}={Uri.EscapeDataString(request.Code)}&{InfobuttonRequest.CodeSystemParameter}={Uri.EscapeDataString(request.CodeSystem)}"),
            Author: new Author(new Text("ProcedureReference"), new Text(root + "/")),
            Subtitle: new Text($"ProcedureReference results for {request.SystemName ?? request.CodeSystem} {request.Code}", "text"),
            Category: [new Category(InfobuttonRequest.CodeParameter, request.Code), new Category(InfobuttonRequest.CodeSystemParameter, request.CodeSystem)],
            Entry: entries));
    }
}

public sealed record Feed(
    [property: JsonPropertyName("base")] string Base,
    [property: JsonPropertyName("title")] Text Title,
    [property: JsonPropertyName("updated")] Text Updated,
    [property: JsonPropertyName("id")] Text Id,
    [property: JsonPropertyName("author")] Author Author,
    [property: JsonPropertyName("subtitle")] Text Subtitle,
    [property: JsonPropertyName("category")] IReadOnlyList<Category> Category,
    [property: JsonPropertyName("entry")] IReadOnlyList<Entry> Entry)
{
    [JsonPropertyName("lang")] public string Lang => "en";
}

/// <summary>Atom text: <paramref name="Type"/> 'text' or 'html' where the feed says which.</summary>
public sealed record Text(
    [property: JsonPropertyName("_value")] string Value,
    [property: JsonPropertyName("type"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Type = null);

public sealed record Author([property: JsonPropertyName("name")] Text Name, [property: JsonPropertyName("uri")] Text Uri);

public sealed record Category([property: JsonPropertyName("scheme")] string Scheme, [property: JsonPropertyName("term")] string Term);

public sealed record Link([property: JsonPropertyName("href")] string Href, [property: JsonPropertyName("rel")] string Rel);

/// <summary>A page: its name, its address, and its summary as the page shows it (HTML the site rendered, as a string).</summary>
public sealed record Entry(
    [property: JsonPropertyName("title")] Text Title,
    [property: JsonPropertyName("link")] IReadOnlyList<Link> Link,
    [property: JsonPropertyName("id")] Text Id,
    [property: JsonPropertyName("updated")] Text Updated,
    [property: JsonPropertyName("summary")] Text Summary)
{
    [JsonPropertyName("lang")] public string Lang => "en";

    public static Entry From(CodePage page, string root, Text updated)
    {
        var url = root + Codes.ProcedureCode.PathOf(page.Code);
        var summary = page.Sections.FirstOrDefault(s => s.Kind == SectionKind.Summary.ToName())?.Html ?? "";
        return new(new Text($"{page.Code}: {page.PlainName}", "text"), [new Link(url, "alternate")], new Text(url), updated, new Text(summary, "html"));
    }
}
