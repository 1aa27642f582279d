namespace ZhijiangLive.Grains.Runtime;

/// <summary>
/// The items of one TellMany call that belong to one partition, in the caller's order; one work
/// item for the lot. Each item is its own turn of its grain.
/// </summary>
internal sealed class TellManyBatch<TGrain, TItem>(string kind, Action<TGrain, TItem> deliver, int capacity) : WorkHandler
    where TGrain : Grain
{
    private readonly List<(string Key, TItem Item)> _items = new(capacity);

    internal void Add(string key, TItem item) => _items.Add((key, item));

    internal override void Run(Partition partition, in WorkItem item)
    {
        foreach (var (key, value) in _items)
        {
            var id = new GrainId(kind, key);
            try
            {
                var grain = partition.Activate<TGrain>(id);
                try
                {
                    deliver(grain, value);
                }
                finally
                {
                    partition.EndTurn(grain);
                }
            }
            catch (Exception error)
            {
                partition.Runtime.ReportError(id, error);
            }
        }
    }
}
