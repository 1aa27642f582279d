using ZhijiangLive.Client;
using ZhijiangLive.Contracts.V1;
using Grpc.Core;
using ZhijiangLive.Storage;
using ZhijiangLive.Storage.Postgres;
using ZhijiangLive.Storage.Tests.Postgres;

namespace ZhijiangLive.Silo.Tests.Durability;

/// <summary>PostgreSQL stops while events stream in: ingest says UNAVAILABLE, loses nothing it acknowledged, and resumes by itself.</summary>
[Collection("postgres")]
public sealed class PostgresOutageTests(PostgresServer postgres)
{
    [Fact]
    public async Task PostgresStoppedUnderLoad_IngestAnswersUnavailable_ThenResumes_AndLosesNothingAcknowledged()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        using var silo = new SiloProcess([.. StoreSettings.Postgres(connectionString),
            "--Zhijiang:Store:AppendTimeout=00:00:01", "--Zhijiang:Store:RetryInterval=00:00:00.100"]);
        using var client = silo.PlatformClient();
        using var reader = silo.QueryClient();
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await silo.StartAsync(client);
        await client.UpsertRosterAsync(CrashRoster.Batch());
        var traffic = new AcknowledgingClient(client, workers: 4, batchSize: 50);
        using var stopNew = new CancellationTokenSource();
        var running = traffic.RunAsync(Environment.TickCount, stopNew.Token, giveUp.Token);

        await Until(() => traffic.Acknowledged.Count >= 2_000, giveUp.Token);
        await postgres.StopAsync();
        try
        {
            await Until(() => traffic.Unavailable >= 3, giveUp.Token);
            var unavailable = await Assert.ThrowsAsync<RpcException>(() => client.PublishAsync(
                new PublishRequest { Events = { CrashRoster.Event("while-down", new Random(1), DateTimeOffset.UtcNow) } }));
            Assert.Equal(StatusCode.Unavailable, unavailable.StatusCode);
            // Queries are answered from memory meanwhile.
            var teacher = await reader.GetTeacherAsync(new GetRequest { Id = "T0" });
            Assert.Equal("T0", teacher.Id);
        }
        finally
        {
            await postgres.StartAsync();
        }
        var beforeRestart = traffic.Acknowledged.Count;
        await Until(() => traffic.Acknowledged.Count >= beforeRestart + 2_000, giveUp.Token);
        stopNew.Cancel();
        await running;

        Assert.Empty(traffic.Problems);
        var journaled = new List<string>();
        await using (var store = new PostgresStore(connectionString))
        {
            await foreach (var record in store.ReadAsync(0))
            {
                if (record.Kind == JournalKind.Event)
                {
                    journaled.Add(record.EventId!);
                }
            }
        }
        Assert.Equal(journaled.Count, journaled.Distinct().Count());
        Assert.DoesNotContain("while-down", journaled);
        Assert.Equal(traffic.Acknowledged.Keys.Order(StringComparer.Ordinal), journaled.Order(StringComparer.Ordinal));
    }

    /// <summary>Waits for the traffic to reach a state; the traffic runs on its own, so there is nothing to signal on.</summary>
    private static async Task Until(Func<bool> condition, CancellationToken giveUp)
    {
        while (!condition())
        {
            await Task.Delay(20, giveUp);
        }
    }
}
