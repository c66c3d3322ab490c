namespace ProcedureReference.Storage;

/// <summary>Why a file could not be written, in words an admin can act on (the disk is full, the folder is read-only).</summary>
public static class WriteFailure
{
    public static string Reason(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e switch
        {
            // The storage engine has already put its failure in those words.
            StorageException => e.Message,
            // Renaming over an immutable file, or writing where the user may not.
            UnauthorizedAccessException => e.Message.TrimEnd('.') + " (it is read-only or protected)",
            // On Linux an IOException's message is the system's reason (No space left on device, Read-only file system).
            _ => e.Message.TrimEnd('.'),
        };
    }
}
