using System.Collections.Concurrent;
using ZhijiangLive.Silo.Tests.Fuzz.Http2;

namespace ZhijiangLive.Silo.Tests.Fuzz;

/// <summary>
/// Sends fuzz cases over raw HTTP/2 connections, several workers at once, each on its own connection (a new
/// one when the server ends it), and judges every answer; failures keep the case that caused them.
/// </summary>
internal sealed class FuzzRunner(Uri address)
{
    private int _requests;

    /// <summary>How many answers of each kind came, by <see cref="FuzzVerdict"/>'s label.</summary>
    public ConcurrentDictionary<string, int> Tally { get; } = new();

    public ConcurrentQueue<string> Failures { get; } = new();

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>One round: <paramref name="workers"/> workers of <paramref name="casesEach"/> cases, seeded from <paramref name="seed"/>.</summary>
    public Task RoundAsync(int seed, int workers, int casesEach) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkAsync(seed * 100 + w, casesEach))));

    private async Task WorkAsync(int seed, int cases)
    {
        var generator = new FuzzCases(address, seed);
        RawHttp2Connection? connection = null;
        FuzzCase? previous = null;
        try
        {
            for (var i = 0; i < cases; i++)
            {
                connection ??= await RawHttp2Connection.ConnectAsync(address);
                var fuzz = generator.Next();
                await SendAsync(connection, fuzz, seed, previous);
                previous = fuzz;
                if (connection.Closed.IsCompleted)
                {
                    await connection.DisposeAsync();
                    connection = null;
                }
            }
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }
    }

    private async Task SendAsync(RawHttp2Connection connection, FuzzCase fuzz, int seed, FuzzCase? previous)
    {
        Interlocked.Increment(ref _requests);
        var exchange = await connection.OpenAsync(fuzz.Headers, endStream: fuzz.EndStream && fuzz.Body.Length == 0, fuzz.HeaderSplits);
        try
        {
            if (fuzz.Body.Length > 0)
            {
                await connection.SendDataAsync(exchange.StreamId, fuzz.Body, fuzz.EndStream, fuzz.DataPieceSize);
            }
            if (fuzz.Kind == FuzzKind.ClientReset)
            {
                await connection.ResetAsync(exchange.StreamId);
                Count("client reset");
                return;
            }
        }
        catch (IOException)
        {
            // The server closed the connection while the rest of the request was on its way: judged below.
        }
        await Task.WhenAny(exchange.Ended, Task.Delay(GrpcOverRawHttp2.ResponseTimeout));
        if (fuzz.Kind == FuzzKind.ConnectionError && exchange.HasEnded && exchange.Ended.Result == StreamEnd.ConnectionEnded)
        {
            await Task.WhenAny(connection.Closed, Task.Delay(GrpcOverRawHttp2.ResponseTimeout));
        }
        var failure = FuzzVerdict.Judge(fuzz, exchange, connection.Closed, connection.EndedByServer, out var label);
        Count(label);
        if (failure is not null)
        {
            Failures.Enqueue($"{failure} (seed {seed}) {fuzz} → {exchange}; the case before on this connection: {previous}");
        }
    }

    private void Count(string label) => Tally.AddOrUpdate(label, 1, (_, n) => n + 1);
}
