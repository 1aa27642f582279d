using ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Client;

/// <summary>The reading side: scores, figures, rankings and explanations (Query).</summary>
public sealed partial class ZhijiangClient
{
    public Task<TeacherView> GetTeacherAsync(GetRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        UnaryAsync(ServiceMethods.GetTeacher, request, TeacherView.Parser, options, cancellationToken);

    public Task<GroupView> GetSchoolAsync(GetRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        UnaryAsync(ServiceMethods.GetSchool, request, GroupView.Parser, options, cancellationToken);

    public Task<GroupView> GetRegionAsync(GetRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        UnaryAsync(ServiceMethods.GetRegion, request, GroupView.Parser, options, cancellationToken);

    public Task<LeaderboardView> GetLeaderboardAsync(LeaderboardRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        UnaryAsync(ServiceMethods.GetLeaderboard, request, LeaderboardView.Parser, options, cancellationToken);

    public Task<Ledger> ExplainTeacherAsync(GetRequest request, CallOptions? options = null, CancellationToken cancellationToken = default) =>
        UnaryAsync(ServiceMethods.ExplainTeacher, request, Ledger.Parser, options, cancellationToken);
}
