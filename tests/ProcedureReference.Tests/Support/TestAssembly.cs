namespace ProcedureReference.Testing;

/// <summary>This test assembly's name, for the engine attributes' discoverers (tests/Shared/Engines.cs), which xunit finds by name.</summary>
internal static class TestAssembly
{
    public const string Name = "ProcedureReference.Tests";
}
