using System.Runtime.CompilerServices;
using Google.Protobuf;
using Grpc.Core;

namespace ZhijiangLive.Client;

/// <summary>
/// A call with streams both ways, over Grpc.Net.Client's. One writer and one reader may work at the same time, so
/// replies can be read while writing goes on. It remembers how the call ended, which the library only tells once.
/// Disposing a call that has not ended cancels it.
/// </summary>
public sealed class DuplexCall<TRequest, TResponse> : IAsyncEnumerable<TResponse>, IAsyncDisposable
    where TRequest : IMessage<TRequest> where TResponse : class, IMessage<TResponse>
{
    private readonly AsyncDuplexStreamingCall<TRequest, TResponse> _call;
    // Boxed so that a reader on another thread sees it whole.
    private volatile StrongBox<Status>? _final;

    internal DuplexCall(AsyncDuplexStreamingCall<TRequest, TResponse> call) => _call = call;

    /// <summary>The final status once the responses have ended or the call has failed; null before.</summary>
    public Status? Status => _final?.Value;

    /// <summary>Sends one request; it is serialised before this returns, so the message may then be changed.</summary>
    /// <exception cref="RpcException">The call has failed.</exception>
    /// <exception cref="InvalidOperationException">The request stream was completed, or the call ended with OK.</exception>
    public async ValueTask WriteAsync(TRequest message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await _call.RequestStream.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException error)
        {
            Remember(error.Status);
            throw;
        }
    }

    /// <summary>Half-closes: no more requests; the end of the request stream follows those already written.</summary>
    public Task CompleteAsync() => _call.RequestStream.CompleteAsync();

    /// <summary>The next reply, or null once the call has ended with OK; cancelling a read cancels the call.</summary>
    /// <exception cref="RpcException">The call ended with any other status.</exception>
    public async ValueTask<TResponse?> ReadAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            if (await _call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                return _call.ResponseStream.Current;
            }
        }
        catch (RpcException error)
        {
            Remember(error.Status);
            throw;
        }
        Remember(_call.GetStatus());
        return null;
    }

    /// <summary>The replies until the call ends; a non-OK end throws <see cref="RpcException"/>.</summary>
    public async IAsyncEnumerable<TResponse> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await ReadAsync(cancellationToken).ConfigureAwait(false) is { } reply)
        {
            yield return reply;
        }
    }

    public IAsyncEnumerator<TResponse> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        ReadAllAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

    public ValueTask DisposeAsync()
    {
        _call.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Remember(Status status) => _final ??= new StrongBox<Status>(status);
}
