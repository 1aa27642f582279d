namespace ZhijiangLive.Silo.Demo;

/// <summary>The platform key <c>--demo</c> made for its run, to print; null when keys were configured.</summary>
public sealed record DemoKey(string? Key)
{
    public const string Name = "demo";
}
