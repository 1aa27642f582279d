using ZhijiangLive.Client;
using Grpc.Core;
using ZhijiangLive.LoadTests.Measure;
using ZhijiangLive.LoadTests.Options;
using ZhijiangLive.LoadTests.Traffic;

namespace ZhijiangLive.LoadTests.Transport;

/// <summary>What every sender shares: the options, the pace, the counters, where its events come from and the server's clock.</summary>
public sealed class SendContext(LoadOptions options, Pacer pacer, RunCounters counters, Func<int, EventSource> sources, DateTimeOffset serverStart)
{
    public LoadOptions Options => options;
    public Pacer Pacer => pacer;
    public RunCounters Counters => counters;

    /// <summary>A source of batches for sender <paramref name="index"/>.</summary>
    public EventSource Source(int index) => sources(index);

    /// <summary>The server's clock now: its reading at the start (<c>--now</c>, or this machine's) plus the time run since.</summary>
    public DateTimeOffset ServerNow => serverStart + pacer.Elapsed;

    public ZhijiangClient NewClient() => new(options.Target, new ZhijiangClientOptions
    {
        Metadata = options.Metadata,
        EnableMultipleHttp2Connections = false,
        AcceptAnyServerCertificate = true,
    });

    /// <summary>UNAVAILABLE, DEADLINE_EXCEEDED and failures below gRPC may leave a request unapplied: it is sent again, same ids.</summary>
    public static bool Retryable(StatusCode code) =>
        code is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Unknown or StatusCode.Internal;

    public static Status StatusOf(Exception error) => error switch
    {
        RpcException status => status.Status,
        HttpRequestException or IOException => new Status(StatusCode.Unavailable, error.Message),
        _ => new Status(StatusCode.Unknown, $"{error.GetType().Name}: {error.Message}"),
    };

    /// <summary>100 ms doubling to 5 s, with jitter so that connections do not retry in step.</summary>
    public static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * Math.Pow(2, attempt)) * (0.5 + Random.Shared.NextDouble()));
}
