using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZhijiangLive.Scoring.Rubrics;

/// <summary>Reads rubrics from JSON files like the shipped <c>featured-2018</c> and <c>guizhou-2021</c>; each is validated as it loads.</summary>
public static class RubricLoader
{
    public static IReadOnlyList<string> ShippedIds { get; } = ["featured-2018", "guizhou-2021"];

    private static readonly JsonSerializerOptions _json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The rubrics shipped with this assembly, by id.</summary>
    public static IReadOnlyDictionary<string, Rubric> Shipped { get; } =
        ShippedIds.Select(id => Load(ReadEmbedded(id))).ToDictionary(r => r.Id, StringComparer.Ordinal);

    public static Rubric Load(string json)
    {
        Rubric rubric;
        try
        {
            rubric = JsonSerializer.Deserialize<Rubric>(json, _json) ?? throw new InvalidDataException("rubric is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"rubric is not valid: {e.Message}", e);
        }
        RubricValidator.ThrowIfInvalid(rubric);
        return rubric;
    }

    /// <summary>The shipped rubrics and every <c>*.json</c> in <paramref name="directory"/>; a file may replace a shipped rubric by its id.</summary>
    public static IReadOnlyDictionary<string, Rubric> LoadWith(string? directory)
    {
        var all = new Dictionary<string, Rubric>(Shipped, StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(directory))
        {
            return all;
        }
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                var rubric = Load(File.ReadAllText(file));
                all[rubric.Id] = rubric;
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{Path.GetFileName(file)}: {e.Message}", e);
            }
        }
        return all;
    }

    public static string ReadEmbedded(string rubricId)
    {
        var name = $"ZhijiangLive.Scoring.Rubrics.{rubricId}.json";
        using var stream = typeof(RubricLoader).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"no shipped rubric '{rubricId}'");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
