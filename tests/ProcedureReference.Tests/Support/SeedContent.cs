namespace ProcedureReference.Tests.Support;

/// <summary>The repository's content/ folder: five real pages and their codes.csv, copied for tests to change freely.</summary>
public static class SeedContent
{
    /// <summary>The five seed pages: file name to code, as in content/codes.csv.</summary>
    public static readonly IReadOnlyDictionary<string, string> Codes = new Dictionary<string, string>
    {
        ["000_36cba762d94ce8c5.txt"] = "78458",
        ["001_4e67889beea285e3.txt"] = "34421",
        ["002_9d439479562fdfaf.txt"] = "76496",
        ["003_4347b46140aa9454.txt"] = "72275",
        ["004_b058e552b792f92e.txt"] = "37188",
    };

    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The folder that holds ProcedureReference.sln.</summary>
    public static string RepositoryRoot => Root.Value;

    public static string Folder => Path.Combine(RepositoryRoot, "content");

    /// <summary>The seed file that holds <paramref name="code"/>.</summary>
    public static string FileOf(string code) => Codes.Single(p => p.Value == code).Key;

    /// <summary>Copies content/ (pages and codes.csv) into a new folder <paramref name="name"/> of <paramref name="temp"/>.</summary>
    public static string CopyTo(TempFolder temp, string name = "content")
    {
        var target = temp.CreateFolder(name);
        foreach (var file in Directory.EnumerateFiles(Folder))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return target;
    }

    /// <summary>Adds a line to the codes.csv of <paramref name="folder"/>.</summary>
    public static void AddCode(string folder, string file, string code) =>
        File.AppendAllText(Path.Combine(folder, "codes.csv"), $"{file},{code}\n");

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ProcedureReference.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds ProcedureReference.sln");
    }
}
