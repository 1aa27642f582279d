using ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.LoadTests.Traffic;

/// <summary>What the server must answer for one event of a batch.</summary>
public enum Expect : byte { Accepted, Rejected, Duplicate }

/// <summary>A request and, for each of its events, what the server must answer; resent as it is on a retry.</summary>
public sealed class PlannedBatch(PublishRequest request, Expect[] expected)
{
    public PublishRequest Request { get; } = request;
    public Expect[] Expected { get; } = expected;

    /// <summary>How many times it was sent before; a resend may find events that landed the first time.</summary>
    public int Attempts { get; set; }
}
