using System.Diagnostics;

namespace ProcedureReference.Web.Tests.Faults;

/// <summary>
/// Real disk conditions, made the strongest way this machine allows. A full disk: a small tmpfs mounted on the data
/// folder (root with CAP_SYS_ADMIN, as here and in CI), else a per-process file-size cap (ulimit -f) on the child.
/// A read-only folder: that tmpfs remounted read-only, else chmod (which root ignores), else chattr +i (which root
/// cannot ignore). A read-only file: chattr +i. Each says which it used, for the test output.
/// </summary>
public static class DiskConditions
{
    private static readonly Lazy<string?> MountRefusal = new(ProbeMount);

    /// <summary>Null when tmpfs can be mounted here; else why not.</summary>
    public static string? CannotMount => MountRefusal.Value;

    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Runs a command; its exit code and what it wrote.</summary>
    public static (int Exit, string Output) Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output.Result + error);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"{file}: {e.Message}");
        }
    }

    public static void MustRun(string file, params string[] args)
    {
        var (exit, output) = Run(file, args);
        Assert.True(exit == 0, $"{file} {string.Join(' ', args)}: exit {exit}: {output}");
    }

    /// <summary>Makes <paramref name="file"/> immutable (chattr +i): not even root may rename over it. Null when it cannot be.</summary>
    public static IDisposable? TryMakeImmutable(string file)
    {
        if (!IsRoot || Run("chattr", "+i", file).Exit != 0) return null;
        return new Undo(() => MustRun("chattr", "-i", file));
    }

    private static string? ProbeMount()
    {
        if (!OperatingSystem.IsLinux()) return "tmpfs is Linux only";
        // To try the fallbacks on a machine that can mount.
        if (Environment.GetEnvironmentVariable("PROCREF_TEST_NO_MOUNT") == "1") return "PROCREF_TEST_NO_MOUNT=1";
        var probe = Directory.CreateTempSubdirectory("pr-mount-probe-").FullName;
        try
        {
            var (exit, output) = Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe);
            if (exit != 0) return $"mount -t tmpfs is not permitted here ({output.Trim()})";
            Run("umount", probe);
            return null;
        }
        finally
        {
            Directory.Delete(probe);
        }
    }

    /// <summary>Runs an action once, on dispose.</summary>
    public sealed class Undo(Action undo) : IDisposable
    {
        private Action? _undo = undo;

        public void Dispose()
        {
            var undo = Interlocked.Exchange(ref _undo, null);
            undo?.Invoke();
        }
    }
}

/// <summary>A tmpfs mounted on a folder: a disk of a chosen size that can be resized, or remounted read-only.</summary>
public sealed class Tmpfs : IDisposable
{
    private readonly string _folder;

    private Tmpfs(string folder) => _folder = folder;

    /// <summary>Mounts a tmpfs of <paramref name="bytes"/> on <paramref name="folder"/> (created), or null where mounting is not permitted.</summary>
    public static Tmpfs? TryMount(string folder, long bytes)
    {
        if (DiskConditions.CannotMount is not null) return null;
        Directory.CreateDirectory(folder);
        DiskConditions.MustRun("mount", "-t", "tmpfs", "-o", $"size={bytes}", "tmpfs", folder);
        return new Tmpfs(folder);
    }

    /// <summary>Bytes in use, as the file system counts them (whole pages).</summary>
    public long Used
    {
        get
        {
            var drive = new DriveInfo(_folder);
            return drive.TotalSize - drive.AvailableFreeSpace;
        }
    }

    /// <summary>Resizes the disk (tmpfs allows it while mounted): to make it nearly full, or to give room back.</summary>
    public void Resize(long bytes) => DiskConditions.MustRun("mount", "-o", $"remount,size={bytes}", _folder);

    public void MakeReadOnly() => DiskConditions.MustRun("mount", "-o", "remount,ro", _folder);

    public void MakeWritable() => DiskConditions.MustRun("mount", "-o", "remount,rw", _folder);

    /// <summary>Unmounts (lazily, so a file still open does not stop it); the folder is then empty, as before.</summary>
    public void Dispose() => DiskConditions.Run("umount", "-l", _folder);
}
