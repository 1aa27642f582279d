using System.Collections.Concurrent;
using Grpc.Core;
using ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Client.Tests;

/// <summary>An Ingest service whose answers a test scripts, and which records what each call brought.</summary>
public sealed class IngestScript
{
    public Func<PublishRequest, ServerCallContext, Task<PublishReply>> Publish { get; set; } =
        (request, _) => Task.FromResult(new PublishReply { Accepted = request.Events.Count });

    /// <summary>Every request of every call, in arrival order.</summary>
    public ConcurrentQueue<PublishRequest> Requests { get; } = new();

    public ConcurrentQueue<ReceivedCall> Calls { get; } = new();

    /// <summary>Set when a PublishStream call ended, with whether it was cancelled.</summary>
    public TaskCompletionSource<bool> StreamEnded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>After how many requests a PublishStream call fails, and with what; never when null.</summary>
    public (int After, Status Status)? StreamFailure { get; set; }
}

/// <summary>What the server saw of one call: its HTTP headers and deadline.</summary>
public sealed record ReceivedCall(IReadOnlyDictionary<string, string> Headers, DateTime Deadline);

internal sealed class ScriptedIngest(IngestScript script) : Ingest.IngestBase
{
    public override Task<PublishReply> Publish(PublishRequest request, ServerCallContext context)
    {
        Record(context);
        script.Requests.Enqueue(request);
        return script.Publish(request, context);
    }

    public override async Task PublishStream(IAsyncStreamReader<PublishRequest> requests, IServerStreamWriter<PublishReply> replies,
        ServerCallContext context)
    {
        Record(context);
        var seen = 0;
        try
        {
            await foreach (var request in requests.ReadAllAsync(context.CancellationToken))
            {
                script.Requests.Enqueue(request);
                if (script.StreamFailure is { } failure && ++seen > failure.After)
                {
                    throw new RpcException(failure.Status);
                }
                await replies.WriteAsync(new PublishReply { Accepted = request.Events.Count });
            }
            script.StreamEnded.TrySetResult(false);
        }
        catch (Exception) when (context.CancellationToken.IsCancellationRequested)
        {
            script.StreamEnded.TrySetResult(true);
        }
    }

    private void Record(ServerCallContext context) => script.Calls.Enqueue(new ReceivedCall(
        // The HTTP request's headers: Grpc.AspNetCore leaves grpc-encoding and grpc-timeout out of RequestHeaders.
        context.GetHttpContext().Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
        context.Deadline));
}
