namespace ZhijiangLive.Grains.Tests.Runtime;

public sealed class CounterState
{
    public int Count { get; set; }

    public List<int> Seen { get; } = [];
}
