using ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Client;

/// <summary>The annual evaluation rubrics (Evaluation): registrations, expert scores, sheets and rankings.</summary>
public sealed partial class ZhijiangClient
{
    public Task<RubricList> ListRubricsAsync(ZhijiangCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _evaluation.ListRubricsAsync(new ListRubricsRequest(), CallOptionsFor(options, cancellationToken)).ResponseAsync;

    public Task<RosterReply> RegisterCandidatesAsync(RegisterRequest request, ZhijiangCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _evaluation.RegisterAsync(request, CallOptionsFor(options, cancellationToken)).ResponseAsync;

    public Task<RosterReply> ScoreExpertAsync(ScoreExpertRequest request, ZhijiangCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _evaluation.ScoreExpertAsync(request, CallOptionsFor(options, cancellationToken)).ResponseAsync;

    public Task<RubricSheet> GetSheetAsync(SheetRequest request, ZhijiangCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _evaluation.GetSheetAsync(request, CallOptionsFor(options, cancellationToken)).ResponseAsync;

    public Task<EvaluationRanking> GetEvaluationRankingAsync(EvaluationRankingRequest request, ZhijiangCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _evaluation.GetRankingAsync(request, CallOptionsFor(options, cancellationToken)).ResponseAsync;
}
