namespace ZhijiangLive.Silo.Security;

/// <summary>
/// Turns a presented credential (an <c>authorization: Bearer …</c> value, or SignalR's <c>access_token</c>)
/// into a <see cref="Principal"/>. A token is told from a key by its <c>zlt1.</c> prefix.
/// </summary>
public sealed class Authenticator(ApiKeyRing keys, BureauTokens tokens, TimeProvider clock)
{
    public const string Scheme = "Bearer";

    /// <summary>The principal of an <c>authorization</c> header value; null with the reason when there is none.</summary>
    public Principal? FromAuthorization(string? header, out string failure)
    {
        if (string.IsNullOrEmpty(header))
        {
            failure = "no credentials: send 'authorization: Bearer <key or token>'";
            return null;
        }
        if (!header.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase) || header.Length <= Scheme.Length + 1)
        {
            failure = "the authorization header is not 'Bearer <key or token>'";
            return null;
        }
        return FromCredential(header[(Scheme.Length + 1)..].Trim(), out failure);
    }

    /// <summary>The principal of a bare key or token.</summary>
    public Principal? FromCredential(string? credential, out string failure)
    {
        if (string.IsNullOrEmpty(credential))
        {
            failure = "no credentials";
            return null;
        }
        if (credential.StartsWith(BureauTokens.Prefix, StringComparison.Ordinal))
        {
            return tokens.TryRead(credential, clock.GetUtcNow(), out var token, out failure) ? Principal.Bureau(token!) : null;
        }
        if (keys.Find(credential) is { } name)
        {
            failure = "";
            return Principal.Platform(name, ApiKeyRing.Id(credential));
        }
        failure = "the key is not valid";
        return null;
    }
}
