using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Hosting;
using ZhijiangLive.Grains.Journal;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Teachers;
using ZhijiangLive.Scoring;
using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.RulePacks;

namespace ZhijiangLive.Grains.Tests.Clustering;

/// <summary>
/// Two silos of Orleans' TestCluster. Teachers live on both; the secondary silo is killed between snapshot rounds,
/// and its teachers come back on the primary from their stored rows, behind, and catch up from the journal (here
/// the test's own list of what it handed out, in journal order): every teacher then equals a fresh single silo
/// fed the same events.
/// </summary>
public sealed class TestClusterTests : IAsyncLifetime
{
    private const int Teachers = 24;
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"zhijiang-testcluster-{Guid.NewGuid():N}.db");
    private readonly List<AcceptedEvent> _journal = [];
    private TestCluster _cluster = null!;
    private int _nextId;

    public async Task InitializeAsync() => _cluster = await TestClusterSilos.StartAsync(_path);

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_path)!, Path.GetFileName(_path) + "*"))
        {
            File.Delete(file);
        }
    }

    private ZhijiangCluster FacadeOf(SiloHandle silo) => _cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<ZhijiangCluster>();

    [Fact]
    public async Task TeachersOfAKilledSilo_ComeBackOnTheOther_WithTheirStoredState_AndCatchUpFromTheJournal()
    {
        var primary = FacadeOf(_cluster.Primary ?? throw new InvalidOperationException("the test cluster has no primary silo"));
        primary.Journal = new ListJournal(_journal);
        await primary.UpsertRosterAsync(Roster());
        var random = new Random(7);

        await HandAsync(primary, random, rounds: 3);
        Assert.True(await primary.SaveChangedTeachersAsync(_journal[^1].Position) > 0);
        await HandAsync(primary, random, rounds: 3);
        var secondary = _cluster.SecondarySilos[0];
        var onSecondary = new List<string>();
        for (var t = 0; t < Teachers; t++)
        {
            var host = await _cluster.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(_cluster.Client.GetGrain<ITeacherGrain>($"T{t}"));
            if (secondary.SiloAddress.Equals(host))
            {
                onSecondary.Add($"T{t}");
            }
        }
        Assert.InRange(onSecondary.Count, 1, Teachers - 1);

        await _cluster.KillSiloAsync(secondary);
        await HandAsync(primary, random, rounds: 2);

        await using var fresh = await LocalSilo.StartAsync(RulePackLoader.Default,
            new ClusterOptions { LedgerEntriesPerTeacher = ZhijiangSiloConfigurator.LedgerEntries });
        await fresh.Cluster.UpsertRosterAsync(Roster());
        foreach (var accepted in _journal)
        {
            await fresh.Cluster.PublishCheckedAsync([accepted]);
        }
        for (var t = 0; t < Teachers; t++)
        {
            var id = $"T{t}";
            Assert.Equal(Shape((await fresh.Cluster.GetTeacherAsync(id))!.Scores), Shape((await primary.GetTeacherAsync(id))!.Scores));
            Assert.Equal(EntriesOf(await fresh.Cluster.ExplainTeacherAsync(id)), EntriesOf(await primary.ExplainTeacherAsync(id)));
        }
    }

    private static IEnumerable<LedgerEntry> EntriesOf(LedgerDay? day) => day!.Entries;

    private static string Shape(TeacherScores scores) => string.Join("; ",
        new[] { scores.Day, scores.Month, scores.Year, scores.Lifetime }.Select(p =>
            $"{p.Points}/{p.MobilePoints} " + string.Join(",", p.ByRule.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Value}"))))
        + $"; streak {scores.LoginStreak}";

    /// <summary>Hand-offs of events for random teachers, each scored before the next, positions in journal order.</summary>
    private async Task HandAsync(ZhijiangCluster facade, Random random, int rounds)
    {
        for (var round = 0; round < rounds; round++)
        {
            var handOff = new List<AcceptedEvent>();
            for (var i = 0; i < 40; i++)
            {
                var id = ++_nextId;
                var teacher = $"T{random.Next(Teachers)}";
                ActivityBody body = random.Next(3) switch
                {
                    0 => new Login(),
                    1 => new TeachingSession($"s{id}", 2400),
                    _ => new MobileOperation("message"),
                };
                var now = DateTimeOffset.UtcNow;
                handOff.Add(new AcceptedEvent(new ActivityEvent($"e{id}", teacher, now, ClientKind.Mobile, body), now, id));
            }
            _journal.AddRange(handOff);
            var result = await facade.PublishCheckedAsync(handOff);
            Assert.Empty(result.Rejections);
        }
    }

    private static RosterBatch Roster() => new(
        [new RegionEntry("P", "浙江省", RegionLevel.Province, null), new RegionEntry("C", "杭州市", RegionLevel.City, "P"),
         new RegionEntry("K", "西湖区", RegionLevel.County, "C")],
        [new SchoolEntry("S1", "学校一", "K"), new SchoolEntry("S2", "学校二", "K")],
        [.. Enumerable.Range(0, Teachers).Select(t => new TeacherEntry($"T{t}", $"教师{t}", $"S{t % 2 + 1}", "数学", false))]);

    /// <summary>The journal as the test wrote it.</summary>
    private sealed class ListJournal(List<AcceptedEvent> journal) : IJournalEvents
    {
        public async IAsyncEnumerable<JournalEntry> ReadAsync(long after, long through, [EnumeratorCancellation] CancellationToken cancellation = default)
        {
            await Task.CompletedTask;
            foreach (var accepted in journal.Where(e => e.Position > after && e.Position <= through))
            {
                yield return new JournaledEvent(accepted.Position, accepted.Event, accepted.AcceptedAt);
            }
        }
    }
}
