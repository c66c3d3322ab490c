using System.Runtime.InteropServices;

namespace ProcedureReference.Publishing;

/// <summary>
/// Makes a second name for a kept database file. A hard link costs nothing whatever the file's size (a copy of
/// a 100,000-page database took seconds); kept versions and the live file are only ever read, so sharing the
/// bytes is safe. Where links are not possible (another file system, Windows) it copies.
/// </summary>
internal static partial class FileLink
{
    public static void LinkOrCopy(string source, string destination)
    {
        if (!OperatingSystem.IsWindows() && Link(source, destination) == 0) return;
        File.Copy(source, destination);
    }

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string source, string destination);
}
