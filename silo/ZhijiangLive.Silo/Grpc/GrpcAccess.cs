using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Grpc;

/// <summary>Who may call a service: each service declares it once, before its methods.</summary>
public enum GrpcAccess
{
    /// <summary>Anyone, with or without credentials (the health service, which load balancers probe).</summary>
    Anyone,

    /// <summary>The platform, with an API key (<see cref="PrincipalKind.Platform"/>).</summary>
    Platform,

    /// <summary>An education bureau, with a signed token (<see cref="PrincipalKind.Bureau"/>).</summary>
    Bureau,
}

/// <summary>A method the endpoint serves: its service, who may call it, and what runs the call.</summary>
public sealed record GrpcMethod(string Service, GrpcAccess Access, GrpcHandler Handler);
