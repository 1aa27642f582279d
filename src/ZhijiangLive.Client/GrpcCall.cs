using System.Runtime.CompilerServices;
using Google.Protobuf;
using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Client;

/// <summary>
/// One call on the wire, whatever its kind: it sends the request, checks that the response is gRPC, reads its
/// messages and then its status, and turns every way of failing into a <see cref="GrpcStatusException"/>.
/// Disposing a call that has not ended aborts it, which resets the HTTP/2 stream.
/// </summary>
internal sealed class GrpcCall<TResponse> : IDisposable where TResponse : class, IMessage<TResponse>
{
    private static readonly StrongBox<GrpcStatus> s_ok = new(GrpcStatus.Ok);

    private readonly HttpRequestMessage _request;
    private readonly MessageParser<TResponse> _parser;
    private readonly int _maxMessageSize;
    private readonly CancellationToken _callerToken;
    private readonly CancellationTokenSource? _cts;
    private readonly CancellationTokenRegistration _callerRegistration;
    private Task<HttpResponseMessage>? _responseTask;
    private HttpResponseMessage? _response;
    private ResponseReader? _reader;
    private volatile bool _aborted;
    // Boxed so that a writer on another thread reads it whole.
    private volatile StrongBox<GrpcStatus>? _final;

    /// <param name="abortable">Whether the call may be aborted while a send or read is pending, which needs a token source of its own.</param>
    public GrpcCall(HttpRequestMessage request, MessageParser<TResponse> parser, int maxMessageSize,
        TimeSpan? timeout, TimeProvider time, bool abortable, CancellationToken callerToken)
    {
        _request = request;
        _parser = parser;
        _maxMessageSize = maxMessageSize;
        _callerToken = callerToken;
        if (timeout is not null || abortable)
        {
            _cts = timeout is { } delay ? new CancellationTokenSource(delay, time) : new CancellationTokenSource();
            if (callerToken.CanBeCanceled)
            {
                _callerRegistration = callerToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), _cts);
            }
        }
    }

    /// <summary>The call's final status once its response has ended or it has failed; null before.</summary>
    public GrpcStatus? Status => _final?.Value;

    private CancellationToken Token => _cts?.Token ?? _callerToken;

    public void Start(HttpMessageInvoker invoker) => _responseTask = invoker.SendAsync(_request, Token);

    /// <summary>The next response message, or null once the call has ended with OK.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<TResponse?> ReadAsync()
    {
        if (Status is { } ended)
        {
            return ended.Code == GrpcStatusCode.Ok ? null : throw new GrpcStatusException(ended);
        }
        try
        {
            _reader ??= await OpenAsync().ConfigureAwait(false);
            var message = await _reader.ReadAsync(_parser, Token).ConfigureAwait(false);
            if (message is not null)
            {
                return message;
            }
            var status = StatusMapping.FromTrailers(_response!);
            Finish(status);
            return status.Code == GrpcStatusCode.Ok ? null : throw new GrpcStatusException(status);
        }
        catch (Exception error) when (_final is null)
        {
            throw Fail(error);
        }
    }

    /// <summary>The one message of a unary call, which must be followed by the end of the response.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<TResponse> ReadSingleAsync()
    {
        var message = await ReadAsync().ConfigureAwait(false)
            ?? throw Fail(new GrpcStatusException(GrpcStatusCode.Internal, "the call ended with OK but without a response message"));
        if (await ReadAsync().ConfigureAwait(false) is not null)
        {
            throw Fail(new GrpcStatusException(GrpcStatusCode.Internal, "a unary call received more than one response message"));
        }
        return message;
    }

    /// <summary>Ends the call now with CANCELLED unless it has already ended.</summary>
    public void Abort()
    {
        if (_final is not null)
        {
            return;
        }
        _aborted = true;
        _cts?.Cancel();
        _response?.Dispose();
    }

    /// <summary>What an error in the call amounts to, taking into account who cancelled it.</summary>
    public GrpcStatus Explain(Exception error)
    {
        if (error is GrpcStatusException known)
        {
            return known.Status;
        }
        if (_callerToken.IsCancellationRequested || _aborted)
        {
            return new GrpcStatus(GrpcStatusCode.Cancelled, "the call was cancelled by the client");
        }
        if (_cts?.IsCancellationRequested == true)
        {
            return new GrpcStatus(GrpcStatusCode.DeadlineExceeded, "the deadline passed before the call ended");
        }
        return TransportErrors.ToStatus(error);
    }

    public void Dispose()
    {
        Abort();
        _reader?.Dispose();
        _response?.Dispose();
        _request.Dispose();
        _callerRegistration.Dispose();
        _cts?.Dispose();
        if (_response is null && _responseTask is { } pending)
        {
            // A response that arrived unread, or arrives after all, must still be disposed, or its stream stays open.
            pending.ContinueWith(static t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    t.Result.Dispose();
                }
                else
                {
                    _ = t.Exception; // observed: the call has already ended as the caller wanted
                }
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ResponseReader> OpenAsync()
    {
        _response = await _responseTask!.ConfigureAwait(false);
        if (StatusMapping.FromResponseHeaders(_response) is { } refused)
        {
            throw new GrpcStatusException(refused);
        }
        var body = await _response.Content.ReadAsStreamAsync(Token).ConfigureAwait(false);
        return new ResponseReader(body, StatusMapping.Encoding(_response), _maxMessageSize);
    }

    private GrpcStatusException Fail(Exception error)
    {
        var status = Explain(error);
        Finish(status);
        return error as GrpcStatusException ?? new GrpcStatusException(status);
    }

    private void Finish(GrpcStatus status)
    {
        if (status.Code != GrpcStatusCode.Ok)
        {
            Abort();
        }
        _final = status == GrpcStatus.Ok ? s_ok : new StrongBox<GrpcStatus>(status);
    }
}
