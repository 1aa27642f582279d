using ZhijiangLive.Grains.Leaderboards;

namespace ZhijiangLive.Grains.Tests.Leaderboards;

public sealed class BucketLeaderboardTests
{
    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.25)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(3e10)]
    public void Set_NonIntegerScore_ThrowsArgumentException(double score)
    {
        var board = new BucketLeaderboard();

        var error = Assert.Throws<ArgumentException>(() => board.Set("a", score));

        Assert.Equal("score", error.ParamName);
        Assert.Equal(0, board.Count);
    }

    [Fact]
    public void Set_FarScoresBothWays_GrowsTheRange()
    {
        var board = new BucketLeaderboard();

        board.Set("low", -1000);
        board.Set("high", 50_000);
        board.Set("zero", 0);
        board.Set("high", 49_999);

        Assert.Equal(["1 high 49999", "2 zero 0", "3 low -1000"], BoardKinds.Lines(board.Page(0, 10)));
        Assert.Equal(3, board.RankOf("low"));
    }

    [Fact]
    public void Set_ScoresWiderThanTheMaximumSpan_ThrowsAndKeepsTheBoard()
    {
        var board = new BucketLeaderboard();
        board.Set("a", 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => board.Set("b", BucketLeaderboard.MaxScoreSpan + 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => board.Set("a", int.MinValue));

        Assert.Equal(["1 a 1"], BoardKinds.Lines(board.Page(0, 10)));
    }

    [Fact]
    public void Around_InALargeBucketAfterMembersComeAndGo_ListsById()
    {
        var board = new BucketLeaderboard();
        for (var i = 0; i < 1000; i++)
        {
            board.Set($"t{i:D4}", 0);
        }
        Assert.Equal(["1 t0499 0", "1 t0500 0", "1 t0501 0"], BoardKinds.Lines(board.Around("t0500", 1, 1)));

        // Neighbours leave the 0 bucket, one returns, one leaves for good, a newcomer arrives: the cached
        // order must be repaired, not trusted.
        board.Set("t0499", 2);
        board.Set("t0501", 1);
        board.Set("t0499", 0);
        board.Remove("t0502");
        board.Set("t0500x", 0);

        Assert.Equal(["2 t0499 0", "2 t0500 0", "2 t0500x 0", "2 t0503 0"], BoardKinds.Lines(board.Around("t0500", 1, 2)));
        Assert.Equal(["1 t0501 1", "2 t0000 0"], BoardKinds.Lines(board.Page(0, 2)));
        Assert.Equal(1000, board.Count);
    }

    [Fact]
    public void Page_AfterMostOfAQueriedBucketLeaves_ListsTheRestById()
    {
        var board = new BucketLeaderboard();
        for (var i = 0; i < 100; i++)
        {
            board.Set($"t{i:D3}", 0);
        }
        Assert.Equal("t000", board.Page(0, 1)[0].Id);

        for (var i = 0; i < 100; i += 3)
        {
            board.Set($"t{i:D3}", 5);
        }
        for (var i = 1; i < 100; i += 3)
        {
            board.Remove($"t{i:D3}");
        }
        board.Set("t050x", 0);

        var zeros = board.Page(34, 1000);
        Assert.Equal(34, zeros.Count);
        Assert.Equal(Enumerable.Range(0, 100).Where(i => i % 3 == 2).Select(i => $"t{i:D3}").Append("t050x").Order(StringComparer.Ordinal),
            zeros.Select(e => e.Id));
        Assert.All(zeros, e => Assert.Equal(35, e.Rank));
    }
}
