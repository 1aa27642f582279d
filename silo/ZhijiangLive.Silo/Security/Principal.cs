namespace ZhijiangLive.Silo.Security;

public enum PrincipalKind
{
    /// <summary>The platform, holding an API key: publishes events and rosters, reads nothing.</summary>
    Platform,

    /// <summary>An education bureau, holding a signed token: reads its region and everything under it.</summary>
    Bureau,
}

/// <summary>
/// Who is calling. <see cref="Name"/> is safe to log: a key's configured name, or a token's id and region,
/// never the secret itself. <see cref="Expires"/> is when a token stops working (null for a key, which does not).
/// </summary>
public sealed record Principal(PrincipalKind Kind, string Name, string? RegionId, DateTimeOffset? Expires = null)
{
    /// <summary>A platform key's <see cref="ApiKeyRing.Id"/>, which labels its ingest counters; null for a token.</summary>
    public string? KeyId { get; init; }

    public static Principal Platform(string keyName, string? keyId = null) =>
        new(PrincipalKind.Platform, $"key:{keyName}", null) { KeyId = keyId };

    public static Principal Bureau(BureauToken token) => new(PrincipalKind.Bureau, $"token:{token.Id}@{token.RegionId}", token.RegionId, token.Expires);
}
