namespace ProcedureReference.Storage;

/// <summary>A storage engine's failure, in the domain's terms: the host maps each kind to its answer without knowing the engine.</summary>
public class StorageException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The content was locked by a writer for longer than a statement may wait (the host answers 503).</summary>
public sealed class ContentBusyException(string message, Exception? inner = null) : StorageException(message, inner);

/// <summary>A statement was stopped because it ran past its time (the host answers 504).</summary>
public sealed class QueryTimedOutException(string message, Exception? inner = null) : StorageException(message, inner);

/// <summary>The content cannot be read, a corrupt or missing file say (the host answers 503 with a calm page; /health 503 with the reason).</summary>
public sealed class ContentUnreadableException(string message, Exception? inner = null) : StorageException(message, inner);
