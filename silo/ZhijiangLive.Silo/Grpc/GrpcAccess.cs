using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Grpc;

/// <summary>Who may call a service: each service declares it once, with <see cref="GrpcAccessAttribute"/>.</summary>
public enum GrpcAccess
{
    /// <summary>Anyone, with or without credentials (health, which load balancers probe, and reflection).</summary>
    Anyone,

    /// <summary>The platform, with an API key (<see cref="PrincipalKind.Platform"/>).</summary>
    Platform,

    /// <summary>An education bureau, with a signed token (<see cref="PrincipalKind.Bureau"/>).</summary>
    Bureau,
}

/// <summary>
/// Endpoint metadata on a gRPC service: who may call it. A gRPC endpoint without it is refused
/// (<see cref="GrpcGate"/>), so no method is ever served without a decision about its callers.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrpcAccessAttribute(GrpcAccess access) : Attribute
{
    public GrpcAccess Access { get; } = access;
}
