using System.Diagnostics;
using System.Net.Sockets;
using ZhijiangLive.Silo.Tests.Fuzz.Http2;
using ZhijiangLive.Silo.Tests.Limits;

namespace ZhijiangLive.Silo.Tests.Fuzz;

/// <summary>
/// Bytes that are not HTTP/2's connection preface, on the gRPC port. Kestrel first reads them as a possible
/// HTTP/1.x request line: with a line end it refuses the connection at once (GOAWAY PROTOCOL_ERROR);
/// without one it waits for more, and only KeepAliveTimeout ends the connection (GOAWAY NO_ERROR).
/// </summary>
public sealed class PrefaceTests() : LimitedSilo("--Zhijiang:Limits:KeepAliveTimeout=00:00:03")
{
    private static readonly byte[] GoAwayProtocolError = [0, 0, 8, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    private static readonly byte[] GoAwayNoError = [0, 0, 8, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    [Fact]
    public async Task GarbageLine_IsRefusedAtOnceWithProtocolError()
    {
        var (answer, _) = await SendGarbageAsync(endWithLine: true);

        Assert.Equal(GoAwayProtocolError, answer);
        await AssertAnotherConnectionIsServedAsync();
    }

    [Fact]
    public async Task GarbageWithoutALineEnd_IsHeldUntilKeepAliveTimeout()
    {
        var (answer, after) = await SendGarbageAsync(endWithLine: false);

        Assert.Equal(GoAwayNoError, answer);
        Assert.InRange(after, TimeSpan.FromSeconds(2.5), GrpcOverRawHttp2.ResponseTimeout);
        await AssertAnotherConnectionIsServedAsync();
    }

    private async Task<(byte[] Answer, TimeSpan After)> SendGarbageAsync(bool endWithLine)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Address.Host, Address.Port);
        var garbage = new byte[64];
        new Random(7).NextBytes(garbage);
        // Random bytes, but no line end unless asked for one.
        for (var i = 0; i < garbage.Length; i++) garbage[i] = garbage[i] is 10 or 13 ? (byte)'x' : garbage[i];
        if (endWithLine) "\r\n"u8.CopyTo(garbage.AsSpan(62));
        var clock = Stopwatch.StartNew();
        await tcp.GetStream().WriteAsync(garbage);
        return (await GrpcOverRawHttp2.ReadUntilClosedAsync(tcp.GetStream()), clock.Elapsed);
    }
}
