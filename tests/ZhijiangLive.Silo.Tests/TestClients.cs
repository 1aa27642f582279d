using ZhijiangLive.Client;

namespace ZhijiangLive.Silo.Tests;

/// <summary>Our .NET client carrying a test credential: a platform key to publish, a bureau token to read.</summary>
internal static class TestClients
{
    /// <summary>A client for Ingest and Roster (and Health), with <see cref="TestCredentials.PlatformKey"/> unless told otherwise.</summary>
    public static ZhijiangClient Platform(Uri address, string key = TestCredentials.PlatformKey) =>
        new(address, new ZhijiangClientOptions { Metadata = [TestCredentials.Bearer(key)] });

    /// <summary>A client for Query (and Health), with the province's token unless told otherwise.</summary>
    public static ZhijiangClient Bureau(Uri address, string? token = null) =>
        new(address, new ZhijiangClientOptions { Metadata = [TestCredentials.Bearer(token ?? TestCredentials.ProvinceToken)] });
}
