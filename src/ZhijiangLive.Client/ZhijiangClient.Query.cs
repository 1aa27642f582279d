using ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Client;

/// <summary>The reading side: scores, figures, rankings and explanations (Query).</summary>
public sealed partial class ZhijiangClient
{
    public async Task<TeacherView> GetTeacherAsync(GetRequest request, ZhijiangCallOptions? options = null, CancellationToken cancellationToken = default) =>
        await _query.GetTeacherAsync(request, CallOptionsFor(options, cancellationToken)).ConfigureAwait(false);

    public async Task<GroupView> GetSchoolAsync(GetRequest request, ZhijiangCallOptions? options = null, CancellationToken cancellationToken = default) =>
        await _query.GetSchoolAsync(request, CallOptionsFor(options, cancellationToken)).ConfigureAwait(false);

    public async Task<GroupView> GetRegionAsync(GetRequest request, ZhijiangCallOptions? options = null, CancellationToken cancellationToken = default) =>
        await _query.GetRegionAsync(request, CallOptionsFor(options, cancellationToken)).ConfigureAwait(false);

    public async Task<LeaderboardView> GetLeaderboardAsync(LeaderboardRequest request, ZhijiangCallOptions? options = null, CancellationToken cancellationToken = default) =>
        await _query.GetLeaderboardAsync(request, CallOptionsFor(options, cancellationToken)).ConfigureAwait(false);

    public async Task<Ledger> ExplainTeacherAsync(GetRequest request, ZhijiangCallOptions? options = null, CancellationToken cancellationToken = default) =>
        await _query.ExplainTeacherAsync(request, CallOptionsFor(options, cancellationToken)).ConfigureAwait(false);
}
