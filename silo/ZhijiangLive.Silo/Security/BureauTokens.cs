using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ZhijiangLive.Silo.Security;

/// <summary>
/// Issues and checks bureau tokens: <c>zlt1.{payload}.{signature}</c>, the payload a base64url JSON object
/// (<c>rid</c> region, <c>exp</c> Unix seconds, <c>jti</c> id) and the signature its HMAC-SHA256. New tokens
/// are signed with the first key; a token signed with any configured key is accepted, so keys can rotate.
/// </summary>
public sealed class BureauTokens
{
    public const string Prefix = "zlt1.";
    private readonly byte[][] _keys;

    public BureauTokens(IEnumerable<string> base64Keys)
    {
        _keys = base64Keys.Select(Parse).ToArray();
    }

    public bool CanIssue => _keys.Length > 0;

    /// <summary>A new random signing key, base64, for <c>Zhijiang:Auth:TokenSigningKeys</c>.</summary>
    public static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string Create(string regionId, DateTimeOffset expires)
    {
        if (_keys.Length == 0)
        {
            throw new InvalidOperationException("no token signing key: set Zhijiang:Auth:TokenSigningKeys");
        }
        var payload = JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(
            regionId, expires.ToUnixTimeSeconds(), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))));
        var signed = Prefix + Base64Url.Encode(payload);
        return signed + "." + Base64Url.Encode(Sign(_keys[0], signed));
    }

    /// <summary>The token's claims when its signature holds and it has not expired; otherwise why not.</summary>
    public bool TryRead(string token, DateTimeOffset now, out BureauToken? read, out string failure)
    {
        read = null;
        var dot = token.LastIndexOf('.');
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || dot <= Prefix.Length
            || !Base64Url.TryDecode(token[(dot + 1)..], out var signature)
            || !Base64Url.TryDecode(token[Prefix.Length..dot], out var payloadBytes))
        {
            failure = "the credential is not a bureau token";
            return false;
        }
        var signed = token[..dot];
        if (!_keys.Any(key => CryptographicOperations.FixedTimeEquals(Sign(key, signed), signature)))
        {
            failure = "the token's signature does not verify";
            return false;
        }
        TokenPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<TokenPayload>(payloadBytes);
        }
        catch (JsonException)
        {
            payload = null;
        }
        if (payload is not { Rid.Length: > 0, Jti: not null })
        {
            failure = "the token's claims are malformed";
            return false;
        }
        var expires = DateTimeOffset.FromUnixTimeSeconds(payload.Exp);
        if (expires <= now)
        {
            failure = "the token has expired";
            return false;
        }
        read = new BureauToken(payload.Rid, expires, payload.Jti);
        failure = "";
        return true;
    }

    private static byte[] Sign(byte[] key, string signed) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signed));

    private static byte[] Parse(string base64, int index)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64 ?? "");
        }
        catch (FormatException)
        {
            key = [];
        }
        return key.Length >= 32 ? key
            : throw new InvalidOperationException($"Zhijiang:Auth:TokenSigningKeys:{index} is not base64 of at least 32 bytes");
    }

    private sealed record TokenPayload(
        [property: System.Text.Json.Serialization.JsonPropertyName("rid")] string Rid,
        [property: System.Text.Json.Serialization.JsonPropertyName("exp")] long Exp,
        [property: System.Text.Json.Serialization.JsonPropertyName("jti")] string Jti);
}
