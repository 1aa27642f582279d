using ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Client;

/// <summary>The reading side: scores, figures, rankings and explanations (Query).</summary>
public sealed partial class ZhijiangClient
{
    public Task<TeacherView> GetTeacherAsync(GetRequest request, ZhijiangCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _query.GetTeacherAsync(request, CallOptionsFor(options, cancellationToken)).ResponseAsync;

    public Task<GroupView> GetSchoolAsync(GetRequest request, ZhijiangCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _query.GetSchoolAsync(request, CallOptionsFor(options, cancellationToken)).ResponseAsync;

    public Task<GroupView> GetRegionAsync(GetRequest request, ZhijiangCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _query.GetRegionAsync(request, CallOptionsFor(options, cancellationToken)).ResponseAsync;

    public Task<LeaderboardView> GetLeaderboardAsync(LeaderboardRequest request, ZhijiangCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _query.GetLeaderboardAsync(request, CallOptionsFor(options, cancellationToken)).ResponseAsync;

    public Task<Ledger> ExplainTeacherAsync(GetRequest request, ZhijiangCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _query.ExplainTeacherAsync(request, CallOptionsFor(options, cancellationToken)).ResponseAsync;
}
