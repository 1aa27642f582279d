using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Silo.Api;
using ZhijiangLive.Silo.Hosting;
using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Operations;

/// <summary>
/// Who may see Orleans' dashboard: a bureau token of the province (the roster's root region). The page's
/// own requests carry no header, so the first visit (<c>/orleans/?access_token=…</c>, whose token leaves the
/// URL before anything logs it) leaves the token in an HTTP-only cookie scoped to <c>/orleans</c>, and
/// later requests present that.
/// </summary>
public static class OrleansDashboardAccess
{
    public const string Cookie = "zl_orleans";

    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var audit = http.RequestServices.GetRequiredService<AuditLog>();
        var fromHeader = http.Request.Headers.Authorization.Count > 0;
        var principal = fromHeader
            ? HttpBearer.Authenticate(http, out var failure)
            : http.RequestServices.GetRequiredService<Authenticator>().FromCredential(http.Request.Cookies[Cookie], out failure);
        if (principal is null)
        {
            audit.Refused(null, ApiGuard.Via, failure);
            return ApiProblems.Unauthenticated(http, failure);
        }
        var cluster = http.RequestServices.GetRequiredService<ZhijiangCluster>();
        if (principal.Kind != PrincipalKind.Bureau || cluster.Roster.Region(principal.RegionId ?? "")?.Level != RegionLevel.Province)
        {
            audit.Refused(principal, ApiGuard.Via, "the Orleans dashboard is for the province's token");
            return ApiProblems.Forbidden("the Orleans dashboard is for the province's token only");
        }
        if (fromHeader && http.Request.Headers.Authorization.ToString() is var header && header.StartsWith($"{Authenticator.Scheme} ", StringComparison.Ordinal))
        {
            http.Response.Cookies.Append(Cookie, header[(Authenticator.Scheme.Length + 1)..], new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = http.Request.IsHttps,
                Path = OrleansDashboardHosting.Path,
                Expires = principal.Expires,
            });
        }
        return await next(context);
    }
}
