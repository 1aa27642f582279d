namespace ZhijiangLive.Grains.Runtime;

/// <summary>
/// One entry of a partition's queue. A struct, so that a Tell allocates nothing beyond the caller's
/// delegate: the handler is a shared instance per grain type, and the call travels in Arg/Extra.
/// Tag is the flush epoch the message counts towards (see <see cref="FlushTracker"/>).
/// </summary>
internal readonly record struct WorkItem(GrainId Target, WorkHandler Handler, object? Arg, object? Extra, long Tag);

/// <summary>What a partition does with a work item, on its own thread.</summary>
internal abstract class WorkHandler
{
    internal abstract void Run(Partition partition, in WorkItem item);
}
