using Microsoft.Data.Sqlite;
using ProcedureReference.Sqlite;

namespace ProcedureReference.Web.Tests.Faults;

/// <summary>Damage done to a live database from outside, as a disk fault or a bad copy does it.</summary>
public static class LiveDamage
{
    /// <summary>Truncates the file to half its length.</summary>
    public static void CutInHalf(string database)
    {
        SqliteConnection.ClearAllPools();
        using var file = new FileStream(database, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        file.SetLength(file.Length / 2);
    }

    /// <summary>Leaves the live database with no kept version to be put back from (as before versions were kept).</summary>
    public static void ForgetKeptVersions(string database)
    {
        var versions = new SqliteContentStore(database).VersionsFolder;
        if (Directory.Exists(versions)) Directory.Delete(versions, recursive: true);
    }
}
