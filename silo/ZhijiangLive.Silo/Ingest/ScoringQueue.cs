using ZhijiangLive.Grains.Batching;
using ZhijiangLive.Grains.Cluster;

namespace ZhijiangLive.Silo.Ingest;

/// <summary>
/// Journaled groups on their way to the grains, in journal order. While the grains score one hand-off, the
/// groups journaled meanwhile wait and then go together (<see cref="GatheringQueue{TItem, TResult}"/>): a
/// teacher with events in several of them gets one call for all, in journal order. Under load the hand-offs
/// grow and the grain calls per event fall, which is what bounds ingest on Orleans.
/// </summary>
public sealed class ScoringQueue
{
    private readonly GatheringQueue<IReadOnlyList<AcceptedEvent>, PublishResult> _handoffs;

    public ScoringQueue(ZhijiangCluster cluster) =>
        _handoffs = new(async groups => Split(
            await cluster.PublishCheckedAsync(groups.Count == 1 ? groups[0] : [.. groups.SelectMany(g => g)]).ConfigureAwait(false), groups));

    /// <summary>Hands a group to the grains after every group enqueued before it; completes when it is scored.</summary>
    public Task<PublishResult> EnqueueAsync(IReadOnlyList<AcceptedEvent> events) => _handoffs.EnqueueAsync(events);

    /// <summary>Completes once every group enqueued so far is scored, whether or not it failed.</summary>
    public Task IdleAsync() => _handoffs.IdleAsync();

    /// <summary>Gives each group its own share of the result, indices counted from its first event.</summary>
    private static IReadOnlyList<PublishResult> Split(PublishResult result, IReadOnlyList<IReadOnlyList<AcceptedEvent>> groups)
    {
        if (groups.Count == 1)
        {
            return [result];
        }
        var shares = new List<PublishResult>(groups.Count);
        var from = 0;
        foreach (var events in groups)
        {
            var end = from + events.Count;
            var start = from;
            var rejections = result.Rejections.Where(r => r.Index >= start && r.Index < end).Select(r => r with { Index = r.Index - start }).ToList();
            shares.Add(new PublishResult(events.Count - rejections.Count, rejections, [.. result.Outcomes.Skip(start).Take(events.Count)]));
            from = end;
        }
        return shares;
    }
}
