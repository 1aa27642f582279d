namespace ZhijiangLive.Grains.Runtime;

/// <summary>Runtime housekeeping (idle scans, deactivate-all) run on a partition's thread.</summary>
internal sealed class PartitionAction(Action<Partition> action, bool tracked) : WorkHandler
{
    private readonly TaskCompletionSource? _done =
        tracked ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : null;

    internal Task Completion => _done?.Task ?? Task.CompletedTask;

    internal override void Run(Partition partition, in WorkItem item)
    {
        try
        {
            action(partition);
            _done?.TrySetResult();
        }
        catch (Exception error) when (_done is not null)
        {
            _done.TrySetException(error);
        }
    }
}
