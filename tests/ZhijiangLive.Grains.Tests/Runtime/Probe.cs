using System.Collections.Concurrent;

namespace ZhijiangLive.Grains.Tests.Runtime;

/// <summary>What test grains report, readable from the test thread without sending a message.</summary>
public sealed class Probe
{
    public int Activations;
    public int Deactivations;
    public int Overlaps;
    public int Ticks;
    public int TickThreadId;

    public ConcurrentQueue<string> Log { get; } = new();
}
