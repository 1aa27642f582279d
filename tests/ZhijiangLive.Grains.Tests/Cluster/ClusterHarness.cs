using Orleans.Hosting;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Hosting;
using ZhijiangLive.Grains.Tests.Clock;
using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.RulePacks;

namespace ZhijiangLive.Grains.Tests.Cluster;

/// <summary>
/// A one-silo Orleans cluster whose rules run on a manual clock (Orleans' own timers keep real time), with a small tree: province P; cities C1 (杭州市) and C2 (舟山市);
/// counties K1, K2 under C1 and K3 under C2; schools S1..S6 (two per county); no teachers until added.
/// </summary>
internal sealed class ClusterHarness : IAsyncDisposable
{
    // 10:00 in Shanghai on Monday 2 March 2026.
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private int _nextEventId;

    public ClusterHarness(ClusterOptions? options = null, DateTimeOffset? start = null, Action<ISiloBuilder>? configure = null)
    {
        Clock = new ManualTimeProvider(start ?? Start);
        // Followers are told every 100 ms of real time, so that tests of notifications wait little.
        var withDefaults = options ?? new ClusterOptions { NotifyInterval = TimeSpan.FromMilliseconds(100) };
        Silo = LocalSilo.StartAsync(RulePackLoader.Default, withDefaults, Clock, configure).GetAwaiter().GetResult();
    }

    public ManualTimeProvider Clock { get; }
    public LocalSilo Silo { get; }
    public ZhijiangCluster Cluster => Silo.Cluster;

    public static readonly string[] Schools = ["S1", "S2", "S3", "S4", "S5", "S6"];

    public static string CountyOf(string school) => school switch
    {
        "S1" or "S2" => "K1",
        "S3" or "S4" => "K2",
        _ => "K3",
    };

    public static string CityOf(string county) => county == "K3" ? "C2" : "C1";

    public async Task<RosterResult> BuildTreeAsync()
    {
        var regions = new List<RegionEntry>
        {
            new("P", "浙江省", RegionLevel.Province, null),
            new("C1", "杭州市", RegionLevel.City, "P"),
            new("C2", "舟山市", RegionLevel.City, "P"),
            new("K1", "上城区", RegionLevel.County, "C1"),
            new("K2", "西湖区", RegionLevel.County, "C1"),
            new("K3", "定海区", RegionLevel.County, "C2"),
        };
        var schools = Schools.Select(s => new SchoolEntry(s, $"学校{s}", CountyOf(s))).ToList();
        return await UpsertAsync(new RosterBatch(regions, schools, []));
    }

    public Task<RosterResult> AddTeachersAsync(params TeacherEntry[] teachers) => UpsertAsync(new RosterBatch([], [], teachers));

    /// <summary>Upserts and waits until every grain has taken the change in.</summary>
    public async Task<RosterResult> UpsertAsync(RosterBatch batch)
    {
        var result = await Cluster.UpsertRosterAsync(batch);
        await Cluster.FlushAsync();
        return result;
    }

    public static TeacherEntry Teacher(string id, string school, bool locked = false) => new(id, $"教师{id}", school, "数学", locked);

    public ActivityEvent Event(string teacher, ActivityBody body, DateTimeOffset? at = null, ClientKind client = ClientKind.Pc) =>
        new($"e{Interlocked.Increment(ref _nextEventId)}", teacher, at ?? Clock.GetUtcNow(), client, body);

    /// <summary>Publishes at the clock's now and waits until every report has reached the province.</summary>
    public async Task<PublishResult> PublishAsync(params ActivityEvent[] events)
    {
        var result = await Cluster.PublishAsync(events);
        await Cluster.FlushAsync();
        return result;
    }

    /// <summary>Teaching sessions are the simplest way to give a teacher an exact score: 5 each, 10 a day.</summary>
    public ActivityEvent Teach(string teacher) => Event(teacher, new TeachingSession($"s{_nextEventId + 1}", 2400));

    /// <summary>Moves the clock forward to <paramref name="instant"/>, firing every timer due on the way.</summary>
    public void SetNow(DateTimeOffset instant) => Clock.Advance(instant - Clock.GetUtcNow());

    public ValueTask DisposeAsync() => Silo.DisposeAsync();
}
