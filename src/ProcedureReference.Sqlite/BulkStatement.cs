using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ProcedureReference.Sqlite;

/// <summary>
/// One prepared INSERT run many times straight through SQLite's C API: values bound by position, step, reset.
/// Microsoft.Data.Sqlite looks every parameter up by name on each execution, which cost the import more than
/// SQLite's own work; errors still surface as <see cref="SqliteException"/>.
/// </summary>
internal sealed class BulkStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public BulkStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    /// <summary>Runs the statement once with <paramref name="values"/> bound to its parameters in order.</summary>
    public void Execute(params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++) Check(Bind(i + 1, values[i]));
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE) Check(rc);
    }

    private int Bind(int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(_statement, index),
        string text => raw.sqlite3_bind_text(_statement, index, text),
        int number => raw.sqlite3_bind_int(_statement, index, number),
        long number => raw.sqlite3_bind_int64(_statement, index, number),
        double number => raw.sqlite3_bind_double(_statement, index, number),
        float number => raw.sqlite3_bind_double(_statement, index, number),
        _ => throw new ArgumentException($"cannot bind a {value.GetType().Name}", nameof(value)),
    };

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Dispose() => _statement.Dispose();
}
