using static ZhijiangLive.Grains.Tests.Leaderboards.BoardKinds;

namespace ZhijiangLive.Grains.Tests.Leaderboards;

/// <summary>CountAt: how many share a score, which the dashboard shows as "并列第2，共 3 人".</summary>
public sealed class LeaderboardTieTests
{
    [Theory, ClassData(typeof(BoardKinds))]
    public void CountAt_TiedScore_CountsEveryMemberWithIt(string kind)
    {
        var board = Create(kind, ("a", 9), ("b", 7), ("c", 7), ("d", 7), ("e", 0), ("f", 0));

        Assert.Equal([1, 3, 2], new[] { board.CountAt(9), board.CountAt(7), board.CountAt(0) });
    }

    [Theory, ClassData(typeof(BoardKinds))]
    public void CountAt_ScoreNobodyHas_IsZero(string kind)
    {
        var board = Create(kind, ("a", 9), ("b", 7));

        Assert.Equal([0, 0, 0, 0], new[] { board.CountAt(8), board.CountAt(100), board.CountAt(-3_000_000), board.CountAt(7.5) });
        Assert.Equal(0, Create(kind).CountAt(0));
    }

    [Theory, ClassData(typeof(BoardKinds))]
    public void CountAt_AfterMovesAndRemovals_FollowsTheMembers(string kind)
    {
        var board = Create(kind, ("a", 5), ("b", 5), ("c", 5));

        board.Set("a", 6);
        board.Remove("b");

        Assert.Equal([1, 1], new[] { board.CountAt(6), board.CountAt(5) });
    }

    [Fact]
    public void CountAt_FrozenBoard_CountsLikeTheLiveOne()
    {
        var live = Create(Sorted, ("a", 2.5), ("b", 2.5), ("c", 1), ("d", 2.5), ("e", -1));

        var frozen = live.Freeze();

        Assert.Equal([3, 1, 1, 0], new[] { frozen.CountAt(2.5), frozen.CountAt(1), frozen.CountAt(-1), frozen.CountAt(2) });
    }
}
