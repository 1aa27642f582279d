namespace ZhijiangLive.Contracts.Wire;

/// <summary>What a gRPC request's <c>content-type</c> may be: <c>application/grpc</c>, <c>+proto</c>, or with parameters.</summary>
public static class GrpcContentType
{
    public const string Default = "application/grpc";

    public static bool IsGrpc(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith(Default, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var rest = contentType.AsSpan(Default.Length);
        return rest.IsEmpty || rest[0] == ';' || rest.StartsWith("+proto", StringComparison.OrdinalIgnoreCase);
    }
}
