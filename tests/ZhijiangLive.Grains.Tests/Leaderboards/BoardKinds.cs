using ZhijiangLive.Grains.Leaderboards;

namespace ZhijiangLive.Grains.Tests.Leaderboards;

/// <summary>The live implementations the contract tests run against, by name so test cases stay distinct.</summary>
public sealed class BoardKinds : TheoryData<string>
{
    public const string Bucket = "bucket";
    public const string Sorted = "sorted";

    public BoardKinds()
    {
        Add(Bucket);
        Add(Sorted);
    }

    public static ILeaderboard Create(string kind) => kind switch
    {
        Bucket => new BucketLeaderboard(),
        Sorted => new SortedLeaderboard(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown leaderboard kind"),
    };

    public static ILeaderboard Create(string kind, params (string Id, double Score)[] members)
    {
        var board = Create(kind);
        foreach (var (id, score) in members)
        {
            board.Set(id, score);
        }
        return board;
    }

    /// <summary>Entries as "rank id score" strings, so a failed assertion shows the whole listing.</summary>
    public static string[] Lines(IEnumerable<LeaderboardEntry> entries) =>
        entries.Select(e => $"{e.Rank} {e.Id} {e.Score}").ToArray();
}
