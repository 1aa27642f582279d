using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZhijiangLive.Scoring.RulePacks;

/// <summary>
/// Reads rule packs from JSON. An override is a partial JSON document laid over the base pack:
/// objects merge key by key, anything else (numbers, strings, arrays) replaces what it covers.
/// </summary>
public static class RulePackLoader
{
    public const string DefaultPackId = "zjer-2018";

    private static readonly JsonSerializerOptions _json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        // A null where the pack needs a value ("login": null) is refused here, naming its path.
        RespectNullableAnnotations = true,
    };

    /// <summary>The shipped <c>zjer-2018</c> pack.</summary>
    public static RulePack Default { get; } = Load(ReadEmbedded(DefaultPackId));

    /// <summary>The shipped default with <paramref name="overrideJson"/> laid over it.</summary>
    public static RulePack DefaultWith(string? overrideJson) =>
        string.IsNullOrWhiteSpace(overrideJson) ? Default : Load(ReadEmbedded(DefaultPackId), overrideJson);

    public static RulePack Load(string json, string? overrideJson = null)
    {
        var node = Parse(json, "rule pack");
        if (!string.IsNullOrWhiteSpace(overrideJson))
        {
            node = Merge(node, Parse(overrideJson, "rule pack override"));
        }

        RulePack pack;
        try
        {
            pack = node.Deserialize<RulePack>(_json) ?? throw new InvalidDataException("rule pack is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"rule pack is not valid: {e.Message}", e);
        }
        RulePackValidator.ThrowIfInvalid(pack);
        return pack;
    }

    public static string ReadEmbedded(string packId)
    {
        var name = $"ZhijiangLive.Scoring.RulePacks.{packId}.json";
        using var stream = typeof(RulePackLoader).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"no shipped rule pack '{packId}'");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static JsonNode Parse(string json, string what)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new() { CommentHandling = JsonCommentHandling.Skip })
                ?? throw new InvalidDataException($"{what} is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{what} is not valid JSON: {e.Message}", e);
        }
    }

    private static JsonNode Merge(JsonNode target, JsonNode overlay)
    {
        if (target is not JsonObject targetObject || overlay is not JsonObject overlayObject)
        {
            return overlay.DeepClone();
        }
        foreach (var (key, value) in overlayObject)
        {
            var existingKey = targetObject.Select(p => p.Key)
                .FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) ?? key;
            targetObject[existingKey] = value is null
                ? null
                : targetObject[existingKey] is { } existing ? Merge(existing, value) : value.DeepClone();
        }
        return targetObject;
    }
}
