using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Contracts.Wire;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Silo.Api;
using ZhijiangLive.Silo.Grpc;
using ZhijiangLive.Silo.Mapping;
using ZhijiangLive.Silo.Security;
using DomainPeriod = ZhijiangLive.Grains.Periods.Period;

namespace ZhijiangLive.Silo.Services;

/// <summary>
/// <c>zhijiang.live.v1.Query</c>: the JSON API's questions over gRPC, for a bureau token. A date, kind,
/// period or page that cannot be answered is INVALID_ARGUMENT with the reason; then an id outside the
/// token's region is PERMISSION_DENIED, and so is an id not on the roster, with the same words, so that
/// the answer never tells whether an id exists. Every read and every refusal goes to the audit log.
/// </summary>
public sealed class QueryService(ZhijiangCluster cluster, AuditLog audit)
{
    public const string Name = "zhijiang.live.v1.Query";

    public void Map(GrpcMethods methods) => methods
        .Service(Name, GrpcAccess.Bureau)
        .Unary(Name, "GetTeacher", GetRequest.Parser, ById<Grains.Teachers.TeacherView, TeacherView>(ScopeKind.Teacher, cluster.GetTeacherAsync, ViewMapping.ToView))
        .Unary(Name, "GetSchool", GetRequest.Parser, ById<Grains.GroupView, GroupView>(ScopeKind.School, cluster.GetSchoolAsync, ViewMapping.ToView))
        .Unary(Name, "GetRegion", GetRequest.Parser, ById<Grains.GroupView, GroupView>(ScopeKind.Region, cluster.GetRegionAsync, ViewMapping.ToView))
        .Unary(Name, "GetLeaderboard", LeaderboardRequest.Parser, (LeaderboardRequest request, GrpcCall call) => GetLeaderboardAsync(request, call.Caller))
        .Unary(Name, "ExplainTeacher", GetRequest.Parser, ById<Grains.Teachers.LedgerDay, Ledger>(ScopeKind.Teacher, cluster.ExplainTeacherAsync, ViewMapping.ToView));

    /// <summary>A question about one roster member on a date: NOT_FOUND when the cluster has no answer.</summary>
    private Func<GetRequest, GrpcCall, Task<TView>> ById<TAnswer, TView>(
        ScopeKind kind, Func<string, DateOnly?, Task<TAnswer?>> ask, Func<TAnswer, TView> toView) where TAnswer : class =>
        async (request, call) =>
        {
            var date = DateOf(request.Date);
            Authorize(call.Caller, kind, request.Id);
            return toView(Found(kind.ToString().ToLowerInvariant(), request.Id, await ask(request.Id, date)));
        };

    /// <summary>Lets the read through (and audits it) when the id is inside the caller's region; refuses it otherwise.</summary>
    private void Authorize(Principal caller, ScopeKind kind, string id)
    {
        if (cluster.Roster.MayRead(caller, kind, id))
        {
            audit.Read(caller, GrpcAdmission.Via, kind, id);
            return;
        }
        audit.Refused(caller, GrpcAdmission.Via, $"{kind} '{id}' is outside region {caller.RegionId} or not on the roster");
        throw new GrpcStatusException(GrpcStatusCode.PermissionDenied, $"'{id}' is outside this token's region");
    }

    private async Task<LeaderboardView> GetLeaderboardAsync(LeaderboardRequest request, Principal caller)
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
        Authorize(caller, ScopeKind.RankingScope, ranking.ScopeId);
        if (ranking.AroundId is { } around)
        {
            // Around whom the page is cut says where that member ranks: it must be inside the region too.
            Authorize(caller, cluster.Roster.Teacher(around) is null ? ScopeKind.RankingScope : ScopeKind.Teacher, around);
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
