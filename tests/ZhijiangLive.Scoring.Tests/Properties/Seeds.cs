namespace ZhijiangLive.Scoring.Tests.Properties;

/// <summary>The fixed seeds every property runs over; a failing seed reproduces on its own.</summary>
public static class Seeds
{
    public const int Count = 20;

    public static IReadOnlyList<int> Numbers { get; } = Enumerable.Range(1, Count).ToArray();

    public static TheoryData<int> All { get; } = new(Numbers);
}
