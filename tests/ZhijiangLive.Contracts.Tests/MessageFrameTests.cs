using System.Buffers;
using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Contracts.Tests;

public sealed class MessageFrameTests
{
    private static byte[] Framed(params byte[][] messages)
    {
        var output = new ArrayBufferWriter<byte>();
        foreach (var message in messages)
        {
            MessageFrame.Write(output, message);
        }
        return output.WrittenSpan.ToArray();
    }

    [Fact]
    public void Write_PrefixesFlagAndBigEndianLength()
    {
        Assert.Equal(new byte[] { 0, 0, 0, 0, 3, 7, 8, 9 }, Framed([7, 8, 9]));
    }

    [Fact]
    public void Write_AMessage_SerialisesItBehindItsPrefix()
    {
        var sent = new ZhijiangLive.Contracts.V1.GetRequest { Id = "T1", Date = "2026-03-02" };
        var output = new ArrayBufferWriter<byte>();

        MessageFrame.Write(output, sent);
        var buffer = new ReadOnlySequence<byte>(output.WrittenMemory);

        Assert.True(MessageFrame.TryRead(ref buffer, 1024, out var message, out var compressed));
        Assert.False(compressed);
        Assert.True(buffer.IsEmpty);
        Assert.Equal(sent, ZhijiangLive.Contracts.V1.GetRequest.Parser.ParseFrom(message));
    }

    [Fact]
    public void TryRead_MessageSplitAtEveryByte_ComesOutWholeOnlyAtTheEnd()
    {
        var framed = Framed([.. Enumerable.Range(0, 40).Select(i => (byte)i)]);
        for (var available = 0; available < framed.Length; available++)
        {
            var partial = new ReadOnlySequence<byte>(framed, 0, available);
            Assert.False(MessageFrame.TryRead(ref partial, 1024, out _, out _));
        }
        var whole = new ReadOnlySequence<byte>(framed);
        Assert.True(MessageFrame.TryRead(ref whole, 1024, out var message, out var compressed));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (byte)i), message.ToArray());
        Assert.False(compressed);
        Assert.Equal(0, whole.Length);
    }

    [Fact]
    public void TryRead_SeveralMessagesInOneChunk_ComeOutInOrder()
    {
        var buffer = new ReadOnlySequence<byte>(Framed([1], [], [2, 3]));
        var messages = new List<byte[]>();
        while (MessageFrame.TryRead(ref buffer, 1024, out var message, out _))
        {
            messages.Add(message.ToArray());
        }
        Assert.Equal([[1], [], [2, 3]], messages);
    }

    [Fact]
    public void TryRead_OversizePrefix_IsRefusedBeforeTheBodyArrives()
    {
        var prefixOnly = new ReadOnlySequence<byte>(new byte[] { 0, 0xFF, 0xFF, 0xFF, 0xFF });
        var error = Assert.Throws<GrpcStatusException>(() => MessageFrame.TryRead(ref prefixOnly, 4 * 1024 * 1024, out _, out _));
        Assert.Equal(GrpcStatusCode.ResourceExhausted, error.Status.Code);
    }

    [Fact]
    public void TryRead_BadFlagByte_IsInternal()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 2, 0, 0, 0, 0 });
        var error = Assert.Throws<GrpcStatusException>(() => MessageFrame.TryRead(ref buffer, 1024, out _, out _));
        Assert.Equal(GrpcStatusCode.Internal, error.Status.Code);
    }

    [Fact]
    public void Compression_RoundTrips_AndRefusesWhatWouldGrowTooLarge()
    {
        var message = Enumerable.Repeat((byte)'a', 10_000).ToArray();
        var compressed = MessageCompression.Compress(message);

        Assert.Equal(message, MessageCompression.Decompress(new ReadOnlySequence<byte>(compressed), 10_000));
        var tooLarge = Assert.Throws<GrpcStatusException>(() => MessageCompression.Decompress(new ReadOnlySequence<byte>(compressed), 9_999));
        Assert.Equal(GrpcStatusCode.ResourceExhausted, tooLarge.Status.Code);
        var notGzip = Assert.Throws<GrpcStatusException>(() => MessageCompression.Decompress(new ReadOnlySequence<byte>(new byte[] { 1, 2, 3 }), 100));
        Assert.Equal(GrpcStatusCode.Internal, notGzip.Status.Code);
    }
}
