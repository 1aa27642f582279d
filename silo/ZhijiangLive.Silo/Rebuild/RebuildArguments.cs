namespace ZhijiangLive.Silo.Rebuild;

/// <summary>What <c>rebuild</c> was asked for; <see cref="Settings"/> are the silo's configuration settings.</summary>
internal sealed record RebuildArguments(string? RulePackFile, DateOnly? Date, bool Apply, IReadOnlyList<string> Settings);
