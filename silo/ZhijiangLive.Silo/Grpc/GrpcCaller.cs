using Grpc.Core;
using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Grpc;

/// <summary>Who is calling, as <see cref="GrpcGate"/> admitted them, carried on the call's HTTP context.</summary>
public sealed record GrpcCaller(Principal Principal);

public static class GrpcCallerExtensions
{
    /// <summary>The caller of a service that requires credentials (the gate admitted no one without them).</summary>
    public static Principal Caller(this ServerCallContext context) =>
        context.GetHttpContext().Features.Get<GrpcCaller>()?.Principal
        ?? throw new InvalidOperationException("this service admits anyone: there is no caller to ask about");
}
