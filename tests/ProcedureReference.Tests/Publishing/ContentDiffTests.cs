using ProcedureReference.Importing;
using ProcedureReference.Publishing;
using ProcedureReference.Sqlite;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Publishing;

/// <summary>The difference between a staged import and the live content, code by code and line by line, as the store shows it.</summary>
public sealed class ContentDiffTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly SqliteContentStore _store;

    public ContentDiffTests() => _store = new SqliteContentStore(_temp.Combine("data", "procedures.db"));

    public void Dispose() => _temp.Dispose();

    private void Publish(string content)
    {
        var (report, published) = _store.ImportAndPublish(new ImportOptions(content), "tester", "live");
        Assert.True(published?.Succeeded, report.FatalError ?? published?.Message);
    }

    /// <summary>Stages <paramref name="content"/> and returns its id.</summary>
    private string Stage(string content)
    {
        var (staged, report) = _store.Stage(new ImportOptions(content), "tester", "next");
        Assert.True(staged is not null, report.FatalError);
        return staged.Id;
    }

    [Fact]
    public void It_names_added_removed_and_changed_codes_and_the_parts_that_changed()
    {
        Publish(SeedContent.CopyTo(_temp, "live"));
        var next = SeedContent.CopyTo(_temp, "next");
        var page = Path.Combine(next, SeedContent.FileOf("37188"));
        File.WriteAllText(page, File.ReadAllText(page).Replace("Typically 1-2 hours per session.", "Typically 2-3 hours per session.", StringComparison.Ordinal));
        File.Delete(Path.Combine(next, SeedContent.FileOf("76496")));
        File.Copy(Path.Combine(next, SeedContent.FileOf("34421")), Path.Combine(next, "34422.txt"));
        File.WriteAllText(Path.Combine(next, "34422.txt"), File.ReadAllText(Path.Combine(next, "34422.txt")).Replace("CPT4 code", "CPT4 code 34422", StringComparison.Ordinal));
        var staged = Stage(next);

        var difference = _store.Compare(staged)!;

        Assert.Equal(["34422"], difference.Added.Select(c => c.Code));
        Assert.Equal(["76496"], difference.Removed.Select(c => c.Code));
        var changed = Assert.Single(difference.Changed);
        Assert.Equal("37188", changed.Code);
        Assert.Equal(["duration"], changed.ChangedParts);
    }

    [Fact]
    public void A_changed_part_reads_as_removed_and_added_lines()
    {
        Publish(SeedContent.CopyTo(_temp, "live"));
        var next = SeedContent.CopyTo(_temp, "next");
        var page = Path.Combine(next, SeedContent.FileOf("37188"));
        File.WriteAllText(page, File.ReadAllText(page).Replace("Blood vessel damage", "Damage to the vein wall", StringComparison.Ordinal));
        var staged = Stage(next);

        var part = Assert.Single(_store.Describe(staged, "37188")!);

        Assert.Equal("risks", part.Part);
        Assert.Contains(new DiffLine(DiffOperation.Removed, "- Blood vessel damage") { Spans = [new("- ", false), new("Blood vessel damage", true)] }, part.Lines);
        Assert.Contains(new DiffLine(DiffOperation.Added, "- Damage to the vein wall") { Spans = [new("- ", false), new("Damage to the vein wall", true)] }, part.Lines);
        Assert.Contains(new DiffLine(DiffOperation.Same, "- Infection at the incision site"), part.Lines);
    }

    [Fact]
    public void The_same_content_makes_no_difference()
    {
        var content = SeedContent.CopyTo(_temp);
        Publish(content);

        Assert.True(_store.Compare(Stage(content))!.IsEmpty);
    }

    [Fact]
    public void Before_any_content_is_live_every_staged_code_is_added()
    {
        var staged = Stage(SeedContent.CopyTo(_temp));

        Assert.Equal(SeedContent.Codes.Values.Order(), _store.Compare(staged)!.Added.Select(c => c.Code).Order());
        Assert.Null(_store.Compare("20260101-000000-deadbeef"));
    }
}
