namespace ProcedureReference.Reading;

/// <summary>Which published content is live: a new value each time the live content changes. Caches key on it.</summary>
public readonly record struct ContentVersion(long Id);
