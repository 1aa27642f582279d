using System.Net.Sockets;
using Google.Protobuf;
using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Client.Tests;

public sealed class TransportErrorsTests
{
    [Theory]
    [InlineData(0x0, GrpcStatusCode.Internal)] // NO_ERROR
    [InlineData(0x1, GrpcStatusCode.Internal)] // PROTOCOL_ERROR
    [InlineData(0x2, GrpcStatusCode.Internal)] // INTERNAL_ERROR
    [InlineData(0x7, GrpcStatusCode.Unavailable)] // REFUSED_STREAM
    [InlineData(0x8, GrpcStatusCode.Cancelled)] // CANCEL
    [InlineData(0xB, GrpcStatusCode.ResourceExhausted)] // ENHANCE_YOUR_CALM
    [InlineData(0xC, GrpcStatusCode.PermissionDenied)] // INADEQUATE_SECURITY
    public void FromHttp2ErrorCode_MapsAsTheGrpcSpecSays(long code, GrpcStatusCode expected)
    {
        Assert.Equal(expected, TransportErrors.FromHttp2ErrorCode(code));
    }

    [Fact]
    public void ToStatus_StreamResetInsideARequestException_UsesTheResetCode()
    {
        var error = new HttpRequestException("send failed", new HttpProtocolException(0x8, "stream reset: CANCEL", null));
        Assert.Equal(GrpcStatusCode.Cancelled, TransportErrors.ToStatus(error).Code);
    }

    [Fact]
    public void ToStatus_ConnectionFailures_AreUnavailable()
    {
        Assert.Equal(GrpcStatusCode.Unavailable, TransportErrors.ToStatus(new HttpRequestException("refused", new SocketException(111))).Code);
        Assert.Equal(GrpcStatusCode.Unavailable, TransportErrors.ToStatus(new IOException("connection reset")).Code);
    }

    [Fact]
    public void ToStatus_UnparsableMessage_IsInternal()
    {
        var error = Assert.ThrowsAny<InvalidProtocolBufferException>(() => Contracts.V1.PublishReply.Parser.ParseFrom([0x0A, 0x05]));
        Assert.Equal(GrpcStatusCode.Internal, TransportErrors.ToStatus(error).Code);
    }

    [Fact]
    public void ToStatus_StatusException_KeepsItsStatus()
    {
        var status = new GrpcStatus(GrpcStatusCode.Aborted, "why");
        Assert.Equal(status, TransportErrors.ToStatus(new GrpcStatusException(status)));
    }
}
