using System.Globalization;

namespace ZhijiangLive.Silo.Api;

/// <summary>The refusals of the JSON API and the hub's negotiate, as RFC 7807 problems; none echoes a credential.</summary>
public static class ApiProblems
{
    /// <summary>401, with <c>WWW-Authenticate: Bearer</c> (RFC 6750: <c>invalid_token</c> when one was sent but refused).</summary>
    public static IResult Unauthenticated(HttpContext context, string reason)
    {
        context.Response.Headers.WWWAuthenticate = context.Request.Headers.Authorization.Count == 0
            ? "Bearer"
            : "Bearer error=\"invalid_token\"";
        return Results.Problem(reason, statusCode: StatusCodes.Status401Unauthorized, title: "unauthenticated");
    }

    public static IResult Forbidden(string reason) =>
        Results.Problem(reason, statusCode: StatusCodes.Status403Forbidden, title: "forbidden");

    /// <summary>The same words whether or not the id exists, so that a refusal tells nothing about another region.</summary>
    public static IResult OutOfScope(string kind, string id) => Forbidden($"{kind} '{id}' is outside this token's region");

    public static IResult TooManyRequests(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem($"too many requests for this token: try again in {seconds} s",
            statusCode: StatusCodes.Status429TooManyRequests, title: "rate limited");
    }
}
