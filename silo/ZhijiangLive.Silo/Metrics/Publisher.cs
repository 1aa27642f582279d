using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Metrics;

/// <summary>Who sent a batch, as its ingest counters are labelled: the key's name and <see cref="ApiKeyRing.Id"/>.</summary>
public sealed record Publisher(string Name, string KeyId)
{
    /// <summary>The simulated traffic of <c>--demo</c>, which comes with no key.</summary>
    public static readonly Publisher Demo = new("demo-traffic", "none");

    public static Publisher Of(Principal caller) => new(caller.Name, caller.KeyId ?? "none");
}
