namespace ProcedureReference.Web.Tests.Faults;

/// <summary>
/// Files in a data folder that no whole state has: half-built or half-copied databases, temporary records, a staged
/// database without its report or a report without its database, a version file without its record or the reverse.
/// Named here by the store's file layout, independently of the code that removes them.
/// </summary>
public static class Leftovers
{
    public static List<string> In(string dataFolder)
    {
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(dataFolder, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            var folder = Path.GetFileName(Path.GetDirectoryName(file)!);
            if (name.Contains(".building-", StringComparison.Ordinal) || name.Contains(".publishing-", StringComparison.Ordinal) || name.EndsWith(".tmp", StringComparison.Ordinal))
                found.Add(file);
            else if (folder.EndsWith(".staging", StringComparison.Ordinal) || folder.EndsWith(".versions", StringComparison.Ordinal))
            {
                var partner = Path.GetExtension(name) switch { ".db" => ".json", ".json" => ".db", _ => null };
                if (partner is not null && !File.Exists(Path.ChangeExtension(file, partner))) found.Add(file);
            }
        }
        return found;
    }

    public static void AssertNone(string dataFolder)
    {
        var found = In(dataFolder);
        Assert.True(found.Count == 0, "left over: " + string.Join(", ", found.Select(f => Path.GetRelativePath(dataFolder, f))));
    }
}
