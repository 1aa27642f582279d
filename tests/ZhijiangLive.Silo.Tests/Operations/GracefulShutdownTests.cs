using Xunit.Abstractions;
using ZhijiangLive.Silo.Tests.Durability;
using ZhijiangLive.Silo.Tests.Grpc;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;
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
        using var silo = new SiloProcess([.. StoreSettings.Sqlite(DatabasePath), $"--Zhijiang:ShutdownTimeout={ShutdownTimeout}"]);
        using var client = TestClients.Platform(silo.GrpcAddress);
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

    [Fact]
    public async Task SigtermWithACallThatNeverEnds_ExitsZero_OnceTheShutdownTimeoutIsSpent()
    {
        var timeout = TimeSpan.FromSeconds(2);
        using var silo = new SiloProcess([.. StoreSettings.Sqlite(DatabasePath), $"--Zhijiang:ShutdownTimeout={timeout}"]);
        using var client = TestClients.Platform(silo.GrpcAddress);
        await silo.StartAsync(client);
        using var raw = new RawGrpc(silo.GrpcAddress);
        // A Publish whose body never ends: the server waits for the rest of it until the stop's time runs out.
        var hanging = raw.SendAsync(Publish, new TrickleContent(RawGrpc.Frame(Batch(Login("never"))), 1 << 16, holdOpen: true),
            headers: ("authorization", $"Bearer {TestCredentials.PlatformKey}"));
        // Nothing tells the client that the server has begun the call; a moment lets the request arrive.
        await Task.Delay(200);

        var (exitCode, took) = await silo.TerminateAsync(timeout + TimeSpan.FromSeconds(10));

        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{silo.Output}");
        Assert.InRange(took, timeout - TimeSpan.FromMilliseconds(100), timeout + TimeSpan.FromSeconds(5));
        Assert.Contains("did not finish within the shutdown timeout", silo.Output);
        await Assert.ThrowsAnyAsync<Exception>(() => hanging);
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
