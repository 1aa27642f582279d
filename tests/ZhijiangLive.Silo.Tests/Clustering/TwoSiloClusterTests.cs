using System.Diagnostics;
using Grpc.Core;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Grains.Regions;
using ZhijiangLive.Silo.Tests.Durability;
using ZhijiangLive.Silo.Tests.Live;
using ZhijiangLive.Storage.Tests.Postgres;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Clustering;

/// <summary>
/// Two silos, each a whole host (gRPC, JSON, hub), joined in one Orleans cluster on PostgreSQL and sharing its
/// journal: whichever gateway a call reaches, it is journaled once and answered alike.
/// </summary>
[Collection("postgres")]
public sealed class TwoSiloClusterTests(PostgresServer postgres)
{
    private static readonly string[] Regions = ["330000", "330100", "330106"];

    [Fact]
    public async Task EventsThroughEitherGateway_AreJournaledOnce_AndEitherSiloAnswersTheSame()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var a = await TwoSilos.StartAsync(database);
        await using var b = await TwoSilos.StartAsync(database);
        using var toA = a.PlatformClient();
        using var toB = b.PlatformClient();

        var roster = await toB.UpsertRosterAsync(CrashRoster.Batch());
        var first = await toA.PublishAsync(Batch(Login("e1", "T1"), Teaching("e2", "s1", "T2")));
        var resent = await toB.PublishAsync(Batch(Login("e1", "T1"), Teaching("e2", "s1", "T2"), Teaching("e3", "s2", "T5")));
        await TwoSilos.FlushAsync(a);

        Assert.Equal((3, 4, CrashRoster.Teachers), (roster.Regions, roster.Schools, roster.Teachers));
        Assert.Equal((2, 0), (first.Accepted, first.Duplicates));
        Assert.Equal((1, 2), (resent.Accepted, resent.Duplicates));
        Assert.Equal(["e1", "e2", "e3"], await TwoSilos.JournaledEventIdsAsync(database));
        Assert.Equal(CrashRoster.Teachers, b.Cluster.Roster.TeacherCount);
        using var readA = a.QueryClient();
        using var readB = b.QueryClient();
        foreach (var teacher in new[] { "T1", "T2", "T5", "T9" })
        {
            var request = new GetRequest { Id = teacher };
            Assert.Equal(await readA.GetTeacherAsync(request), await readB.GetTeacherAsync(request));
        }
        Assert.Equal(1 + 5 + 5, (await readB.GetRegionAsync(new GetRequest { Id = "330000" })).Day.Total);
        foreach (var region in Regions)
        {
            var request = new GetRequest { Id = region };
            Assert.Equal(await readA.GetRegionAsync(request), await readB.GetRegionAsync(request));
        }
        var hosts = new HashSet<string>();
        for (var t = 0; t < CrashRoster.Teachers; t++)
        {
            hosts.Add((await TwoSilos.HostOfAsync(a, a.Cluster.Grains.GetGrain<Grains.Teachers.ITeacherGrain>($"T{t}")))?.ToString() ?? "none");
        }
        Assert.Equal(2, hosts.Count);
    }

    [Fact]
    public async Task AHubSubscriberOnOneSilo_GetsLiveUpdatesOfARegionWhoseGrainLivesOnTheOther()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var a = await TwoSilos.StartAsync(database);
        await using var b = await TwoSilos.StartAsync(database);
        using var platform = a.PlatformClient();
        await platform.UpsertRosterAsync(CrashRoster.Batch());
        await platform.PublishAsync(Batch(Login("h1", "T1")));

        var subscribers = new List<(string Region, LiveHubClient Hub)>();
        try
        {
            foreach (var region in Regions)
            {
                // Subscribed through the silo the region's grain does not live on.
                var host = await TwoSilos.HostOfAsync(a, a.Cluster.Grains.GetGrain<IRegionGrain>(region));
                var other = a.Cluster.Silo.Equals(host) ? b : a;
                var hub = await LiveHubClient.ConnectAsync(other.Http.BaseAddress!, TestCredentials.ProvinceToken);
                subscribers.Add((region, hub));
                await hub.InvokeAsync("Subscribe", region, "day");
                Assert.Equal("snapshot", (await hub.NextAsync(TimeSpan.FromSeconds(10))).Target);
            }
            await platform.PublishAsync(Batch(Teaching("h2", "s1", "T1")));

            foreach (var (region, hub) in subscribers)
            {
                // The login may still be on its way up when the snapshot is taken; the teaching comes after it.
                HubPush update;
                do
                {
                    update = await hub.NextAsync(TimeSpan.FromSeconds(10));
                    Assert.Equal(("update", region), (update.Target, update.Message.RegionId));
                }
                while (update.Message.TopTeachers![0].Score < 6);
                Assert.Equal(("T1", 6.0), (update.Message.TopTeachers![0].Id, update.Message.TopTeachers[0].Score));
            }
        }
        finally
        {
            foreach (var (_, hub) in subscribers)
            {
                await hub.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task WhenTheJournalsSiloStops_TheOtherTakesTheJournalOver_AndKeepsEveryFigure()
    {
        var database = await postgres.CreateDatabaseAsync();
        var a = await TwoSilos.StartAsync(database);
        await using var b = await TwoSilos.StartAsync(database);
        using var toB = b.PlatformClient();
        await toB.UpsertRosterAsync(CrashRoster.Batch());
        await toB.PublishAsync(Batch(Login("f1", "T1"), Teaching("f2", "s1", "T2")));
        await a.DisposeAsync();

        var taken = await PublishUntilTakenAsync(toB, Batch(Login("f1", "T1"), Teaching("f3", "s2", "T2"), Login("f4", "T3")));
        await TwoSilos.FlushAsync(b);

        Assert.Equal((2, 1), (taken.Accepted, taken.Duplicates));
        Assert.Equal(["f1", "f2", "f3", "f4"], await TwoSilos.JournaledEventIdsAsync(database));
        using var read = b.QueryClient();
        Assert.Equal(1, (await read.GetTeacherAsync(new GetRequest { Id = "T1" })).Day);
        Assert.Equal(10, (await read.GetTeacherAsync(new GetRequest { Id = "T2" })).Day);
        Assert.Equal(1 + 10 + 1, (await read.GetRegionAsync(new GetRequest { Id = "330000" })).Day.Total);
        // Schools that came back on the survivor count their teachers again as those announce themselves.
        var schools = 0L;
        for (var wait = Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromSeconds(15) && schools != 12; await Task.Delay(200))
        {
            schools = 0;
            for (var s = 0; s < 4; s++)
            {
                schools += (await read.GetSchoolAsync(new GetRequest { Id = $"S{s}" })).Day.Total;
            }
        }
        Assert.Equal(12, schools);
    }

    /// <summary>What a platform does while the journal moves: send the same batch again until a silo takes it.</summary>
    private static async Task<PublishReply> PublishUntilTakenAsync(ZhijiangLive.Client.ZhijiangClient client, PublishRequest batch)
    {
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                return await client.PublishAsync(batch, cancellationToken: giveUp.Token);
            }
            catch (RpcException error) when (error.StatusCode == StatusCode.Unavailable && !giveUp.IsCancellationRequested)
            {
                await Task.Delay(200, giveUp.Token);
            }
        }
    }
}
