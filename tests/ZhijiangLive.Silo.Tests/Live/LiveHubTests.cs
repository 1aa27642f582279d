using System.Text.Json;
using ZhijiangLive.Client;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Silo.Live;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;
using RosterBatch = ZhijiangLive.Grains.Cluster.RosterBatch;

namespace ZhijiangLive.Silo.Tests.Live;

/// <summary>
/// The live hub over a real WebSocket, against a silo with the fixtures' roster and the default notify
/// interval of 1 s: snapshots, coalesced updates of only what changed, and who receives them.
/// </summary>
public sealed class LiveHubTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    // After the last event is scored: one interval for the push it causes, then time for any push too many.
    private static readonly TimeSpan AfterBurst = TimeSpan.FromSeconds(2.5);

    private static readonly string Province = TestCredentials.ProvinceToken;

    private RunningSilo _silo = null!;
    private ZhijiangClient _grpc = null!;

    public Task InitializeAsync() => StartAsync();

    private async Task StartAsync(params string[] settings)
    {
        _silo = await RunningSilo.StartAsync(settings);
        await SeedRosterAsync(_silo.Cluster);
        _grpc = _silo.PlatformClient();
    }

    public async Task DisposeAsync()
    {
        _grpc.Dispose();
        await _silo.DisposeAsync();
    }

    [Fact]
    public async Task Subscribe_GivesASnapshot_ThenAnUpdateAfterEvents()
    {
        await PublishAsync(Login("a1"), Teaching("a2", "s1"), Teaching("a3", "s1", teacher: "T2"));
        await using var client = await LiveHubClient.ConnectAsync(_silo.Http.BaseAddress!, Province);

        await client.InvokeAsync("Subscribe", "330106", "day");
        var snapshot = await client.NextAsync(Wait);
        await PublishAsync(Teaching("a4", "s2", teacher: "T2"));
        var update = await client.NextAsync(Wait);

        Assert.Equal("snapshot", snapshot.Target);
        var first = snapshot.Message;
        Assert.Equal(("330106", "西湖区", "county", "day", "2026-03-02"), (first.RegionId, first.RegionName, first.Level, first.Period, first.Date));
        Assert.Equal(new LiveKpi(2, 2, 1.0, 0.15, 5.5, 1, 11, 1, 0), first.Kpi);
        Assert.Equal([Teacher(1, "T1", "王老师", 6), Teacher(2, "T2", "李老师", 5)], first.TopTeachers!);
        Assert.Equal([School("S1", "学军中学", 5.5)], first.TopSchools!);
        Assert.Equal([], first.Children!);
        Assert.Equal("update", update.Target);
        var next = update.Message;
        Assert.Equal(new LiveKpi(2, 2, 1.0, 0.15, 8, 1, 16, 1, 0), next.Kpi);
        Assert.Equal([Teacher(1, "T2", "李老师", 10), Teacher(2, "T1", "王老师", 6)], next.TopTeachers!);
    }

    [Fact]
    public async Task Snapshot_TiedTeachers_SayHowManyShareTheRankAndTheirTieBreak()
    {
        await PublishAsync(Teaching("k1", "s1"), Teaching("k2", "s1", teacher: "T2"));
        await using var client = await LiveHubClient.ConnectAsync(_silo.Http.BaseAddress!, Province);

        await client.InvokeAsync("Subscribe", "330106", "year");
        var message = (await client.NextAsync(Wait)).Message;

        Assert.Equal([(1, "T1", 2, 5.0), (1, "T2", 2, 5.0)], message.TopTeachers!.Select(r => (r.Rank, r.Id, r.Tied, r.TieBreak)));
        Assert.Equal(("month", new LiveThresholds(1, 30, 300)), (message.TieBreakPeriod, message.Thresholds));
    }

    [Fact]
    public async Task AMessagePackSubscriber_GetsWhatAJsonSubscriberGets()
    {
        await PublishAsync(Login("m1"), Teaching("m2", "s1"), Teaching("m3", "s1", teacher: "T2"));
        await using var json = await LiveHubClient.ConnectAsync(_silo.Http.BaseAddress!, Province);
        await using var messagePack = await LiveHubClient.ConnectAsync(_silo.Http.BaseAddress!, Province, messagePack: true);

        await Task.WhenAll(json.InvokeAsync("Subscribe", "330106", "day"), messagePack.InvokeAsync("Subscribe", "330106", "day"));
        var snapshots = await Task.WhenAll(json.NextAsync(Wait), messagePack.NextAsync(Wait));
        await PublishAsync(Teaching("m4", "s2", teacher: "T2"));
        var updates = await Task.WhenAll(json.NextAsync(Wait), messagePack.NextAsync(Wait));

        foreach (var (fromJson, fromMessagePack) in new[] { (snapshots[0], snapshots[1]), (updates[0], updates[1]) })
        {
            Assert.Equal(fromJson.Target, fromMessagePack.Target);
            Assert.Equal(fromJson.Message with { TopTeachers = null, TopSchools = null, Children = null },
                fromMessagePack.Message with { TopTeachers = null, TopSchools = null, Children = null });
            Assert.Equal(fromJson.Message.TopTeachers, fromMessagePack.Message.TopTeachers);
            Assert.Equal(fromJson.Message.TopSchools, fromMessagePack.Message.TopSchools);
            Assert.Equal(fromJson.Message.Children, fromMessagePack.Message.Children);
        }
        Assert.Equal([Teacher(1, "T2", "李老师", 10), Teacher(2, "T1", "王老师", 6)], updates[1].Message.TopTeachers!);
    }

    [Fact]
    public async Task ThousandEventsWithinASecond_ReachASubscriberAsAtMostTwoPushes()
    {
        await _silo.Cluster.UpsertRosterAsync(LiveFixtures.BurstTeachers(100));
        await using var client = await SubscribeAsync("330106", "day");

        var took = await LiveFixtures.PublishConcurrentlyAsync(_grpc, LiveFixtures.Burst(100), batches: 10);
        await _silo.Cluster.FlushAsync();
        var pushes = await client.CollectAsync(AfterBurst);

        Assert.True(took < TimeSpan.FromSeconds(1), $"the burst took {took.TotalMilliseconds:0} ms, not within a second");
        Assert.InRange(pushes.Count, 1, 2);
        Assert.All(pushes, push => Assert.Equal("update", push.Target));
        var last = pushes.Select(p => p.Message.Kpi).Last(k => k is not null);
        Assert.Equal(new LiveKpi(102, 100, 100 / 102.0, 0.15, 1100 / 102.0, 1, 1100, 1, 0), last);
    }

    [Fact]
    public async Task AnotherRegionsSubscriber_ReceivesNothingWhileTheFirstIsBusy()
    {
        await _silo.Cluster.UpsertRosterAsync(LiveFixtures.SecondCounty());
        await _silo.Cluster.UpsertRosterAsync(LiveFixtures.BurstTeachers(100));
        await using var busy = await SubscribeAsync("330106", "day");
        await using var other = await LiveHubClient.ConnectAsync(_silo.Http.BaseAddress!, Province);
        await other.InvokeAsync("Subscribe", "330108", "day");
        var snapshot = await other.NextAsync(Wait);

        await LiveFixtures.PublishConcurrentlyAsync(_grpc, LiveFixtures.Burst(100), batches: 10);
        await _silo.Cluster.FlushAsync();
        var pushes = await Task.WhenAll(busy.CollectAsync(AfterBurst), other.CollectAsync(AfterBurst));

        Assert.Equal(("snapshot", "330108"), (snapshot.Target, snapshot.Message.RegionId));
        Assert.Equal(new LiveKpi(1, 0, 0, 0.15, 0, 1, 0, 1, 0), snapshot.Message.Kpi);
        Assert.NotEmpty(pushes[0]);
        Assert.Empty(pushes[1]);
    }

    [Fact]
    public async Task Reconnect_GivesAFreshSnapshotWithTheCurrentFigures()
    {
        await PublishAsync(Login("r1"));
        await using var before = await SubscribeAsync("330106", "day");
        await PublishAsync(Teaching("r2", "s1"), Teaching("r3", "s1", teacher: "T2"));
        var live = await before.NextAsync(Wait);
        await before.DisposeAsync(); // the browser goes away

        await using var after = await LiveHubClient.ConnectAsync(_silo.Http.BaseAddress!, Province);
        await after.InvokeAsync("Subscribe", "330106", "day");
        var snapshot = await after.NextAsync(Wait);

        Assert.Equal("update", live.Target);
        Assert.Equal("snapshot", snapshot.Target);
        var message = snapshot.Message;
        Assert.Equal(new LiveKpi(2, 2, 1.0, 0.15, 5.5, 1, 11, 1, 0), message.Kpi);
        Assert.Equal([Teacher(1, "T1", "王老师", 6), Teacher(2, "T2", "李老师", 5)], message.TopTeachers!);
        Assert.Equal([School("S1", "学军中学", 5.5)], message.TopSchools!);
        Assert.Equal([], message.Children!);
    }

    [Fact]
    public async Task Update_CarriesOnlyTheSectionsThatChanged()
    {
        // Tops of one member: a change below the top teacher and the top school leaves both tops as they were.
        await _silo.DisposeAsync();
        _grpc.Dispose();
        await StartAsync("--Zhijiang:Cluster:NotifyTop=1");
        await _silo.Cluster.UpsertRosterAsync(new RosterBatch([], [new SchoolEntry("S2", "杭州二中", "330106")], [new TeacherEntry("T3", "孙老师", "S2", "化学", false)]));
        await PublishAsync(Teaching("u1", "s1", teacher: "T3"), Teaching("u2", "s2", teacher: "T3"));
        await using var client = await SubscribeAsync("330106", "day");

        await PublishAsync(Login("u3", teacher: "T2"));
        var belowTheTops = (await client.NextAsync(Wait)).Message;
        await PublishAsync(Login("u4", teacher: "T3"));
        var atTheTops = (await client.NextAsync(Wait)).Message;

        Assert.Equal(new LiveKpi(3, 2, 2 / 3.0, 0.15, 11 / 3.0, 1, 11, 2, 0), belowTheTops.Kpi);
        Assert.Equal((null, null, null), (belowTheTops.TopTeachers, belowTheTops.TopSchools, belowTheTops.Children));
        Assert.Equal(new LiveKpi(3, 2, 2 / 3.0, 0.15, 4, 1, 12, 2, 0), atTheTops.Kpi);
        Assert.Equal([Teacher(1, "T3", "孙老师", 11, school: "杭州二中")], atTheTops.TopTeachers!);
        Assert.Equal([School("S2", "杭州二中", 11)], atTheTops.TopSchools!);
        Assert.Null(atTheTops.Children);
    }

    [Theory]
    [InlineData("999999", "day", "region '999999' is outside this token's region")]
    [InlineData("330106", "week", "period 'week' is not one of day, month, year")]
    [InlineData("330106", "1", "period '1' is not one of day, month, year")]
    [InlineData("330106", "day,month", "period 'day,month' is not one of day, month, year")]
    public async Task Subscribe_ToAnUnknownRegionOrPeriod_FailsWithTheReason(string region, string period, string reason)
    {
        await using var client = await LiveHubClient.ConnectAsync(_silo.Http.BaseAddress!, Province);

        var error = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => client.InvokeAsync("Subscribe", region, period));

        Assert.Equal($"An unexpected error occurred invoking 'Subscribe' on the server. HubException: {reason}", error.Message);
    }

    [Fact]
    public async Task StalledSubscriber_DoesNotDelayAnotherSubscribersUpdates()
    {
        await _silo.Cluster.UpsertRosterAsync(LiveFixtures.LongNamedCounty());
        await using var stalled = await StalledHubConnection.OpenAsync(_silo.Http.BaseAddress!, Province, "Subscribe", "330110", "day");
        await using var reader = await SubscribeAsync("330110", "day");
        var teachers = Enumerable.Range(0, 10).Select(i => $"L{i}").ToList();

        // Each round changes every top teacher's score: a message of 6 MB, on which the stalled one's send gets stuck.
        await PublishAsync([.. teachers.Select(t => Login($"{t}-login", teacher: t))]);
        var first = await reader.NextAsync(TimeSpan.FromSeconds(2));
        await PublishAsync([.. teachers.Select(t => Teaching($"{t}-teaching", "s1", teacher: t))]);
        var second = await reader.NextAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(10, first.Message.Kpi!.Total);
        Assert.Equal(60, second.Message.Kpi!.Total);
    }

    [Fact]
    public async Task Regions_ListsTheRosterParentsFirst()
    {
        await using var client = await LiveHubClient.ConnectAsync(_silo.Http.BaseAddress!, Province);

        var regions = await client.InvokeAsync<List<LiveRegion>>("Regions");

        Assert.Equal(
            [
                new LiveRegion("330000", "浙江省", "province", null),
                new LiveRegion("330100", "杭州市", "city", "330000"),
                new LiveRegion("330106", "西湖区", "county", "330100"),
            ],
            regions!);
    }

    [Fact]
    public async Task SubscribingAgain_ReplacesTheSubscription_WithASnapshotOfTheNewOne()
    {
        await _silo.Cluster.UpsertRosterAsync(LiveFixtures.SecondCounty());
        await using var client = await SubscribeAsync("330106", "day");

        await client.InvokeAsync("Subscribe", "330108", "month");
        var snapshot = await client.NextAsync(Wait);
        await PublishAsync(Login("n1"), Login("n2", teacher: "T9"));
        var pushes = await client.CollectAsync(AfterBurst);

        Assert.Equal(("snapshot", "330108", "month"), (snapshot.Target, snapshot.Message.RegionId, snapshot.Message.Period));
        var update = Assert.Single(pushes);
        Assert.Equal(("update", "330108"), (update.Target, update.Message.RegionId));
        Assert.Equal([Teacher(1, "T9", "陈老师", 1, school: "滨江实验学校", county: "滨江区")], update.Message.TopTeachers!);
    }

    /// <summary>A connection following the region, its snapshot already taken.</summary>
    private async Task<LiveHubClient> SubscribeAsync(string regionId, string period)
    {
        var client = await LiveHubClient.ConnectAsync(_silo.Http.BaseAddress!, Province);
        await client.InvokeAsync("Subscribe", regionId, period);
        Assert.Equal("snapshot", (await client.NextAsync(Wait)).Target);
        return client;
    }

    private async Task PublishAsync(params ActivityEvent[] events)
    {
        var reply = await _grpc.PublishAsync(Batch(events));
        Assert.Equal(events.Length, reply.Accepted);
        await _silo.Cluster.FlushAsync();
    }

    // Alone at its rank, and its tie-break (the month's score for the day, the year's for the month) the same:
    // these tests' events all fall on one day.
    private static LiveTeacherRow Teacher(int rank, string id, string name, double score, string school = "学军中学", string county = "西湖区") =>
        new(rank, id, name, school, county, score, 1, score);

    private static LiveSchoolRow School(string id, string name, double score) => new(1, id, name, "西湖区", score, 1, score);
}
