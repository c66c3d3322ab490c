using Xunit.Abstractions;
using Xunit.Sdk;

namespace ProcedureReference.Testing;

/// <summary>
/// Marks a test class whose app runs on PostgreSQL: its <see cref="EngineFactAttribute"/> and
/// <see cref="EngineTheoryAttribute"/> tests are skipped with what is missing where the server cannot be run here
/// (unless PROCREF_REQUIRE_POSTGRES=1), while the same tests of the SQLite class run.
/// </summary>
#pragma warning disable CA1040 // a marker the discoverers look for
public interface IOnPostgres;
#pragma warning restore CA1040

/// <summary>
/// A fact written once in an abstract test class and run by one small subclass per engine. xunit 2 can skip only by
/// attribute, and the attribute sits on the shared method, so the discoverer decides per concrete class.
/// </summary>
[XunitTestCaseDiscoverer("ProcedureReference.Testing.EngineFactDiscoverer", TestAssembly.Name)]
[AttributeUsage(AttributeTargets.Method)]
public sealed class EngineFactAttribute : FactAttribute;

/// <inheritdoc cref="EngineFactAttribute"/>
[XunitTestCaseDiscoverer("ProcedureReference.Testing.EngineTheoryDiscoverer", TestAssembly.Name)]
[AttributeUsage(AttributeTargets.Method)]
public sealed class EngineTheoryAttribute : TheoryAttribute;

public sealed class EngineFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        EngineSkip.Reason(testMethod) is { } reason
            ? [new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class EngineTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        EngineSkip.Reason(testMethod) is { } reason
            ? [new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}

internal static class EngineSkip
{
    public static string? Reason(ITestMethod testMethod) =>
        typeof(IOnPostgres).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType())
        && !PostgresServer.Required && PostgresServer.Missing() is { } missing
            ? "missing: " + missing
            : null;
}

/// <summary>A test case reported as skipped with a reason of its own (kept when the runner serializes it).</summary>
public sealed class SkippedTestCase : XunitTestCase
{
    private string _reason = "";

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedTestCase() { }

    public SkippedTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod, string reason)
        : base(sink, display, options, testMethod) => _reason = reason;

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;

    public override void Serialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        base.Serialize(data);
        data.AddValue("EngineSkipReason", _reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _reason = data.GetValue<string>("EngineSkipReason");
        base.Deserialize(data);
    }
}
