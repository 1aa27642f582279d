using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Contracts.Tests;

public sealed class HeaderTests
{
    [Theory]
    [InlineData("1H", 36_000_000_000L)]
    [InlineData("2M", 1_200_000_000L)]
    [InlineData("3S", 30_000_000L)]
    [InlineData("250m", 2_500_000L)]
    [InlineData("7u", 70L)]
    [InlineData("150n", 2L)]
    [InlineData("1n", 1L)]
    [InlineData("99999999S", 999_999_990_000_000L)]
    public void Timeout_ValidValues_Parse(string text, long ticks)
    {
        Assert.True(GrpcTimeout.TryParse(text, out var timeout));
        Assert.Equal(ticks, timeout.Ticks);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("10s")]
    [InlineData("123456789S")]
    [InlineData("-1S")]
    [InlineData("1.5S")]
    [InlineData(" 1S")]
    public void Timeout_InvalidValues_AreRefused(string? text) => Assert.False(GrpcTimeout.TryParse(text, out _));

    [Fact]
    public void Timeout_FormatThenParse_KeepsTheDuration()
    {
        foreach (var span in new[] { TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(30), TimeSpan.FromDays(3) })
        {
            Assert.True(GrpcTimeout.TryParse(GrpcTimeout.Format(span), out var back));
            Assert.Equal(span, back);
        }
    }

    [Theory]
    [InlineData("teacher 'T1' is locked", "teacher 'T1' is locked")]
    [InlineData("100%", "100%25")]
    [InlineData("教师", "%E6%95%99%E5%B8%88")]
    [InlineData("line\nbreak", "line%0Abreak")]
    public void GrpcMessage_IsPercentEncodedUtf8(string text, string encoded)
    {
        Assert.Equal(encoded, GrpcMessageText.Encode(text));
        Assert.Equal(text, GrpcMessageText.Decode(encoded));
    }

    [Fact]
    public void GrpcMessage_MalformedEscapes_AreKeptAsTheyStand() =>
        Assert.Equal("50%zz and %4", GrpcMessageText.Decode("50%zz and %4"));

    [Theory]
    [InlineData("application/grpc", true)]
    [InlineData("application/grpc+proto", true)]
    [InlineData("application/grpc; charset=utf-8", true)]
    [InlineData("APPLICATION/GRPC", true)]
    [InlineData("application/grpc+json", false)]
    [InlineData("application/grpcx", false)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void ContentType_AcceptsGrpcOnly(string? contentType, bool accepted) =>
        Assert.Equal(accepted, GrpcContentType.IsGrpc(contentType));
}
