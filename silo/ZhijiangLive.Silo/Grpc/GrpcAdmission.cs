using Grpc.Core;
using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Grpc;

/// <summary>
/// Whether a call's credentials admit it to its service, decided from the <c>authorization</c> header
/// before the body is read. No credential, or one that does not verify, is UNAUTHENTICATED; a valid
/// credential of the wrong kind (a key on Query, a token on Ingest) is PERMISSION_DENIED. Reasons never
/// repeat the credential. Every refusal goes to the audit log.
/// </summary>
public sealed class GrpcAdmission(Authenticator authenticator, AuditLog audit)
{
    public const string Via = "grpc";

    /// <summary>Null when admitted (with the principal, null for a service open to anyone), else the refusal.</summary>
    public Status? Admit(GrpcAccess access, string service, string path, string? authorization, out Principal? principal)
    {
        principal = null;
        if (access == GrpcAccess.Anyone)
        {
            return null;
        }
        var presented = authenticator.FromAuthorization(authorization, out var failure);
        if (presented is null)
        {
            audit.Refused(null, Via, $"{path}: {failure}");
            return new Status(StatusCode.Unauthenticated, failure);
        }
        var required = access == GrpcAccess.Platform ? PrincipalKind.Platform : PrincipalKind.Bureau;
        if (presented.Kind != required)
        {
            var reason = required == PrincipalKind.Platform
                ? $"{service} takes a platform API key; a bureau token may only read (zhijiang.live.v1.Query)"
                : $"{service} takes a bureau token; a platform API key may only publish (Ingest, Roster)";
            audit.Refused(presented, Via, $"{path}: {reason}");
            return new Status(StatusCode.PermissionDenied, reason);
        }
        principal = presented;
        return null;
    }
}
