using ZhijiangLive.Grains.Cluster;
using V1 = ZhijiangLive.Contracts.V1;
using Domain = ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Silo.Ingest;

/// <summary>
/// An event as the engine reads it, with the bytes the journal keeps. The bytes are made by the calling
/// request's thread, so that the one ingest sequence spends its time on appends, not on serialising.
/// </summary>
public readonly record struct IngestEvent(Domain.ActivityEvent Event, byte[] Payload);

/// <summary>One call's work waiting for its turn in the ingest sequence.</summary>
internal abstract class IngestWork
{
    public abstract void Fail(Exception error);
}

/// <summary>A call's events; the result's rejection indexes count within <see cref="Events"/>.</summary>
internal sealed class EventWork(IReadOnlyList<IngestEvent> events) : IngestWork
{
    public IReadOnlyList<IngestEvent> Events { get; } = events;
    public TaskCompletionSource<PublishResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Fail(Exception error) => Result.TrySetException(error);
}

/// <summary>A roster upsert, journaled and applied in its place among the events.</summary>
internal sealed class RosterWork(V1.RosterBatch batch) : IngestWork
{
    public V1.RosterBatch Batch { get; } = batch;
    public TaskCompletionSource<RosterResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override void Fail(Exception error) => Result.TrySetException(error);
}

/// <summary>Work that runs at a point of the ingest order rather than adding to it.</summary>
internal interface ICutWork
{
    void Run(long lastPosition);
}

/// <summary>A snapshot cut: runs with the last journaled position, between two groups.</summary>
internal sealed class CutWork<T>(Func<long, T> cut) : IngestWork, ICutWork
{
    public TaskCompletionSource<T> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Run(long lastPosition)
    {
        try
        {
            Result.TrySetResult(cut(lastPosition));
        }
        catch (Exception error)
        {
            Result.TrySetException(error);
        }
    }

    public override void Fail(Exception error) => Result.TrySetException(error);
}

/// <summary>Work that holds the ingest order while it runs: nothing is handed to the grains until it is done.</summary>
internal sealed class HoldWork(Func<Task> work) : IngestWork
{
    public TaskCompletionSource Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task RunAsync()
    {
        try
        {
            await work();
            Result.TrySetResult();
        }
        catch (Exception error)
        {
            Result.TrySetException(error);
        }
    }

    public override void Fail(Exception error) => Result.TrySetException(error);
}
