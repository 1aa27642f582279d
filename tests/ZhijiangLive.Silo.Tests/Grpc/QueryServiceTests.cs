using ZhijiangLive.Contracts.V1;
using Grpc.Core;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Grpc;

/// <summary>zhijiang.live.v1.Query over gRPC: the same answers as the cluster, and the statuses for what it cannot answer.</summary>
public sealed class QueryServiceTests : SeededSilo
{
    private const string Query = "/zhijiang.live.v1.Query/";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var reply = await Grpc.SendAsync(Publish, RawGrpc.Frame(Batch(
            Login("q1"), Teaching("q2", "s1"), Teaching("q3", "s2"), Teaching("q4", "s3"), Teaching("q5", "s1", teacher: "T2"))));
        Assert.Equal(StatusCode.OK, reply.Status);
        await Silo.Cluster.FlushAsync();
    }

    [Fact]
    public async Task GetTeacher_ReturnsScoresByRule()
    {
        var teacher = await CallAsync("GetTeacher", new GetRequest { Id = "T1" }, TeacherView.Parser);

        Assert.Equal(("王老师", "S1", 11L, 11L, 11L), (teacher.Name, teacher.SchoolId, teacher.Day, teacher.Month, teacher.Year));
        Assert.Equal(10, teacher.DayByRule["teaching"]);
        Assert.Equal(1, teacher.DayByRule["login"]);
        Assert.Equal(1, teacher.LoginStreak);
        Assert.True(teacher.ActiveDay);
    }

    [Fact]
    public async Task GetRegion_AddsUpItsTeachers()
    {
        var region = await CallAsync("GetRegion", new GetRequest { Id = "330000" }, GroupView.Parser);

        Assert.Equal(("浙江省", 2, 16L), (region.Name, region.Teachers, region.Day.Total));
        Assert.Equal(8.0, region.Day.Mean);
        Assert.Equal(1.0, region.Day.ActiveRatio);
    }

    [Fact]
    public async Task GetLeaderboard_RanksTeachersOfAScope()
    {
        var board = await CallAsync("GetLeaderboard",
            new LeaderboardRequest { ScopeId = "S1", Kind = "teachers", Period = Period.Day, Limit = 10 }, LeaderboardView.Parser);

        Assert.Equal(2, board.Total);
        Assert.Equal([(1, "T1", "王老师", 11.0), (2, "T2", "李老师", 5.0)], board.Entries.Select(e => (e.Rank, e.Id, e.Name, e.Score)));
    }

    [Fact]
    public async Task ExplainTeacher_ListsTheDaysDecisions()
    {
        var ledger = await CallAsync("ExplainTeacher", new GetRequest { Id = "T1" }, Ledger.Parser);

        Assert.True(ledger.Kept && ledger.Complete);
        Assert.Equal(
            [("q1", "login", 1), ("q2", "teaching", 5), ("q3", "teaching", 5), ("q4", "teaching", 0)],
            ledger.Entries.Select(e => (e.EventId, e.Rule, e.Points)));
        Assert.Contains("cap", ledger.Entries[3].Note);
    }

    [Theory]
    [InlineData("GetTeacher")]
    [InlineData("GetSchool")]
    [InlineData("GetRegion")]
    [InlineData("ExplainTeacher")]
    public async Task UnknownId_IsPermissionDenied_AsAnIdOutsideTheRegion(string method)
    {
        var reply = await Grpc.SendAsync(Query + method, RawGrpc.Frame(new GetRequest { Id = "nobody" }));

        Assert.Equal(StatusCode.PermissionDenied, reply.Status);
        Assert.Contains("nobody", reply.Message);
    }

    [Fact]
    public async Task BadDate_IsInvalidArgument()
    {
        var reply = await Grpc.SendAsync(Query + "GetTeacher", RawGrpc.Frame(new GetRequest { Id = "T1", Date = "2026/03/02" }));

        Assert.Equal(StatusCode.InvalidArgument, reply.Status);
        Assert.Contains("YYYY-MM-DD", reply.Message);
    }

    [Theory]
    [InlineData("pupils", 10)]
    [InlineData("teachers", 5000)]
    public async Task UnanswerableLeaderboard_IsInvalidArgument(string kind, int limit)
    {
        var reply = await Grpc.SendAsync(Query + "GetLeaderboard",
            RawGrpc.Frame(new LeaderboardRequest { ScopeId = "330000", Kind = kind, Limit = limit }));

        Assert.Equal(StatusCode.InvalidArgument, reply.Status);
    }

    private async Task<T> CallAsync<T>(string method, Google.Protobuf.IMessage request, Google.Protobuf.MessageParser<T> parser)
        where T : Google.Protobuf.IMessage<T>
    {
        var reply = await Grpc.SendAsync(Query + method, RawGrpc.Frame(request));
        Assert.Equal(StatusCode.OK, reply.Status);
        return Assert.Single(reply.Messages(parser));
    }
}
