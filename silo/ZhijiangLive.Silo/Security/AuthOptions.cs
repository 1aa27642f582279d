namespace ZhijiangLive.Silo.Security;

/// <summary>
/// <c>Zhijiang:Auth</c>: who may call. Platform keys are kept only as SHA-256 hashes; bureau tokens are
/// signed with the first of <see cref="TokenSigningKeys"/> and accepted under any of them (rotation).
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Zhijiang:Auth";

    /// <summary>The platform's API keys, by name (the name is what logs and limits see, never the key).</summary>
    public List<ApiKeyEntry> ApiKeys { get; set; } = [];

    /// <summary>Base64 secrets of at least 32 bytes; the first signs new tokens, all verify.</summary>
    public List<string> TokenSigningKeys { get; set; } = [];
}

/// <summary>One platform key: a name for logs and limits, and the lowercase hex SHA-256 of the key itself.</summary>
public sealed class ApiKeyEntry
{
    public string Name { get; set; } = "";
    public string Sha256 { get; set; } = "";
}
