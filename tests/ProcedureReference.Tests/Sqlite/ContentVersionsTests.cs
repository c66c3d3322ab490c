using ProcedureReference.Reading;
using ProcedureReference.Sqlite;
using ProcedureReference.Tests.Support;

namespace ProcedureReference.Tests.Sqlite;

/// <summary>SQLite's content version: a live file replaced is a new version, announced once; an unchanged file is not.</summary>
public sealed class ContentVersionsTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly SqliteContentVersions _versions;
    private readonly string _live;

    public ContentVersionsTests()
    {
        _live = _temp.Combine("procedures.db");
        File.WriteAllText(_live, "first");
        _versions = new SqliteContentVersions(new SqliteOptions { DatabasePath = _live, AdminDatabasePath = _temp.Combine("admin.db") });
    }

    [Fact]
    public void A_replaced_live_file_is_a_new_version_announced_at_refresh()
    {
        var before = _versions.Live;
        var announced = new List<ContentVersion>();
        _versions.Changed += announced.Add;

        File.WriteAllText(_live + ".new", "the second, longer");
        File.Move(_live + ".new", _live, overwrite: true);
        _versions.Refresh();

        var after = Assert.Single(announced);
        Assert.NotEqual(before, after);
        Assert.Equal(after, _versions.Live);
    }

    [Fact]
    public void Refreshing_an_unchanged_file_keeps_the_version_and_announces_nothing()
    {
        var before = _versions.Live;
        var announced = 0;
        _versions.Changed += _ => announced++;

        _versions.Refresh();
        _versions.Refresh();

        Assert.Equal(before, _versions.Live);
        Assert.Equal(0, announced);
    }

    public void Dispose() => _temp.Dispose();
}
