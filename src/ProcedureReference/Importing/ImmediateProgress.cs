namespace ProcedureReference.Importing;

/// <summary>Reports import progress synchronously, in order (System.Progress posts to the thread pool, out of order).</summary>
public sealed class ImmediateProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
{
    public void Report(ImportProgress value) => report(value);
}
