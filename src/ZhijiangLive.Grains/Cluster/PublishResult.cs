using ZhijiangLive.Scoring;

namespace ZhijiangLive.Grains.Cluster;

/// <summary>The fate of a published batch: how many events were accepted, and each refused one with its reason.</summary>
public sealed record PublishResult(int Accepted, IReadOnlyList<EventRejection> Rejections, IReadOnlyList<ScoreOutcome> Outcomes);

/// <summary>A refused event: its index in the batch, its id, the public reason code and a human explanation.</summary>
public sealed record EventRejection(int Index, string EventId, RejectionReason Reason, string Detail)
{
    public string Code => Reason.ToCode();
}
