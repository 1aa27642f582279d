using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Client.Tests;

public sealed class UnaryContentTests
{
    private static readonly PublishRequest s_request = new()
    {
        Events = { new ActivityEvent { EventId = "e-1", TeacherId = "t-1", Login = new Login() } },
    };

    [Fact]
    public async Task CopyTo_WritesTheMessageBehindItsPrefix()
    {
        using var content = new UnaryContent(RentedFrame.Serialize(s_request, compress: false));
        using var body = new MemoryStream();
        await content.CopyToAsync(body);
        Assert.Equal(Frames.Of(s_request), body.ToArray());
    }

    [Fact]
    public async Task CopyTo_Compressed_WritesAFlaggedGzipFrame()
    {
        using var content = new UnaryContent(RentedFrame.Serialize(s_request, compress: true));
        using var body = new MemoryStream();
        await content.CopyToAsync(body);
        Assert.Equal(Frames.Gzipped(s_request), body.ToArray());
    }

    [Fact]
    public async Task CopyTo_Twice_WritesTheSameBytes()
    {
        using var content = new UnaryContent(RentedFrame.Serialize(s_request, compress: false));
        using var first = new MemoryStream();
        using var second = new MemoryStream();
        await content.CopyToAsync(first);
        await content.CopyToAsync(second);
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void Headers_ContentTypeIsGrpcAndLengthIsUnknown()
    {
        using var content = new UnaryContent(RentedFrame.Serialize(s_request, compress: false));
        Assert.Equal(GrpcContentType.Default, content.Headers.ContentType?.MediaType);
        Assert.Null(content.Headers.ContentLength);
    }
}
