using Microsoft.Extensions.Hosting;

namespace ProcedureReference.Postgres;

/// <summary>Runs the content-version listener (<see cref="PostgresContentVersions.ListenAsync"/>) for the life of the host.</summary>
public sealed class PostgresVersionListener(PostgresContentVersions versions) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => versions.ListenAsync(stoppingToken);
}
