using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using ZhijiangLive.LoadTests.Live;
using ZhijiangLive.Silo.Hosting;

namespace ZhijiangLive.Silo.Tests.Live;

/// <summary>
/// A minimal SignalR client on the JSON hub protocol over a WebSocket, standing in for the .NET client
/// (which cannot be restored here): invocations awaited to their completion, the hub's calls to the client
/// as a channel, pings answered, the hub's close noted.
/// </summary>
internal sealed class SignalRJsonClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly HubRecords _records;
    private readonly SemaphoreSlim _sending = new(1, 1); // a WebSocket takes one send at a time
    private readonly Channel<HubInvocation> _received = Channel.CreateUnbounded<HubInvocation>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;
    private int _lastInvocationId;
    private volatile bool _closed;
    private int _disposed;

    /// <summary>The longest a connect or an invocation may take: a test that waits on a broken hub fails rather than hangs.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private SignalRJsonClient(ClientWebSocket socket, HubRecords records)
    {
        (_socket, _records) = (socket, records);
        _receiving = Task.Run(ReceiveAsync);
    }

    /// <summary>Connects with a bureau token, as the dashboard does (null: none, to be refused).</summary>
    public static async Task<SignalRJsonClient> ConnectAsync(Uri address, string? accessToken, string hubPath = LiveHosting.HubPath)
    {
        using var timer = new CancellationTokenSource(Timeout);
        var (socket, records) = await HubSocket.OpenAsync(address, hubPath, accessToken, cancellationToken: timer.Token);
        return new SignalRJsonClient(socket, records);
    }

    /// <summary>What the hub called on this client, in order; completes when the connection ends.</summary>
    public ChannelReader<HubInvocation> Received => _received.Reader;

    /// <summary>The error the hub gave when it closed the connection (type 7), or why the socket ended.</summary>
    public string? CloseError { get; private set; }

    /// <summary>Calls a hub method and waits for its completion: its result, or a <see cref="HubCallException"/> with the hub's error.</summary>
    public async Task<JsonElement> InvokeAsync(string method, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref _lastInvocationId).ToString(CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        if (_closed)
        {
            FailPending();
        }
        await SendAsync(new { type = HubMessageType.Invocation, invocationId = id, target = method, arguments });
        return await completion.Task.WaitAsync(Timeout);
    }

    /// <summary>The hub's next call to this client, or a <see cref="TimeoutException"/> if none comes in time.</summary>
    public async Task<HubInvocation> NextAsync(TimeSpan timeout)
    {
        using var timer = new CancellationTokenSource(timeout);
        try
        {
            return await _received.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested)
        {
            throw new TimeoutException($"the hub sent nothing within {timeout.TotalSeconds:0.#} s");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"the connection ended: {CloseError}");
        }
    }

    /// <summary>Everything the hub sent, already or within <paramref name="window"/>: for counting, or for showing that nothing came.</summary>
    public async Task<IReadOnlyList<HubInvocation>> CollectAsync(TimeSpan window)
    {
        var collected = new List<HubInvocation>();
        using var timer = new CancellationTokenSource(window);
        try
        {
            while (await _received.Reader.WaitToReadAsync(timer.Token))
            {
                while (_received.Reader.TryRead(out var invocation))
                {
                    collected.Add(invocation);
                }
            }
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested)
        {
        }
        while (_received.Reader.TryRead(out var invocation))
        {
            collected.Add(invocation);
        }
        return collected;
    }

    private async Task ReceiveAsync()
    {
        try
        {
            while (await _records.NextAsync(_stop.Token) is { } record)
            {
                await DispatchAsync(record);
            }
            CloseError ??= "the hub closed the socket";
        }
        catch (Exception error)
        {
            CloseError ??= error.Message;
        }
        finally
        {
            _closed = true;
            _received.Writer.TryComplete();
            FailPending();
        }
    }

    private async Task DispatchAsync(byte[] record)
    {
        using var document = JsonDocument.Parse(record);
        var message = document.RootElement;
        switch (message.GetProperty("type").GetInt32())
        {
            case HubMessageType.Invocation:
                var arguments = message.GetProperty("arguments").EnumerateArray().Select(a => a.Clone()).ToList();
                await _received.Writer.WriteAsync(new HubInvocation(message.GetProperty("target").GetString()!, arguments));
                break;
            case HubMessageType.Completion:
                Complete(message);
                break;
            case HubMessageType.Ping:
                await SendAsync(new { type = HubMessageType.Ping });
                break;
            case HubMessageType.Close:
                CloseError = message.TryGetProperty("error", out var error) ? error.GetString() : "the hub closed the connection";
                break;
        }
    }

    private void Complete(JsonElement completion)
    {
        if (!_pending.TryRemove(completion.GetProperty("invocationId").GetString()!, out var waiting))
        {
            return;
        }
        if (completion.TryGetProperty("error", out var error))
        {
            waiting.TrySetException(new HubCallException(error.GetString()!));
        }
        else
        {
            waiting.TrySetResult(completion.TryGetProperty("result", out var result) ? result.Clone() : default);
        }
    }

    private void FailPending()
    {
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var waiting))
            {
                waiting.TrySetException(new InvalidOperationException($"the connection ended: {CloseError}"));
            }
        }
    }

    private async Task SendAsync(object message)
    {
        await _sending.WaitAsync();
        try
        {
            await HubSocket.SendRecordAsync(_socket, message);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Drops the connection as a closed browser tab would: the hub sees a disconnect.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _stop.Cancel();
        _socket.Abort();
        await _receiving;
        _socket.Dispose();
        _stop.Dispose();
    }
}
