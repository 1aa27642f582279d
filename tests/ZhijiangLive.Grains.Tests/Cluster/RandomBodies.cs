using ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Grains.Tests.Cluster;

/// <summary>Activities of every kind the cluster tests draw from, over small pools so that caps and repeats are met.</summary>
internal static class RandomBodies
{
    private static readonly string[] Apps = ["mingshi-studio", "base-school", "weike"];

    public static ActivityBody Next(Random random, bool deletions = true) => random.Next(deletions ? 8 : 7) switch
    {
        0 => Login.Instance,
        1 => new TeachingSession($"s{random.Next(1_000_000)}", 1800),
        2 => new MobileOperation("message"),
        3 => new Interaction($"student{random.Next(12)}", "answer"),
        4 => new AppUsage(Apps[random.Next(Apps.Length)]),
        5 => new ResourceReviewed($"r{random.Next(3)}", (ReviewLevel)random.Next(1, 4)),
        6 => new ResourceSpread($"r{random.Next(3)}", $"user{random.Next(30)}", "view"),
        _ => new ResourceDeleted($"r{random.Next(3)}"),
    };
}
