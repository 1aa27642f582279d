using Google.Protobuf;
using Grpc.Health.V1;
using ZhijiangLive.Client;
using ZhijiangLive.Contracts.V1;
using Grpc.Core;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Grpc;

/// <summary>Our .NET client against a running silo: every service, both directions of a stream, and the error paths.</summary>
public sealed class ClientEndToEndTests : IAsyncLifetime
{
    private RunningSilo _silo = null!;
    private ZhijiangClient _client = null!;
    private ZhijiangClient _reader = null!;

    public async Task InitializeAsync()
    {
        _silo = await RunningSilo.StartAsync("--Zhijiang:Grpc:MaxMessageSize=65536");
        _client = _silo.PlatformClient();
        _reader = _silo.QueryClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        _reader.Dispose();
        await _silo.DisposeAsync();
    }

    [Fact]
    public async Task RosterThenEventsThenQueries_AgreeWithTheRules()
    {
        var roster = await _client.UpsertRosterAsync(DemoRoster());
        var published = await _client.PublishAsync(Batch(Login("c1"), Teaching("c2", "s1"), Teaching("c3", "s2"), Login("c4", teacher: "nobody")));
        await _silo.Cluster.FlushAsync();

        var teacher = await _reader.GetTeacherAsync(new GetRequest { Id = "T1" });
        var region = await _reader.GetRegionAsync(new GetRequest { Id = "330106" });
        var board = await _reader.GetLeaderboardAsync(new LeaderboardRequest { ScopeId = "330000", Kind = "teachers", Period = Period.Month });
        var ledger = await _reader.ExplainTeacherAsync(new GetRequest { Id = "T1" });

        Assert.Equal((3, 1, 2, 1), (roster.Regions, roster.Schools, roster.Teachers, roster.Rejections.Count));
        Assert.Equal("INVALID_SCHOOL", roster.Rejections[0].Reason);
        Assert.Equal(3, published.Accepted);
        Assert.Equal((3, "UNKNOWN_TEACHER"), (published.Rejections[0].Index, published.Rejections[0].Reason));
        Assert.Equal((11L, 10L), (teacher.Day, teacher.DayByRule["teaching"]));
        Assert.Equal(11L, region.Day.Total);
        Assert.Equal(("T1", "王老师", 11.0), (board.Entries[0].Id, board.Entries[0].Name, board.Entries[0].Score));
        Assert.Equal(["c1", "c2", "c3"], ledger.Entries.Select(e => e.EventId));
    }

    [Fact]
    public async Task PublishStream_RepliesInterleaveWithRequests()
    {
        await _client.UpsertRosterAsync(DemoRoster());
        await using var stream = _client.OpenPublishStream();
        var accepted = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            await stream.WriteAsync(Batch(Login($"st{i}", offset: TimeSpan.FromDays(-i))));
            accepted.Add((await stream.ReadAsync())!.Accepted);
        }
        await stream.CompleteAsync();

        Assert.Null(await stream.ReadAsync());
        Assert.Equal(StatusCode.OK, stream.Status?.StatusCode);
        Assert.Equal([1, 1, 1, 1, 0], accepted); // the fifth is 4 days late: out of the window
    }

    [Fact]
    public async Task ConcurrentCalls_EachGetTheirOwnOutcome_ThoughScoredTogether()
    {
        await _client.UpsertRosterAsync(DemoRoster());

        var replies = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => _client.PublishAsync(
            Batch(Enumerable.Range(0, i % 3).Select(j => Login($"x{i}-{j}", teacher: "nobody"))
                .Append(Teaching($"c{i}", $"s{i}", teacher: i % 2 == 0 ? "T1" : "T2")).ToArray()))));
        await _silo.Cluster.FlushAsync();

        for (var i = 0; i < replies.Length; i++)
        {
            Assert.Equal(1, replies[i].Accepted);
            Assert.Equal(Enumerable.Range(0, i % 3), replies[i].Rejections.Select(r => r.Index));
            Assert.All(replies[i].Rejections, r => Assert.StartsWith($"x{i}-", r.EventId));
        }
        Assert.Equal(10L, (await _reader.GetTeacherAsync(new GetRequest { Id = "T1" })).DayByRule["teaching"]);
    }

    private static readonly Method<GetRequest, TeacherView> GetPupil = new(MethodType.Unary, "zhijiang.live.v1.Query", "GetPupil",
        Marshallers.Create(r => r.ToByteArray(), GetRequest.Parser.ParseFrom), Marshallers.Create(r => r.ToByteArray(), TeacherView.Parser.ParseFrom));

    [Fact]
    public async Task ErrorPaths_ComeBackAsStatuses()
    {
        var unknown = await Assert.ThrowsAsync<RpcException>(() => _reader.GetTeacherAsync(new GetRequest { Id = "无此人" }));
        var unimplemented = await Assert.ThrowsAsync<RpcException>(() =>
            _reader.CallInvoker.AsyncUnaryCall(GetPupil, null, _reader.CallOptionsFor(null), new GetRequest()).ResponseAsync);
        var huge = Batch(Enumerable.Range(0, 4000).Select(i => Login($"big-{i}")).ToArray());
        var oversize = await Assert.ThrowsAsync<RpcException>(() => _client.PublishAsync(huge));

        // An id not on the roster is outside every token's region: the answer does not tell whether it exists.
        Assert.Equal(StatusCode.PermissionDenied, unknown.StatusCode);
        Assert.Contains("无此人", unknown.Status.Detail);
        Assert.Equal(StatusCode.Unimplemented, unimplemented.StatusCode);
        Assert.Equal(StatusCode.ResourceExhausted, oversize.StatusCode);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await _client.CheckHealthAsync()).Status);
    }

    [Fact]
    public async Task HealthWatch_SaysNotServingAndEnds_WhenTheSiloStops()
    {
        var statuses = new List<HealthCheckResponse.Types.ServingStatus>();
        await using var watch = _client.WatchHealth().GetAsyncEnumerator();
        Assert.True(await watch.MoveNextAsync());
        statuses.Add(watch.Current.Status);

        var stopping = _silo.DisposeAsync().AsTask();
        while (await watch.MoveNextAsync())
        {
            statuses.Add(watch.Current.Status);
        }
        await stopping;

        Assert.Equal([HealthCheckResponse.Types.ServingStatus.Serving, HealthCheckResponse.Types.ServingStatus.NotServing], statuses);
    }

    private static ZhijiangLive.Contracts.V1.RosterBatch DemoRoster()
    {
        var batch = new ZhijiangLive.Contracts.V1.RosterBatch();
        batch.Regions.Add(new Region { Id = "330000", Name = "浙江省", Level = RegionLevel.Province });
        batch.Regions.Add(new Region { Id = "330100", Name = "杭州市", Level = RegionLevel.City, ParentId = "330000" });
        batch.Regions.Add(new Region { Id = "330106", Name = "西湖区", Level = RegionLevel.County, ParentId = "330100" });
        batch.Schools.Add(new School { Id = "S1", Name = "学军中学", CountyId = "330106" });
        batch.Schools.Add(new School { Id = "S9", Name = "无县学校", CountyId = "999999" });
        batch.Teachers.Add(new Teacher { Id = "T1", Name = "王老师", SchoolId = "S1", Subject = "数学" });
        batch.Teachers.Add(new Teacher { Id = "T2", Name = "李老师", SchoolId = "S1", Subject = "语文" });
        return batch;
    }
}
