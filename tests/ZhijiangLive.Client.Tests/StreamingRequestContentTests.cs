using System.Threading.Channels;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Client.Tests;

public sealed class StreamingRequestContentTests
{
    private readonly Channel<RentedFrame> _frames = Channel.CreateBounded<RentedFrame>(8);
    private readonly RecordingStream _wire = new();

    private static PublishRequest Request(string eventId) => new() { Events = { new ActivityEvent { EventId = eventId } } };

    private static string Written(PublishRequest request) => "write:" + Convert.ToHexString(Frames.Of(request));

    [Fact]
    public async Task Pump_EachMessage_IsWrittenAsOnePrefixedFrameAndFlushed()
    {
        using var content = new StreamingRequestContent(_frames);
        var pump = content.CopyToAsync(_wire);
        await _frames.Writer.WriteAsync(RentedFrame.Serialize(Request("a"), compress: false));
        await _frames.Writer.WriteAsync(RentedFrame.Serialize(Request("b"), compress: false));
        _frames.Writer.Complete();
        await pump;
        Assert.Equal(Written(Request("a")), await _wire.NextAsync());
        Assert.Equal("flush", await _wire.NextAsync());
        Assert.Equal(Written(Request("b")), await _wire.NextAsync());
        Assert.Equal("flush", await _wire.NextAsync());
        Assert.False(_wire.HasMore);
    }

    [Fact]
    public async Task Pump_FirstMessage_IsOnTheWireBeforeTheSecondIsWritten()
    {
        using var content = new StreamingRequestContent(_frames);
        var pump = content.CopyToAsync(_wire);
        await _frames.Writer.WriteAsync(RentedFrame.Serialize(Request("a"), compress: false));
        Assert.Equal(Written(Request("a")), await _wire.NextAsync());
        Assert.Equal("flush", await _wire.NextAsync());
        Assert.False(pump.IsCompleted);
        _frames.Writer.Complete();
        await pump;
    }

    [Fact]
    public async Task Pump_CompressedMessage_IsFlaggedAndGzipped()
    {
        using var content = new StreamingRequestContent(_frames);
        var pump = content.CopyToAsync(_wire);
        await _frames.Writer.WriteAsync(RentedFrame.Serialize(Request("a"), compress: true));
        _frames.Writer.Complete();
        await pump;
        var bytes = Convert.FromHexString((await _wire.NextAsync())["write:".Length..]);
        Assert.Equal(1, bytes[0]);
        var body = new System.Buffers.ReadOnlySequence<byte>(bytes);
        Assert.True(MessageFrame.TryRead(ref body, 1024, out var message, out var compressed));
        Assert.True(compressed);
        Assert.Equal(Request("a"), PublishRequest.Parser.ParseFrom(MessageCompression.Decompress(message, 1024)));
    }

    [Fact]
    public async Task Pump_WriteFails_ClosesTheChannelWithTheError()
    {
        var reset = new IOException("stream reset");
        _wire.FailWritesWith = reset;
        using var content = new StreamingRequestContent(_frames);
        var pump = content.CopyToAsync(_wire);
        await _frames.Writer.WriteAsync(RentedFrame.Serialize(Request("a"), compress: false));
        var failed = await Assert.ThrowsAsync<HttpRequestException>(() => pump);
        Assert.Same(reset, failed.InnerException);
        var closed = await Assert.ThrowsAsync<ChannelClosedException>(() => _frames.Writer.WriteAsync(RentedFrame.Serialize(Request("b"), false)).AsTask());
        Assert.Same(reset, closed.InnerException);
    }

    [Fact]
    public void Headers_ContentTypeIsGrpcAndLengthIsUnknown()
    {
        using var content = new StreamingRequestContent(_frames);
        Assert.Equal(GrpcContentType.Default, content.Headers.ContentType?.MediaType);
        Assert.Null(content.Headers.ContentLength);
    }
}
