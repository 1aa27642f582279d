using ZhijiangLive.Grains.Batching;

namespace ZhijiangLive.Grains.Tests.Batching;

/// <summary>Items arriving while a batch runs make the next batch, within its size and once per key.</summary>
public sealed class GatheringQueueTests
{
    private readonly List<string[]> _batches = [];
    private readonly TaskCompletionSource _firstStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstMayEnd = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private GatheringQueue<string, string> Queue(int maxBatch = int.MaxValue, Func<string, object>? onceEach = null) => new(async items =>
    {
        lock (_batches)
        {
            _batches.Add([.. items]);
        }
        _firstStarted.TrySetResult();
        await _firstMayEnd.Task;
        return [.. items.Select(i => i.ToUpperInvariant())];
    }, maxBatch, onceEach);

    [Fact]
    public async Task ItemsWaitingWhileABatchRuns_GoTogether_EachGettingItsOwnResult()
    {
        var queue = Queue();
        var first = queue.EnqueueAsync("a");
        await _firstStarted.Task;
        var rest = new[] { "b", "c", "d" }.Select(queue.EnqueueAsync).ToArray();
        _firstMayEnd.SetResult();

        Assert.Equal("A", await first);
        Assert.Equal(["B", "C", "D"], await Task.WhenAll(rest));
        Assert.Equal([["a"], ["b", "c", "d"]], _batches);
    }

    [Fact]
    public async Task ABatchHoldsAtMostMaxBatch_AndAKeyOnce_TheRestWaitingInOrder()
    {
        var queue = Queue(maxBatch: 2, onceEach: item => item[0]);
        var first = queue.EnqueueAsync("a1");
        await _firstStarted.Task;
        var rest = new[] { "b1", "b2", "c1", "d1" }.Select(queue.EnqueueAsync).ToArray();
        _firstMayEnd.SetResult();
        await Task.WhenAll(rest);
        await first;

        Assert.Equal([["a1"], ["b1", "c1"], ["b2", "d1"]], _batches);
    }

    [Fact]
    public async Task AFailedBatch_FailsItsItems_AndIdleStillCompletes()
    {
        var queue = new GatheringQueue<int, int>(_ => throw new InvalidOperationException("store down"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => queue.EnqueueAsync(1));
        await queue.IdleAsync();
    }
}
