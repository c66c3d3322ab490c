using System.Diagnostics;
using System.Text;
using ProcedureReference.FaultHook;
using ProcedureReference.Web.Tests.Support;

namespace ProcedureReference.Web.Tests.Faults;

/// <summary>
/// The web project's own build run as a child process (a command-line verb, or the site), its standard output and
/// error read line by line; optionally paused at a <see cref="FaultPoint"/>, then killed with SIGKILL there or let go on.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    /// <summary>How long a child may take to reach a line or to finish: generous, as the machine is shared.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromMinutes(5);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    /// <summary>
    /// Starts <c>dotnet ProcedureReference.Web.dll ARGS</c> in <paramref name="workingDirectory"/>, paused at
    /// <paramref name="pauseAt"/> if given, and with no file it writes allowed past <paramref name="fileSizeLimitKb"/>
    /// if given (ulimit -f, with SIGXFSZ ignored so that a write past it fails with EFBIG instead of killing it, and
    /// the runtime's W^X double mapping off, as its memory file counts against the cap too).
    /// </summary>
    public static ChildProcess Start(string workingDirectory, IEnumerable<string> args, string? pauseAt = null, long? fileSizeLimitKb = null)
    {
        var info = new ProcessStartInfo(fileSizeLimitKb is null ? "dotnet" : "bash")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (fileSizeLimitKb is { } limit)
        {
            info.Environment["DOTNET_EnableWriteXorExecute"] = "0";
            foreach (var arg in new[] { "-c", "trap '' XFSZ; ulimit -f \"$1\"; shift; exec dotnet \"$@\"", "bash", limit.ToString(System.Globalization.CultureInfo.InvariantCulture) })
                info.ArgumentList.Add(arg);
        }
        info.ArgumentList.Add(WebDll());
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment.Remove(FaultPause.Variable);
        info.Environment.Remove("DOTNET_STARTUP_HOOKS");
        if (pauseAt is not null)
        {
            // The pause is test support, loaded into the child before its Main (see FaultHook's StartupHook).
            info.Environment["DOTNET_STARTUP_HOOKS"] = FaultPause.AssemblyPath;
            info.Environment[FaultPause.Variable] = pauseAt;
        }
        var child = new ChildProcess(Process.Start(info)!);
        child._process.OutputDataReceived += (_, e) => child.Add(e.Data);
        child._process.ErrorDataReceived += (_, e) => child.Add(e.Data);
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Everything the child wrote so far, standard output and error interleaved as they came.</summary>
    public string Output
    {
        get { lock (_gate) return _output.ToString(); }
    }

    /// <summary>The web project's build of the same configuration as these tests.</summary>
    public static string WebDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(ReferenceApp.RepositoryRoot(), "src", "ProcedureReference.Web", "bin", configuration, "net10.0", "ProcedureReference.Web.dll");
        Assert.True(File.Exists(dll), $"{dll} is built with the solution");
        return dll;
    }

    /// <summary>Waits until the child writes a line holding <paramref name="text"/>; fails, with its output, if it ends first.</summary>
    public async Task WaitForLineAsync(string text)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_output.ToString().Contains(text, StringComparison.Ordinal)) return;
                changed = _changed.Task;
            }
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(); // the rest of its output
                Assert.True(Output.Contains(text, StringComparison.Ordinal), $"the child ended (exit {_process.ExitCode}) without writing '{text}':\n{Output}");
                return;
            }
            var left = Budget - clock.Elapsed;
            Assert.True(left > TimeSpan.Zero, $"the child did not write '{text}' within {Budget.TotalSeconds:0} s:\n{Output}");
            // Output or the child's end, whichever comes first (it is checked on the next turn).
            await Task.WhenAny(changed, _process.WaitForExitAsync(), Task.Delay(left));
        }
    }

    /// <summary>Waits for the child to pause at <paramref name="point"/>.</summary>
    public Task WaitForFaultPointAsync(string point) => WaitForLineAsync(FaultPause.PausedLine(point));

    /// <summary>SIGKILL, the way a crash or an OOM kill ends a process: nothing of its own runs after it.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Lets a child paused at a fault point go on.</summary>
    public void Resume() => _process.StandardInput.WriteLine();

    /// <summary>The exit code, once the child ends within the budget.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(Budget);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the child did not end within {Budget.TotalSeconds:0} s:\n{Output}");
        }
        return _process.ExitCode;
    }

    private void Add(string? line)
    {
        if (line is null) return;
        TaskCompletionSource changed;
        lock (_gate)
        {
            _output.AppendLine(line);
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        _process.Dispose();
    }
}
