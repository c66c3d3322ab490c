namespace ProcedureReference.Web.Tests.Faults;

/// <summary>A test that needs a tmpfs it can mount (root with CAP_SYS_ADMIN, as here and in CI): skipped with the reason elsewhere.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MountFactAttribute : FactAttribute
{
    public MountFactAttribute()
    {
        if (DiskConditions.CannotMount is { } why) Skip = why;
    }
}
