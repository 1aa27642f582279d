using System.Net;
using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Client.Tests;

public sealed class StatusMappingTests
{
    private static HttpResponseMessage Response(HttpStatusCode status = HttpStatusCode.OK, string? contentType = GrpcContentType.Default)
    {
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent([]) };
        if (contentType is not null)
        {
            response.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        return response;
    }

    [Theory]
    [InlineData(400, GrpcStatusCode.Internal)]
    [InlineData(401, GrpcStatusCode.Unauthenticated)]
    [InlineData(403, GrpcStatusCode.PermissionDenied)]
    [InlineData(404, GrpcStatusCode.Unimplemented)]
    [InlineData(429, GrpcStatusCode.Unavailable)]
    [InlineData(502, GrpcStatusCode.Unavailable)]
    [InlineData(503, GrpcStatusCode.Unavailable)]
    [InlineData(504, GrpcStatusCode.Unavailable)]
    [InlineData(415, GrpcStatusCode.Unknown)]
    [InlineData(500, GrpcStatusCode.Unknown)]
    public void FromResponseHeaders_HttpStatusOtherThan200_MapsAsTheGrpcSpecSays(int status, GrpcStatusCode expected)
    {
        var mapped = StatusMapping.FromResponseHeaders(Response((HttpStatusCode)status, "text/html"));
        Assert.Equal(expected, mapped?.Code);
        Assert.Contains(status.ToString(), mapped?.Message);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/json")]
    [InlineData(null)]
    public void FromResponseHeaders_200WithoutGrpcContentType_IsUnknown(string? contentType)
    {
        Assert.Equal(GrpcStatusCode.Unknown, StatusMapping.FromResponseHeaders(Response(contentType: contentType))?.Code);
    }

    [Theory]
    [InlineData("application/grpc")]
    [InlineData("application/grpc+proto")]
    public void FromResponseHeaders_200WithGrpcContentType_IsAGrpcResponse(string contentType)
    {
        Assert.Null(StatusMapping.FromResponseHeaders(Response(contentType: contentType)));
    }

    [Fact]
    public void FromTrailers_StatusAndPercentEncodedMessage_AreDecoded()
    {
        var response = Response();
        response.TrailingHeaders.TryAddWithoutValidation("grpc-status", "5");
        response.TrailingHeaders.TryAddWithoutValidation("grpc-message", "%E6%95%99%E5%B8%88%E4%B8%8D%E5%AD%98%E5%9C%A8: t-1 (100%25)");
        Assert.Equal(new GrpcStatus(GrpcStatusCode.NotFound, "教师不存在: t-1 (100%)"), StatusMapping.FromTrailers(response));
    }

    [Fact]
    public void FromTrailers_TrailersOnlyResponse_TakesTheStatusFromTheHeaders()
    {
        var response = Response();
        response.Headers.TryAddWithoutValidation("grpc-status", "12");
        response.Headers.TryAddWithoutValidation("grpc-message", "Method not found!");
        Assert.Equal(new GrpcStatus(GrpcStatusCode.Unimplemented, "Method not found!"), StatusMapping.FromTrailers(response));
    }

    [Fact]
    public void FromTrailers_OkWithoutMessage_IsOk()
    {
        var response = Response();
        response.TrailingHeaders.TryAddWithoutValidation("grpc-status", "0");
        Assert.Equal(GrpcStatus.Ok, StatusMapping.FromTrailers(response));
    }

    [Fact]
    public void FromTrailers_NoStatusAnywhere_IsInternal()
    {
        Assert.Equal(GrpcStatusCode.Internal, StatusMapping.FromTrailers(Response()).Code);
    }

    [Theory]
    [InlineData("abc", GrpcStatusCode.Internal)]
    [InlineData("-1", GrpcStatusCode.Internal)]
    [InlineData("17", GrpcStatusCode.Unknown)]
    [InlineData("99", GrpcStatusCode.Unknown)]
    public void FromTrailers_MalformedOrUnknownStatus_IsNotTakenAtItsWord(string status, GrpcStatusCode expected)
    {
        var response = Response();
        response.TrailingHeaders.TryAddWithoutValidation("grpc-status", status);
        Assert.Equal(expected, StatusMapping.FromTrailers(response).Code);
    }

    [Fact]
    public void Encoding_IsTheResponsesGrpcEncoding()
    {
        var response = Response();
        Assert.Null(StatusMapping.Encoding(response));
        response.Headers.TryAddWithoutValidation("grpc-encoding", "gzip");
        Assert.Equal("gzip", StatusMapping.Encoding(response));
    }
}
