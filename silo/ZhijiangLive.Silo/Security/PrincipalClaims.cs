using System.Globalization;
using System.Security.Claims;

namespace ZhijiangLive.Silo.Security;

/// <summary>
/// A <see cref="Principal"/> carried as <see cref="HttpContext.User"/>: the JSON API and the hub read who is
/// calling from there, and SignalR keeps it for the connection's life whatever the transport.
/// </summary>
public static class PrincipalClaims
{
    public const string AuthenticationType = "ZhijiangBearer";
    private const string KindClaim = "zl:kind";
    private const string RegionClaim = "zl:region";
    private const string ExpiresClaim = "zl:expires";

    public static ClaimsPrincipal ToUser(Principal principal)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, principal.Name), new(KindClaim, principal.Kind.ToString()) };
        if (principal.RegionId is { } region)
        {
            claims.Add(new Claim(RegionClaim, region));
        }
        if (principal.Expires is { } at)
        {
            claims.Add(new Claim(ExpiresClaim, at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType));
    }

    /// <summary>The principal that <see cref="ToUser"/> made, or null for anyone else (not authenticated here).</summary>
    public static Principal? PrincipalOf(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { AuthenticationType: AuthenticationType, Name: { } name }
            || !Enum.TryParse<PrincipalKind>(user.FindFirst(KindClaim)?.Value, out var kind))
        {
            return null;
        }
        return new Principal(kind, name, user.FindFirst(RegionClaim)?.Value, ExpiresOf(user));
    }

    private static DateTimeOffset? ExpiresOf(ClaimsPrincipal? user) =>
        long.TryParse(user?.FindFirst(ExpiresClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
