using Xunit.Abstractions;
using ZhijiangLive.Silo.Tests.Durability;
using ZhijiangLive.Storage;
using ZhijiangLive.Storage.Sqlite;

namespace ZhijiangLive.Silo.Tests.Operations;

/// <summary>
/// SIGTERM while platforms publish: the silo stops taking calls, drains, writes its last snapshot round and
/// exits with 0 within its shutdown timeout; nothing it acknowledged is lost, and a restart has nothing to replay.
/// </summary>
public sealed class GracefulShutdownTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(15);
    private readonly string _directory = Directory.CreateTempSubdirectory("zhijiang-shutdown-").FullName;

    private string DatabasePath => Path.Combine(_directory, "journal.db");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task SigtermUnderLoad_ExitsZeroInTime_KeepsEveryAcknowledgedEvent_AndLeavesNothingToReplay()
    {
        using var silo = new SiloProcess("--Zhijiang:Store:Provider=sqlite", $"--Zhijiang:Store:SqlitePath={DatabasePath}",
            $"--Zhijiang:ShutdownTimeout={ShutdownTimeout}");
        using var client = OperationsClients.Platform(silo.GrpcAddress);
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await silo.StartAsync(client);
        await client.UpsertRosterAsync(CrashRoster.Batch());
        var traffic = new AcknowledgingClient(client, workers: 4, batchSize: 50);
        using var stopNew = new CancellationTokenSource();
        var running = traffic.RunAsync(Environment.TickCount, stopNew.Token, giveUp.Token);
        while (traffic.Acknowledged.Count < 2_000)
        {
            await Task.Delay(20, giveUp.Token);
        }

        var (exitCode, took) = await silo.TerminateAsync(ShutdownTimeout + TimeSpan.FromSeconds(5));
        var acknowledgedBeforeExit = traffic.Acknowledged.Keys.ToList();
        output.WriteLine($"SIGTERM to exit: {took.TotalMilliseconds:0} ms, {acknowledgedBeforeExit.Count} events acknowledged");

        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{silo.Output}");
        Assert.True(took < ShutdownTimeout, $"the stop took {took.TotalSeconds:0.0} s");
        var (journaled, last, watermark) = await ReadStoreAsync();
        Assert.Equal(last, watermark);
        Assert.Empty(acknowledgedBeforeExit.Except(journaled));

        // The batches the workers still hold are answered by the next life of the silo.
        await silo.StartAsync(client);
        stopNew.Cancel();
        await running;
        Assert.Equal(0, (await silo.TerminateAsync(ShutdownTimeout + TimeSpan.FromSeconds(5))).ExitCode);

        Assert.Empty(traffic.Problems);
        var (all, _, _) = await ReadStoreAsync();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(traffic.Acknowledged.Keys.Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
    }

    private async Task<(List<string> Events, long LastPosition, long Watermark)> ReadStoreAsync()
    {
        await using var store = new SqliteStore(DatabasePath);
        await store.InitializeAsync();
        var events = new List<string>();
        await foreach (var record in store.ReadAsync(0))
        {
            if (record.Kind == JournalKind.Event)
            {
                events.Add(record.EventId!);
            }
        }
        return (events, await store.LastPositionAsync(), await store.ReadWatermarkAsync());
    }
}
