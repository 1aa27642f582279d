using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Contracts.Wire;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Silo.Api;
using ZhijiangLive.Silo.Grpc;
using ZhijiangLive.Silo.Mapping;
using DomainPeriod = ZhijiangLive.Grains.Periods.Period;

namespace ZhijiangLive.Silo.Services;

/// <summary>
/// <c>zhijiang.live.v1.Query</c>: the JSON API's questions over gRPC. An id not on the roster is NOT_FOUND;
/// a date, kind, period or page that cannot be answered is INVALID_ARGUMENT with the reason.
/// </summary>
public sealed class QueryService(ZhijiangCluster cluster)
{
    public const string Name = "zhijiang.live.v1.Query";

    public void Map(GrpcMethods methods) => methods
        .Unary(Name, "GetTeacher", GetRequest.Parser, ById<Grains.Teachers.TeacherView, TeacherView>("teacher", cluster.GetTeacherAsync, ViewMapping.ToView))
        .Unary(Name, "GetSchool", GetRequest.Parser, ById<Grains.GroupView, GroupView>("school", cluster.GetSchoolAsync, ViewMapping.ToView))
        .Unary(Name, "GetRegion", GetRequest.Parser, ById<Grains.GroupView, GroupView>("region", cluster.GetRegionAsync, ViewMapping.ToView))
        .Unary(Name, "GetLeaderboard", LeaderboardRequest.Parser, GetLeaderboardAsync)
        .Unary(Name, "ExplainTeacher", GetRequest.Parser, ById<Grains.Teachers.LedgerDay, Ledger>("teacher", cluster.ExplainTeacherAsync, ViewMapping.ToView));

    /// <summary>A question about one roster member on a date: NOT_FOUND when the cluster has no answer.</summary>
    private static Func<GetRequest, Task<TView>> ById<TAnswer, TView>(
        string kind, Func<string, DateOnly?, Task<TAnswer?>> ask, Func<TAnswer, TView> toView) where TAnswer : class =>
        async request => toView(Found(kind, request.Id, await ask(request.Id, DateOf(request.Date))));

    private async Task<LeaderboardView> GetLeaderboardAsync(LeaderboardRequest request)
    {
        if (!QueryParameters.TryKind(request.Kind.Length == 0 ? null : request.Kind, out var kind, out var problem))
        {
            throw Invalid(problem!);
        }
        var period = request.Period switch
        {
            Period.Unspecified or Period.Day => DomainPeriod.Day,
            Period.Month => DomainPeriod.Month,
            Period.Year => DomainPeriod.Year,
            var other => throw Invalid($"period {(int)other} is not one of PERIOD_DAY, PERIOD_MONTH, PERIOD_YEAR"),
        };
        var ranking = new RankingRequest(request.ScopeId, kind, period, DateOf(request.Date), request.Offset,
            request.Limit == 0 ? 10 : request.Limit, request.AroundId.Length == 0 ? null : request.AroundId);
        if (ranking.Problem() is { } invalid)
        {
            throw Invalid(invalid);
        }
        try
        {
            var page = await cluster.GetRankingAsync(ranking);
            return ViewMapping.ToView(Found("scope", request.ScopeId, page), cluster.Roster);
        }
        catch (ArgumentException e)
        {
            throw Invalid(e.Message);
        }
    }

    private static DateOnly? DateOf(string text) =>
        QueryParameters.TryDate(text, out var date, out var problem) ? date : throw Invalid(problem!);

    private static T Found<T>(string kind, string id, T? value) where T : class =>
        value ?? throw new GrpcStatusException(GrpcStatusCode.NotFound, $"no {kind} '{id}' on the roster");

    private static GrpcStatusException Invalid(string reason) => new(GrpcStatusCode.InvalidArgument, reason);
}
