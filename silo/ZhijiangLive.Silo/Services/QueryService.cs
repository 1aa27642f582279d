using Grpc.Core;
using ZhijiangLive.Contracts.V1;
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
[GrpcAccess(GrpcAccess.Bureau)]
public sealed class QueryService(ZhijiangCluster cluster, AuditLog audit) : global::ZhijiangLive.Contracts.V1.Query.QueryBase
{
    public const string Name = "zhijiang.live.v1.Query";

    public override Task<TeacherView> GetTeacher(GetRequest request, ServerCallContext context) =>
        ById<Grains.Teachers.TeacherView, TeacherView>(request, context, ScopeKind.Teacher, cluster.GetTeacherAsync, ViewMapping.ToView);

    public override Task<GroupView> GetSchool(GetRequest request, ServerCallContext context) =>
        ById<Grains.GroupView, GroupView>(request, context, ScopeKind.School, cluster.GetSchoolAsync, ViewMapping.ToView);

    public override Task<GroupView> GetRegion(GetRequest request, ServerCallContext context) =>
        ById<Grains.GroupView, GroupView>(request, context, ScopeKind.Region, cluster.GetRegionAsync, ViewMapping.ToView);

    public override Task<Ledger> ExplainTeacher(GetRequest request, ServerCallContext context) =>
        ById<Grains.Teachers.LedgerDay, Ledger>(request, context, ScopeKind.Teacher, cluster.ExplainTeacherAsync, ViewMapping.ToView);

    public override Task<LeaderboardView> GetLeaderboard(LeaderboardRequest request, ServerCallContext context) =>
        GetLeaderboardAsync(request, context.Caller());

    /// <summary>A question about one roster member on a date: NOT_FOUND when the cluster has no answer.</summary>
    private async Task<TView> ById<TAnswer, TView>(GetRequest request, ServerCallContext context,
        ScopeKind kind, Func<string, DateOnly?, Task<TAnswer?>> ask, Func<TAnswer, TView> toView) where TAnswer : class
    {
        var date = DateOf(request.Date);
        Authorize(context.Caller(), kind, request.Id);
        return toView(Found(kind.ToString().ToLowerInvariant(), request.Id, await ask(request.Id, date)));
    }

    /// <summary>Lets the read through (and audits it) when the id is inside the caller's region; refuses it otherwise.</summary>
    private void Authorize(Principal caller, ScopeKind kind, string id)
    {
        if (cluster.Roster.MayRead(caller, kind, id))
        {
            audit.Read(caller, GrpcAdmission.Via, kind, id);
            return;
        }
        audit.Refused(caller, GrpcAdmission.Via, $"{kind} '{id}' is outside region {caller.RegionId} or not on the roster");
        throw new RpcException(new Status(StatusCode.PermissionDenied, $"'{id}' is outside this token's region"));
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
        value ?? throw new RpcException(new Status(StatusCode.NotFound, $"no {kind} '{id}' on the roster"));

    private static RpcException Invalid(string reason) => new(new Status(StatusCode.InvalidArgument, reason));
}
