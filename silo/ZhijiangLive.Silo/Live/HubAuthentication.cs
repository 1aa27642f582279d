using ZhijiangLive.Silo.Api;
using ZhijiangLive.Silo.Hosting;
using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Live;

/// <summary>
/// The hub's door: negotiate and connect need a bureau token, as <c>Authorization: Bearer</c> or as
/// <c>access_token</c> on the URL (which <see cref="AccessTokenFromQuery"/> turned into the header). None or a bad
/// one is 401, a platform key 403, each a problem document, before SignalR sees the request.
/// </summary>
public static class HubAuthentication
{
    public static IApplicationBuilder UseHubAuthentication(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(LiveHosting.HubPath), hub => hub.Use(async (context, next) =>
        {
            var audit = context.RequestServices.GetRequiredService<AuditLog>();
            IResult? refusal = null;
            if (HttpBearer.Authenticate(context, out var failure) is not { } principal)
            {
                audit.Refused(null, LiveHub.Via, failure);
                refusal = ApiProblems.Unauthenticated(context, failure);
            }
            else if (principal.Kind != PrincipalKind.Bureau)
            {
                audit.Refused(principal, LiveHub.Via, "a platform key cannot read");
                refusal = ApiProblems.Forbidden("a platform key cannot read: the dashboard takes a bureau token");
            }
            if (refusal is not null)
            {
                await refusal.ExecuteAsync(context);
                return;
            }
            await next(context);
        }));
}
