using ZhijiangLive.Client;
using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Bench;

/// <summary>
/// The platform key the benchmark's in-process silos accept, made afresh for each run, and a client that
/// sends it. The per-key ingest limit stays on but far above any rate reached here, so the figures include
/// the limiter's cost and never its throttling.
/// </summary>
internal static class BenchCredentials
{
    public static readonly string Key = ApiKeyRing.NewKey();

    public static string[] SiloSettings =>
    [
        "--Zhijiang:Auth:ApiKeys:0:Name=bench",
        $"--Zhijiang:Auth:ApiKeys:0:Sha256={ApiKeyRing.Hash(Key)}",
        $"--Zhijiang:Auth:TokenSigningKeys:0={BureauTokens.NewSigningKey()}",
        "--Zhijiang:Limits:IngestEventsPerSecondPerKey=100000000",
        "--Zhijiang:Limits:IngestBurstEventsPerKey=100000000",
    ];

    public static KeyValuePair<string, string> Authorization => new("authorization", $"Bearer {Key}");

    public static ZhijiangClient Client(Uri target, bool multipleConnections = true) => new(target, new ZhijiangClientOptions
    {
        EnableMultipleHttp2Connections = multipleConnections,
        Metadata = [Authorization],
    });
}
