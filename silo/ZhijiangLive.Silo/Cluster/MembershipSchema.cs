using ZhijiangLive.Storage.Postgres;

namespace ZhijiangLive.Silo.Cluster;

/// <summary>
/// Applies the schema (the membership table among it) to the cluster's database before the Orleans silo starts,
/// which reads that table to join: registered ahead of the silo, as a host starts its services in order.
/// </summary>
public sealed class MembershipSchema(string connectionString) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var store = new PostgresStore(connectionString);
        await store.InitializeAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
