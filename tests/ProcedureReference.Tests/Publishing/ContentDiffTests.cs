using ProcedureReference.Importing;
using ProcedureReference.Publishing;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Publishing;

/// <summary>The difference between two imported databases, code by code and line by line.</summary>
public sealed class ContentDiffTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Import(string content, string name)
    {
        var database = _temp.Combine(name);
        Assert.True(Importer.Run(new ImportOptions(content, database)).Succeeded);
        return database;
    }

    [Fact]
    public void It_names_added_removed_and_changed_codes_and_the_parts_that_changed()
    {
        var live = Import(SeedContent.CopyTo(_temp, "live"), "live.db");
        var next = SeedContent.CopyTo(_temp, "next");
        var page = Path.Combine(next, SeedContent.FileOf("37188"));
        File.WriteAllText(page, File.ReadAllText(page).Replace("Typically 1-2 hours per session.", "Typically 2-3 hours per session.", StringComparison.Ordinal));
        File.Delete(Path.Combine(next, SeedContent.FileOf("76496")));
        File.Copy(Path.Combine(next, SeedContent.FileOf("34421")), Path.Combine(next, "34422.txt"));
        File.WriteAllText(Path.Combine(next, "34422.txt"), File.ReadAllText(Path.Combine(next, "34422.txt")).Replace("CPT4 code", "CPT4 code 34422", StringComparison.Ordinal));
        var staged = Import(next, "next.db");

        var difference = ContentDiff.Compare(live, staged);

        Assert.Equal(["34422"], difference.Added.Select(c => c.Code));
        Assert.Equal(["76496"], difference.Removed.Select(c => c.Code));
        var changed = Assert.Single(difference.Changed);
        Assert.Equal("37188", changed.Code);
        Assert.Equal(["duration"], changed.ChangedParts);
    }

    [Fact]
    public void A_changed_part_reads_as_removed_and_added_lines()
    {
        var live = Import(SeedContent.CopyTo(_temp, "live"), "live.db");
        var next = SeedContent.CopyTo(_temp, "next");
        var page = Path.Combine(next, SeedContent.FileOf("37188"));
        File.WriteAllText(page, File.ReadAllText(page).Replace("Blood vessel damage", "Damage to the vein wall", StringComparison.Ordinal));
        var staged = Import(next, "next.db");

        var part = Assert.Single(ContentDiff.Describe(live, staged, "37188"));

        Assert.Equal("risks", part.Part);
        Assert.Contains(new DiffLine(DiffOperation.Removed, "- Blood vessel damage") { Spans = [new("- ", false), new("Blood vessel damage", true)] }, part.Lines);
        Assert.Contains(new DiffLine(DiffOperation.Added, "- Damage to the vein wall") { Spans = [new("- ", false), new("Damage to the vein wall", true)] }, part.Lines);
        Assert.Contains(new DiffLine(DiffOperation.Same, "- Infection at the incision site"), part.Lines);
    }

    [Fact]
    public void The_same_content_makes_no_difference()
    {
        var content = SeedContent.CopyTo(_temp);

        Assert.True(ContentDiff.Compare(Import(content, "a.db"), Import(content, "b.db")).IsEmpty);
    }
}
