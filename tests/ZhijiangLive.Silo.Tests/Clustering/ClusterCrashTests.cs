using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Silo.Mapping;
using ZhijiangLive.Silo.Tests.Durability;
using ZhijiangLive.Storage;
using ZhijiangLive.Storage.Postgres;
using ZhijiangLive.Storage.Tests.Postgres;

namespace ZhijiangLive.Silo.Tests.Clustering;

/// <summary>
/// Two silo processes in one cluster on PostgreSQL. Four workers publish through both gateways and send a batch
/// that got no reply to the other one; one silo or the other is killed with SIGKILL at random moments and
/// started again, the silo that writes the journal among them. Afterwards the journal holds exactly the
/// acknowledged events, each once, and both silos answer every teacher, school and region as a fresh
/// single-silo cluster fed the journal does.
/// </summary>
[Collection("postgres")]
public sealed class ClusterCrashTests(PostgresServer postgres)
{
    private const int Kills = 5;

    [Fact]
    public async Task OneOfTwoSilosKilledRepeatedlyUnderLoad_EveryAcknowledgedEventIsJournaledOnce_AndBothSilosAnswerAsAFreshRun()
    {
        var seed = Environment.TickCount;
        var database = await postgres.CreateDatabaseAsync();
        string[] settings = [.. TwoSilos.Settings(database), "--Zhijiang:Store:SnapshotInterval=00:00:00.200",
            $"--Zhijiang:Cluster:LedgerEntriesPerTeacher={CrashTests.LedgerEntries}"];
        using var a = new SiloProcess(settings);
        using var b = new SiloProcess(settings);
        SiloProcess[] silos = [a, b];
        var clients = silos.Select(s => s.PlatformClient()).ToList();
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        try
        {
            await a.StartAsync(clients[0]);
            await b.StartAsync(clients[1]);
            await CrashTests.UpsertUntilAnsweredAsync(clients[1], CrashRoster.Batch(), giveUp.Token);

            var traffic = new AcknowledgingClient(clients, workers: 4, batchSize: 50);
            using var stopNew = new CancellationTokenSource();
            var running = traffic.RunAsync(seed, stopNew.Token, giveUp.Token);
            var random = new Random(seed);
            var killed = new List<string>();
            for (var kill = 0; kill < Kills; kill++)
            {
                await Task.Delay(random.Next(300, 1500));
                var victim = random.Next(2);
                killed.Add(victim == 0 ? "a" : "b");
                silos[victim].Kill();
                await silos[victim].StartAsync(clients[victim], TimeSpan.FromSeconds(90));
            }
            await Task.Delay(500);
            stopNew.Cancel();
            await running;

            Assert.True(traffic.Problems.Count == 0, $"seed {seed}, kills {string.Join(",", killed)}:\n{string.Join("\n", traffic.Problems.Take(5))}");
            await using var store = new PostgresStore(database);
            var journal = await store.ReadAsync(0).ToListAsync();
            var journaled = journal.Where(r => r.Kind == JournalKind.Event).Select(r => r.EventId!).ToList();
            Assert.True(journaled.Count >= 1000, $"only {journaled.Count} events were journaled (seed {seed}, kills {string.Join(",", killed)})");
            Assert.Equal(journaled.Count, journaled.Distinct().Count());
            Assert.Equal(traffic.Acknowledged.Keys.Order(StringComparer.Ordinal), journaled.Order(StringComparer.Ordinal));

            await using var freshSilo = await CrashTests.FreshRunAsync(journal);
            var fresh = freshSilo.Cluster;
            var date = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
            var day = date.ToString("yyyy-MM-dd");
            foreach (var silo in silos)
            {
                using var reader = silo.QueryClient();
                for (var t = 0; t < CrashRoster.Teachers; t++)
                {
                    var id = $"T{t}";
                    Assert.Equal(ViewMapping.ToView((await fresh.GetTeacherAsync(id, date))!), await reader.GetTeacherAsync(new GetRequest { Id = id, Date = day }));
                    AssertSameLedger(id, ViewMapping.ToView((await fresh.ExplainTeacherAsync(id, date))!), await reader.ExplainTeacherAsync(new GetRequest { Id = id, Date = day }));
                }
                // Schools and regions follow their teachers within a forward window or two.
                await UntilEqualAsync(async () =>
                {
                    var pairs = new List<(GroupView, GroupView)>();
                    foreach (var id in Enumerable.Range(0, 4).Select(s => $"S{s}"))
                    {
                        pairs.Add((ViewMapping.ToView((await fresh.GetSchoolAsync(id, date))!), await reader.GetSchoolAsync(new GetRequest { Id = id, Date = day })));
                    }
                    foreach (var id in new[] { "330000", "330100", "330106" })
                    {
                        pairs.Add((ViewMapping.ToView((await fresh.GetRegionAsync(id, date))!), await reader.GetRegionAsync(new GetRequest { Id = id, Date = day })));
                    }
                    return pairs;
                }, giveUp.Token);
            }
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    /// <summary>Equal ledgers, or the first entry where they part, which says whether an event is missing, doubled or reordered.</summary>
    private static void AssertSameLedger(string teacher, Ledger expected, Ledger actual)
    {
        if (expected.Equals(actual))
        {
            return;
        }
        var at = 0;
        while (at < Math.Min(expected.Entries.Count, actual.Entries.Count) && expected.Entries[at].Equals(actual.Entries[at]))
        {
            at++;
        }
        Assert.Fail($"teacher {teacher}: {expected.Entries.Count} entries expected, {actual.Entries.Count} served; first difference at {at}: " +
            $"expected {expected.Entries.ElementAtOrDefault(at)}, served {actual.Entries.ElementAtOrDefault(at)}; " +
            $"expected then {expected.Entries.ElementAtOrDefault(at + 1)}, served then {actual.Entries.ElementAtOrDefault(at + 1)}");
    }

    private static async Task UntilEqualAsync(Func<Task<List<(GroupView Expected, GroupView Actual)>>> pairs, CancellationToken giveUp)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var all = await pairs();
            if (all.All(p => p.Expected.Equals(p.Actual)) || DateTime.UtcNow > deadline)
            {
                Assert.All(all, p => Assert.Equal(p.Expected, p.Actual));
                return;
            }
            await Task.Delay(200, giveUp);
        }
    }
}
