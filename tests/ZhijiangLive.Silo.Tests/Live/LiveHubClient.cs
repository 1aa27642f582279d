using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using ZhijiangLive.LoadTests.Live;
using ZhijiangLive.Silo.Live;

namespace ZhijiangLive.Silo.Tests.Live;

/// <summary>
/// A dashboard as the tests see it: a SignalR .NET client of the hub whose pushes ("snapshot", "update") queue
/// up in arrival order, so a test can wait for the next or collect what came in a window.
/// </summary>
internal sealed class LiveHubClient : IAsyncDisposable
{
    /// <summary>The longest a connect or an invocation may take: a test that waits on a broken hub fails rather than hangs.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly HubConnection _connection;
    private readonly Channel<HubPush> _pushes = Channel.CreateUnbounded<HubPush>();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LiveHubClient(HubConnection connection)
    {
        _connection = connection;
        foreach (var target in (string[])["snapshot", "update"])
        {
            connection.On<LiveMessage>(target, message => _pushes.Writer.TryWrite(new HubPush(target, message)));
        }
        connection.Closed += error =>
        {
            CloseError = error?.Message ?? "the hub closed the connection";
            _pushes.Writer.TryComplete();
            _closed.TrySetResult();
            return Task.CompletedTask;
        };
    }

    /// <summary>Why the connection ended, once it has.</summary>
    public string? CloseError { get; private set; }

    /// <summary>Completes when the connection has ended.</summary>
    public Task Closed => _closed.Task;

    /// <summary>Connects with a bureau token, as the dashboard does (null: none, to be refused), in JSON or MessagePack.</summary>
    public static async Task<LiveHubClient> ConnectAsync(Uri address, string? accessToken, bool messagePack = false)
    {
        var connection = DashboardHub.Connection(address, accessToken, messagePack ? builder => builder.AddMessagePackProtocol() : null);
        var client = new LiveHubClient(connection);
        try
        {
            using var timer = new CancellationTokenSource(Timeout);
            await connection.StartAsync(timer.Token);
            return client;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Calls a hub method and waits for it to complete; a hub error throws <see cref="Microsoft.AspNetCore.SignalR.HubException"/>.</summary>
    public Task InvokeAsync(string method, params object?[] arguments) =>
        _connection.InvokeCoreAsync(method, arguments).WaitAsync(Timeout);

    public Task<T> InvokeAsync<T>(string method, params object?[] arguments) =>
        _connection.InvokeCoreAsync<T>(method, arguments).WaitAsync(Timeout);

    /// <summary>The hub's next push, or a <see cref="TimeoutException"/> if none comes in time.</summary>
    public async Task<HubPush> NextAsync(TimeSpan timeout)
    {
        using var timer = new CancellationTokenSource(timeout);
        try
        {
            return await _pushes.Reader.ReadAsync(timer.Token);
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

    /// <summary>Everything the hub pushed, already or within <paramref name="window"/>: for counting, or for showing that nothing came.</summary>
    public async Task<IReadOnlyList<HubPush>> CollectAsync(TimeSpan window)
    {
        await Task.Delay(window);
        var collected = new List<HubPush>();
        while (_pushes.Reader.TryRead(out var push))
        {
            collected.Add(push);
        }
        return collected;
    }

    /// <summary>Drops the connection as a closed browser tab would: the hub sees a disconnect.</summary>
    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}

/// <summary>One push of the hub: which client method it called, and its message.</summary>
internal sealed record HubPush(string Target, LiveMessage Message);
