namespace ZhijiangLive.Silo.Security;

/// <summary>
/// Authenticates an HTTP request by its <c>Authorization: Bearer …</c> header (the hub's <c>access_token</c>
/// has been moved there by <see cref="Live.AccessTokenFromQuery"/>) and sets <see cref="HttpContext.User"/>.
/// </summary>
public static class HttpBearer
{
    public static Principal? Authenticate(HttpContext context, out string failure)
    {
        var authenticator = context.RequestServices.GetRequiredService<Authenticator>();
        var header = context.Request.Headers.Authorization;
        if (header.Count > 1)
        {
            failure = "more than one authorization header";
            return null;
        }
        var principal = authenticator.FromAuthorization(header.ToString(), out failure);
        if (principal is not null)
        {
            context.User = PrincipalClaims.ToUser(principal);
        }
        return principal;
    }
}
