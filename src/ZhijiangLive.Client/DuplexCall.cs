using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Google.Protobuf;
using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Client;

/// <summary>
/// A call with streams both ways. One writer and one reader may work at the same time; each request is on the
/// wire when <see cref="WriteAsync"/> has been flushed through, so replies can be read while writing goes on.
/// Disposing a call that has not ended cancels it.
/// </summary>
public sealed class DuplexCall<TRequest, TResponse> : IAsyncEnumerable<TResponse>, IAsyncDisposable
    where TRequest : IMessage<TRequest> where TResponse : class, IMessage<TResponse>
{
    /// <summary>How many serialised requests may wait for the wire before <see cref="WriteAsync"/> waits too.</summary>
    internal const int PendingWrites = 32;

    private readonly GrpcCall<TResponse> _call;
    private readonly Channel<RentedFrame> _frames;
    private readonly bool _compress;

    internal DuplexCall(GrpcCall<TResponse> call, Channel<RentedFrame> frames, bool compress)
    {
        _call = call;
        _frames = frames;
        _compress = compress;
    }

    /// <summary>The final status once the responses have ended or the call has failed; null before.</summary>
    public GrpcStatus? Status => _call.Status;

    /// <summary>Queues one request; it is serialised now, so the message may be changed once this returns.</summary>
    /// <exception cref="GrpcStatusException">The call has failed.</exception>
    /// <exception cref="InvalidOperationException">The request stream was completed, or the call ended with OK.</exception>
    public async ValueTask WriteAsync(TRequest message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_call.Status is { } ended)
        {
            throw WriteFailure(ended, cause: null);
        }
        var frame = RentedFrame.Serialize(message, _compress);
        try
        {
            await _frames.Writer.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            frame.Return();
            // A channel closed with an OperationCanceledException rethrows it as it is, not as ChannelClosedException.
            if (error is ChannelClosedException || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw WriteFailure(_call.Status, error is ChannelClosedException closed ? closed.InnerException : error);
            }
            throw;
        }
    }

    /// <summary>Half-closes: no more requests; the end of the request stream follows those already written.</summary>
    public Task CompleteAsync()
    {
        _frames.Writer.TryComplete();
        return Task.CompletedTask;
    }

    /// <summary>The next reply, or null once the call has ended with OK; cancelling a read cancels the call.</summary>
    /// <exception cref="GrpcStatusException">The call ended with any other status.</exception>
    public async ValueTask<TResponse?> ReadAsync(CancellationToken cancellationToken = default)
    {
        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static s => ((GrpcCall<TResponse>)s!).Abort(), _call)
            : default;
        return await _call.ReadAsync().ConfigureAwait(false);
    }

    /// <summary>The replies until the call ends; a non-OK end throws <see cref="GrpcStatusException"/>.</summary>
    public async IAsyncEnumerable<TResponse> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await ReadAsync(cancellationToken).ConfigureAwait(false) is { } reply)
        {
            yield return reply;
        }
    }

    public IAsyncEnumerator<TResponse> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        ReadAllAsync().GetAsyncEnumerator(cancellationToken);

    private Exception WriteFailure(GrpcStatus? ended, Exception? cause)
    {
        if (ended is { Code: not GrpcStatusCode.Ok } status)
        {
            return new GrpcStatusException(status);
        }
        return ended is null && cause is not null
            ? new GrpcStatusException(_call.Explain(cause))
            : new InvalidOperationException("the request stream is complete or the call has ended");
    }

    public ValueTask DisposeAsync()
    {
        // Completing with an error, not plainly, keeps the pump from ending the request stream as if by choice.
        _frames.Writer.TryComplete(new OperationCanceledException("the call was disposed"));
        _call.Dispose();
        while (_frames.Reader.TryRead(out var frame))
        {
            frame.Return();
        }
        return ValueTask.CompletedTask;
    }
}
