using System.Net;
using System.Text.Json;
using Grpc.Core;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Storage;
using ZhijiangLive.Storage.Sqlite;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Durability;

/// <summary>
/// A second silo started on the same store takes the journal: the first one refuses events from then on, with
/// the reason, instead of writing beside it, and nothing it acknowledged is lost or counted twice.
/// </summary>
public sealed class JournalFencingTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("zhijiang-fencing-");

    private string[] Sqlite => StoreSettings.Sqlite(Path.Combine(_directory.FullName, "live.db"));

    [Fact]
    public async Task ASecondSiloOnTheSameStore_FencesTheFirst_WhichRefusesEventsAndSaysWhy_WhileTheSecondCountsEverythingOnce()
    {
        await using var first = await RunningSilo.StartAsync(Sqlite);
        using var firstClient = first.PlatformClient();
        await firstClient.UpsertRosterAsync(CrashRoster.Batch());
        Assert.Equal(1, (await firstClient.PublishAsync(Batch(Login("before", "T1")))).Accepted);

        await using var second = await RunningSilo.StartAsync(Sqlite);
        using var secondClient = second.PlatformClient();

        var refused = await Assert.ThrowsAsync<RpcException>(() => firstClient.PublishAsync(Batch(Login("to-the-first", "T2"))));
        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        Assert.Contains("this silo no longer writes the journal", refused.Status.Detail);
        Assert.Contains($"pid {Environment.ProcessId}", refused.Status.Detail);
        Assert.Contains("nothing of this batch was taken", refused.Status.Detail);
        // For good: the next batch is refused at once, and readiness says why.
        var again = await Assert.ThrowsAsync<RpcException>(() => firstClient.PublishAsync(Batch(Login("again", "T3"))));
        Assert.Equal(StatusCode.Unavailable, again.StatusCode);
        using var ready = await first.Http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Contains("no longer writes the journal", report.RootElement.GetProperty("checks").GetProperty("journal").GetString());

        // The refused events are free to go to the silo that writes the journal now; the acknowledged one is its duplicate.
        var taken = await secondClient.PublishAsync(Batch(Login("before", "T1"), Login("to-the-first", "T2"), Login("again", "T3")));
        Assert.Equal(2, taken.Accepted);
        Assert.Equal(1, taken.Duplicates);
        using var reader = second.QueryClient();
        foreach (var teacher in new[] { "T1", "T2", "T3" })
        {
            Assert.Equal(1, (await reader.GetTeacherAsync(new GetRequest { Id = teacher })).Day);
        }
        await using var store = new SqliteStore(Path.Combine(_directory.FullName, "live.db"));
        await store.InitializeAsync();
        var ids = await store.ReadAsync(0).Where(r => r.Kind == JournalKind.Event).Select(r => r.EventId).ToListAsync();
        Assert.Equal(["before", "to-the-first", "again"], ids);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
