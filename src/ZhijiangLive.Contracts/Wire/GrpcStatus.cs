namespace ZhijiangLive.Contracts.Wire;

/// <summary>A call's outcome as it travels in <c>grpc-status</c> and <c>grpc-message</c>.</summary>
public readonly record struct GrpcStatus(GrpcStatusCode Code, string Message)
{
    public static GrpcStatus Ok { get; } = new(GrpcStatusCode.Ok, "");

    public override string ToString() => Message.Length == 0 ? Code.ToString() : $"{Code}: {Message}";
}

/// <summary>Thrown where a call must end with a non-OK status; the server turns it into trailers.</summary>
public sealed class GrpcStatusException(GrpcStatus status) : Exception(status.ToString())
{
    public GrpcStatusException(GrpcStatusCode code, string message) : this(new GrpcStatus(code, message)) { }

    public GrpcStatus Status { get; } = status;
}
