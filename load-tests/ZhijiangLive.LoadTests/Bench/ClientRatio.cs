using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using ZhijiangLive.Client;
using ZhijiangLive.Contracts.V1;
using V1 = ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.LoadTests.Bench;

/// <summary>
/// Our client against h2load on one endpoint: the same pre-encoded unary <c>Publish</c> of one valid event, sent
/// again and again (after its first time it is a duplicate, the cheapest answer), over one connection with the same
/// number of concurrent calls. The ratio makes figures from different machines comparable.
/// </summary>
public static class ClientRatio
{
    /// <summary>Calls a second of each client (h2load's null when it could not run) and their ratio.</summary>
    public sealed record Figures(double Ours, double? H2Load)
    {
        public double? Ratio => H2Load is { } baseline && baseline > 0 ? Ours / baseline : null;
    }

    public static async Task<Figures> MeasureAsync(Uri target, IReadOnlyList<KeyValuePair<string, string>> metadata, string teacherId,
        DateTimeOffset at, int calls, int concurrency, TextWriter log)
    {
        var request = new PublishRequest();
        request.Events.Add(new V1.ActivityEvent { EventId = "h2load-baseline", TeacherId = teacherId, OccurredAt = Timestamp.FromDateTimeOffset(at), Login = new Login() });
        using var client = new ZhijiangClient(target, new ZhijiangClientOptions { EnableMultipleHttp2Connections = false, Metadata = metadata });
        var first = await client.PublishAsync(request);
        if (first.Rejections.Count > 0)
        {
            throw new InvalidOperationException($"the bench's request is refused ({first.Rejections[0].Reason}: {first.Rejections[0].Detail}); is the roster there?");
        }
        // A tenth of the calls untimed first: h2load is native code, our client's first calls are still being compiled.
        await CallsAsync(client, request, Math.Max(1, calls / 10), concurrency);
        var clock = Stopwatch.StartNew();
        await CallsAsync(client, request, calls, concurrency);
        var ours = calls / clock.Elapsed.TotalSeconds;
        var h2load = await H2Load.RequestsPerSecondAsync(target, "/zhijiang.live.v1.Ingest/Publish", request, calls, concurrency, metadata, log);
        return new Figures(ours, h2load);
    }

    private static Task CallsAsync(ZhijiangClient client, PublishRequest request, int calls, int concurrency)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < calls)
            {
                await client.PublishAsync(request);
            }
        })));
    }
}
