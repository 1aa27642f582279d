namespace ZhijiangLive.Grains.Runtime;

/// <summary>Tell: an exception escapes to the partition loop, which reports it.</summary>
internal sealed class TellHandler<TGrain> : WorkHandler where TGrain : Grain
{
    internal static readonly TellHandler<TGrain> Instance = new();

    internal override void Run(Partition partition, in WorkItem item)
    {
        var grain = partition.Activate<TGrain>(item.Target);
        try
        {
            ((Action<TGrain>)item.Arg!)(grain);
        }
        finally
        {
            partition.EndTurn(grain);
        }
    }
}

/// <summary>Ask with a result: the outcome, value or exception, goes to the caller's task.</summary>
internal sealed class AskHandler<TGrain, TResult> : WorkHandler where TGrain : Grain
{
    internal static readonly AskHandler<TGrain, TResult> Instance = new();

    internal override void Run(Partition partition, in WorkItem item)
    {
        var done = (TaskCompletionSource<TResult>)item.Extra!;
        TGrain grain;
        try
        {
            grain = partition.Activate<TGrain>(item.Target);
        }
        catch (Exception error)
        {
            done.TrySetException(error);
            return;
        }
        try
        {
            done.TrySetResult(((Func<TGrain, TResult>)item.Arg!)(grain));
        }
        catch (Exception error)
        {
            done.TrySetException(error);
        }
        finally
        {
            partition.EndTurn(grain);
        }
    }
}
