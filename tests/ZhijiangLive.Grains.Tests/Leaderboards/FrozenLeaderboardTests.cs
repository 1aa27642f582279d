using ZhijiangLive.Grains.Leaderboards;

namespace ZhijiangLive.Grains.Tests.Leaderboards;

public sealed class FrozenLeaderboardTests
{
    [Fact]
    public void Empty_AnswersWithNothing()
    {
        var frozen = FrozenLeaderboard.Empty;

        Assert.Equal(0, frozen.Count);
        Assert.Empty(frozen.Page(0, 10));
        Assert.Null(frozen.RankOf("a"));
        Assert.Empty(frozen.Around("a", 1, 1));
    }

    [Fact]
    public void Page_InvalidArguments_ThrowLikeTheLiveBoards()
    {
        var frozen = new SortedLeaderboard().Freeze();

        Assert.Throws<ArgumentOutOfRangeException>(() => frozen.Page(0, 1001));
        Assert.Throws<ArgumentOutOfRangeException>(() => frozen.Page(-1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => frozen.Around("a", 0, -1));
    }

    [Fact]
    public void RankOf_EveryMemberOfALargeSnapshot_IsFoundById()
    {
        var board = new BucketLeaderboard();
        for (var i = 0; i < 5000; i++)
        {
            board.Set($"s{i}", i % 37 - 5);
        }

        var frozen = board.Freeze();

        for (var i = 0; i < 5000; i++)
        {
            Assert.Equal(board.RankOf($"s{i}"), frozen.RankOf($"s{i}"));
        }
        Assert.Null(frozen.RankOf("s5000"));
    }
}
