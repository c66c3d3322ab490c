using System.Globalization;
using System.Text.RegularExpressions;
using ProcedureReference.Browser.Tests.Support;
using Xunit.Abstractions;

namespace ProcedureReference.Browser.Tests;

/// <summary>
/// A code page printed as a handout, read back from the PDF by tools no one here wrote: poppler counts its pages and
/// reads its text, zbar decodes its QR code. Every page in content/, on A4 and on US Letter.
/// </summary>
[Collection(SharedBrowser.Name)]
public partial class HandoutTests(BrowserSite site, ITestOutputHelper output)
{
    private const int MaxSheets = 2;

    /// <summary>Every code content/codes.csv names, on both paper sizes.</summary>
    public static TheoryData<string, string> PagesOnPaper()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadLines(Path.Combine(BrowserTools.RepositoryRoot, "content", "codes.csv")).Skip(1))
        {
            if (line.Split(',') is not [_, var code, ..] || code.Trim().Length == 0) continue;
            data.Add(code.Trim(), "A4");
            data.Add(code.Trim(), "Letter");
        }
        return data;
    }

    [BrowserTheory("pdf")]
    [MemberData(nameof(PagesOnPaper))]
    public async Task A_printed_code_page_fits_two_sheets_and_its_qr_code_opens_the_canonical_url(string code, string paper)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("/codes/" + code));
        var canonical = await page.Locator("link[rel=canonical]").GetAttributeAsync("href") ?? "(no canonical link)";
        var pdf = Path.Combine(BrowserTools.OutputFolder, $"handout-{code}-{paper}.pdf");

        // As a reader's Print does: print media, the paper's size, the page's own @page margins.
        await page.PdfAsync(new() { Path = pdf, Format = paper });

        var sheets = int.Parse(PagesLine().Match((await ToolRun.RunAsync("pdfinfo", pdf)).Succeeded("pdfinfo")).Groups[1].Value, CultureInfo.InvariantCulture);
        output.WriteLine($"{code} on {paper}: {sheets} sheet(s), {pdf}");
        Assert.InRange(sheets, 1, MaxSheets);

        var text = Regex.Replace((await ToolRun.RunAsync("pdftotext", "-layout", pdf, "-")).Succeeded("pdftotext"), @"\s+", " ");
        Assert.Contains(code, text, StringComparison.Ordinal);
        Assert.Matches(@"Printed \d{1,2} [A-Z][a-z]+ \d{4}", text);
        Assert.Matches(@"Content version v\d+", text);
        Assert.Contains("Your questions", text, StringComparison.Ordinal);

        Assert.Equal([canonical], await QrCodesAsync(pdf));
    }

    [BrowserFact]
    public async Task The_handout_is_print_only_and_dated_on_the_readers_own_day()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("/codes/37188"));
        var handout = page.Locator(".handout");

        await Expect(handout).ToBeHiddenAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(handout).ToBeVisibleAsync();
        var today = await page.EvaluateAsync<string>("() => new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })");
        await Expect(handout.Locator("time")).ToHaveTextAsync(today);
        await Expect(handout.Locator("img.handout-qr")).ToHaveJSPropertyAsync("complete", true);
    }

    [BrowserFact("axe")]
    public async Task Axe_finds_no_violation_in_the_printed_page()
    {
        // As QualityTests: axe is added as an inline script, which the site's policy rightly refuses.
        var page = await site.NewPageAsync(new() { ViewportSize = new() { Width = 794, Height = 1123 }, BypassCSP = true });
        await page.GotoAsync(site.Url("/codes/78458"));
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.AddScriptTagAsync(new() { Path = BrowserTools.AxeScript });

        var violations = await page.EvaluateAsync<System.Text.Json.JsonElement>("""
            async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }))
                .violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')')
            """);

        Assert.Empty(violations.EnumerateArray().Select(v => v.GetString()));
    }

    /// <summary>Every QR code on the PDF's pages, decoded (pages rendered at 150 dpi, like a phone camera reading paper).</summary>
    private static async Task<IReadOnlyList<string>> QrCodesAsync(string pdf)
    {
        var prefix = Path.Combine(Path.GetDirectoryName(pdf)!, Path.GetFileNameWithoutExtension(pdf) + "-page");
        (await ToolRun.RunAsync("pdftoppm", "-r", "150", "-png", pdf, prefix)).Succeeded("pdftoppm");
        var images = Directory.GetFiles(Path.GetDirectoryName(pdf)!, Path.GetFileName(prefix) + "-*.png").Order().ToArray();
        // zbarimg exits 4 when it finds no code in any image: the assertion below then shows an empty list.
        var scan = await ToolRun.RunAsync("zbarimg", ["--quiet", "--raw", .. images]);
        return scan.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    [GeneratedRegex(@"^Pages:\s+(\d+)$", RegexOptions.Multiline)]
    private static partial Regex PagesLine();
}
