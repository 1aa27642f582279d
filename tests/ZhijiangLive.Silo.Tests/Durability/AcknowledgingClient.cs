using System.Collections.Concurrent;
using ZhijiangLive.Client;
using Grpc.Core;
using ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Silo.Tests.Durability;

/// <summary>
/// Publishes batches from several workers, as a platform would: a batch that gets no reply (the silo died,
/// the call failed) is sent again, with the same event ids, until one comes. Every event of an answered
/// batch is acknowledged (accepted, or a duplicate of one accepted before); none may be refused. With several
/// clients (the gateways of a cluster), worker w starts on client w and sends a batch that got no reply to the next.
/// </summary>
internal sealed class AcknowledgingClient(IReadOnlyList<ZhijiangClient> clients, int workers, int batchSize)
{
    public AcknowledgingClient(ZhijiangClient client, int workers, int batchSize) : this([client], workers, batchSize)
    {
    }

    private readonly ConcurrentDictionary<string, int> _acknowledged = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private int _retries;
    private int _unavailable;

    public IReadOnlyDictionary<string, int> Acknowledged => _acknowledged;
    public IReadOnlyCollection<string> Problems => _problems;
    public int Retries => _retries;

    /// <summary>How many calls were answered UNAVAILABLE (as opposed to failing to connect at all).</summary>
    public int Unavailable => _unavailable;

    /// <summary>Sends new batches until <paramref name="stopNew"/> is cancelled, then finishes the batches it holds.</summary>
    public Task RunAsync(int seed, CancellationToken stopNew, CancellationToken giveUp) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(w => WorkAsync(w, new Random(seed * 31 + w), stopNew, giveUp)));

    private async Task WorkAsync(int worker, Random random, CancellationToken stopNew, CancellationToken giveUp)
    {
        for (var b = 0; !stopNew.IsCancellationRequested; b++)
        {
            var request = new PublishRequest();
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < batchSize; i++)
            {
                request.Events.Add(CrashRoster.Event($"w{worker}-b{b}-e{i}", random, now - TimeSpan.FromSeconds(random.Next(3600))));
            }
            var reply = await PublishUntilAnsweredAsync(worker, request, giveUp);
            if (reply.Rejections.Count > 0 || reply.Accepted + reply.Duplicates != batchSize)
            {
                _problems.Enqueue($"batch w{worker}-b{b}: accepted {reply.Accepted}, duplicates {reply.Duplicates}, rejections {reply.Rejections}");
            }
            foreach (var e in request.Events)
            {
                _acknowledged.AddOrUpdate(e.EventId, 1, (_, n) => n + 1);
            }
        }
    }

    private async Task<PublishReply> PublishUntilAnsweredAsync(int worker, PublishRequest request, CancellationToken giveUp)
    {
        for (var attempt = worker; ; attempt++)
        {
            giveUp.ThrowIfCancellationRequested();
            try
            {
                return await clients[attempt % clients.Count].PublishAsync(request, new ZhijiangCallOptions { Timeout = TimeSpan.FromSeconds(5) }, giveUp);
            }
            catch (RpcException error) when (!giveUp.IsCancellationRequested)
            {
                Interlocked.Increment(ref _retries);
                if (error.StatusCode == StatusCode.Unavailable && error.Status.Detail.Contains("journal"))
                {
                    Interlocked.Increment(ref _unavailable);
                }
                await Task.Delay(20, giveUp);
            }
        }
    }
}
