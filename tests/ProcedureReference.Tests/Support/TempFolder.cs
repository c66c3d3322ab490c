using Microsoft.Data.Sqlite;

namespace ProcedureReference.Tests.Support;

/// <summary>A fresh folder under the system temp folder, deleted (with any SQLite files in it) on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "procref-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A path inside the folder (nothing is created).</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>A new, empty subfolder.</summary>
    public string CreateFolder(string name) => Directory.CreateDirectory(Combine(name)).FullName;

    public void Dispose()
    {
        // Pooled connections keep database files open; close them before deleting.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover in the temp folder does not affect any test.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
