namespace ZhijiangLive.Silo.Api;

/// <summary>
/// <c>Zhijiang:Limits</c>, the JSON API's part: requests a second per principal (a token, or a key before it is
/// refused), with a burst so that a dashboard's page load of a few requests at once is never turned away.
/// </summary>
public sealed class ApiLimitOptions
{
    public const string Section = "Zhijiang:Limits";

    /// <summary>The sustained rate; 0 turns the limit off.</summary>
    public int ApiRequestsPerSecondPerToken { get; set; } = 50;

    /// <summary>Requests that may come at once after a quiet spell (the bucket's size).</summary>
    public int ApiBurstPerToken { get; set; } = 100;
}
