using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Api;

/// <summary>
/// The JSON API's front door, as endpoint filters: every route needs a bureau token (401 without one, 403 for a
/// platform key), is rate-limited per principal (429), and reads only ids inside the token's region (403, the
/// same answer whether or not the id exists, so the scope is checked before anything is looked up).
/// </summary>
public static class ApiGuard
{
    public const string Via = "http";

    /// <summary>Authentication and the rate limit, for every route of <paramref name="group"/>.</summary>
    public static RouteGroupBuilder RequireBureau(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var audit = http.RequestServices.GetRequiredService<AuditLog>();
            if (HttpBearer.Authenticate(http, out var failure) is not { } principal)
            {
                audit.Refused(null, Via, failure);
                return ApiProblems.Unauthenticated(http, failure);
            }
            if (!http.RequestServices.GetRequiredService<ApiRateLimiter>().TryAcquire(principal.Name, out var retryAfter))
            {
                return ApiProblems.TooManyRequests(http, retryAfter);
            }
            if (principal.Kind != PrincipalKind.Bureau)
            {
                audit.Refused(principal, Via, "a platform key cannot read");
                return ApiProblems.Forbidden("a platform key cannot read: queries take a bureau token");
            }
            return await next(context);
        });
        return group;
    }

    /// <summary>
    /// The route's <paramref name="parameter"/> (a route value, else a query value when given) must be inside the
    /// token's region; <paramref name="orTeacher"/> lets it be a teacher too (a ranking's member).
    /// </summary>
    public static RouteHandlerBuilder InScope(this RouteHandlerBuilder route, ScopeKind kind, string parameter, string noun, bool orTeacher = false)
    {
        route.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var id = http.Request.RouteValues[parameter] as string ?? http.Request.Query[parameter].ToString();
            if (string.IsNullOrEmpty(id))
            {
                return await next(context); // an optional query value left out
            }
            var principal = PrincipalClaims.PrincipalOf(http.User)!;
            var audit = http.RequestServices.GetRequiredService<AuditLog>();
            var roster = http.RequestServices.GetRequiredService<ZhijiangCluster>().Roster;
            if (!roster.MayRead(principal, kind, id) && !(orTeacher && roster.MayRead(principal, ScopeKind.Teacher, id)))
            {
                audit.Refused(principal, Via, $"{noun} {id} is outside its region");
                return ApiProblems.OutOfScope(noun, id);
            }
            audit.Read(principal, Via, kind, id);
            return await next(context);
        });
        return route;
    }
}
