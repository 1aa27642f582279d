using System.Security.Cryptography;
using System.Text;

namespace ZhijiangLive.Silo.Security;

/// <summary>The valid platform keys, known only by their hashes; several at once, so that keys can be rotated.</summary>
public sealed class ApiKeyRing
{
    private readonly (string Name, byte[] Hash)[] _keys;

    public ApiKeyRing(IEnumerable<ApiKeyEntry> entries)
    {
        _keys = entries.Select(Parse).ToArray();
    }

    public int Count => _keys.Length;

    /// <summary>The lowercase hex SHA-256 of a key, as configuration holds it.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>
    /// What identifies a key in the open (its ingest counters' <c>key_id</c> label): the first 12 hex digits of its
    /// SHA-256. Whoever holds the key can work it out (the load tester does); it gives nothing away about the key.
    /// </summary>
    public static string Id(string key) => Hash(key)[..12];

    /// <summary>A new random key: 32 bytes, base64url, with a prefix that tells it from a token at a glance.</summary>
    public static string NewKey() => "zlk_" + Base64Url.Encode(RandomNumberGenerator.GetBytes(32));

    /// <summary>The name of the key that was presented, or null when no configured key matches.</summary>
    public string? Find(string presented)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        string? found = null;
        // Every entry is compared, in constant time, so the answer's timing says nothing about which key nearly matched.
        foreach (var (name, expected) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, expected))
            {
                found ??= name;
            }
        }
        return found;
    }

    private static (string, byte[]) Parse(ApiKeyEntry entry, int index)
    {
        if (string.IsNullOrWhiteSpace(entry.Name))
        {
            throw new InvalidOperationException($"Zhijiang:Auth:ApiKeys:{index}:Name is missing");
        }
        byte[] hash;
        try
        {
            hash = Convert.FromHexString(entry.Sha256 ?? "");
        }
        catch (FormatException)
        {
            hash = [];
        }
        if (hash.Length != 32)
        {
            throw new InvalidOperationException(
                $"Zhijiang:Auth:ApiKeys:{index}:Sha256 of '{entry.Name}' is not 64 hex digits (the SHA-256 of the key; `dotnet run --project silo/ZhijiangLive.Silo -- key create` makes one)");
        }
        return (entry.Name, hash);
    }
}
