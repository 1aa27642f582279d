using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Tests;

/// <summary>
/// The credentials every test silo is configured with: two platform keys (so that one can be rate-limited
/// while the other is not) and a token signing key, with helpers to present them.
/// </summary>
internal static class TestCredentials
{
    public const string PlatformKey = "zlk_test-platform-key-0123456789abcdef";
    public const string SecondPlatformKey = "zlk_test-second-key-fedcba9876543210";
    public const string SigningKey = "dGVzdC1zaWduaW5nLWtleS0wMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OQ==";
    public const string ProvinceId = "330000";

    /// <summary>The settings that give a silo these credentials.</summary>
    public static readonly string[] SiloSettings =
    [
        "--Zhijiang:Auth:ApiKeys:0:Name=test-platform",
        $"--Zhijiang:Auth:ApiKeys:0:Sha256={ApiKeyRing.Hash(PlatformKey)}",
        "--Zhijiang:Auth:ApiKeys:1:Name=test-second",
        $"--Zhijiang:Auth:ApiKeys:1:Sha256={ApiKeyRing.Hash(SecondPlatformKey)}",
        $"--Zhijiang:Auth:TokenSigningKeys:0={SigningKey}",
    ];

    private static readonly BureauTokens Tokens = new([SigningKey]);

    /// <summary>A bureau token for <paramref name="regionId"/>, valid for a day of real time unless told otherwise.</summary>
    public static string TokenFor(string regionId, TimeSpan? validFor = null) =>
        Tokens.Create(regionId, DateTimeOffset.UtcNow + (validFor ?? TimeSpan.FromDays(1)));

    /// <summary>A bureau token that stops working at <paramref name="expires"/> (in the past, for an expired one).</summary>
    public static string TokenExpiringAt(string regionId, DateTimeOffset expires) => Tokens.Create(regionId, expires);

    /// <summary>The province's token: everything may be read.</summary>
    public static string ProvinceToken => TokenFor(ProvinceId);

    public static KeyValuePair<string, string> Bearer(string credential) => new("authorization", $"Bearer {credential}");
}
