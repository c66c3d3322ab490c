namespace ProcedureReference.Storage;

public class StorageException(string message, Exception? inner = null) : Exception(message, inner);

public sealed class ContentBusyException(string message, Exception? inner = null) : StorageException(message, inner);

public sealed class QueryTimedOutException(string message, Exception? inner = null) : StorageException(message, inner);

public sealed class ContentUnreadableException(string message, Exception? inner = null) : StorageException(message, inner);
