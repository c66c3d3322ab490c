using ProcedureReference.FaultHook;

/// <summary>
/// Run by the runtime before the program's Main when this assembly is named in DOTNET_STARTUP_HOOKS (the type's
/// name and place, outside any namespace, are the runtime's convention).
/// </summary>
#pragma warning disable CA1050 // the runtime looks for StartupHook in the global namespace
internal static class StartupHook
#pragma warning restore CA1050
{
    public static void Initialize() => FaultPause.Install();
}
