using ZhijiangLive.Grains.Leaderboards;

namespace ZhijiangLive.Grains.Tests.Leaderboards;

public sealed class SortedLeaderboardTests
{
    [Fact]
    public void Set_MeanScores_OrderByExactValue()
    {
        var board = new SortedLeaderboard();

        board.Set("school-a", 12.25);
        board.Set("school-b", 12.5);
        board.Set("school-c", 12.25);
        board.Set("school-d", -0.5);

        Assert.Equal(["1 school-b 12.5", "2 school-a 12.25", "2 school-c 12.25", "4 school-d -0.5"],
            BoardKinds.Lines(board.Page(0, 10)));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Set_NonFiniteScore_ThrowsArgumentException(double score)
    {
        var board = new SortedLeaderboard();

        Assert.Equal("score", Assert.Throws<ArgumentException>(() => board.Set("a", score)).ParamName);
        Assert.Equal(0, board.Count);
    }

    [Fact]
    public void Set_NegativeZero_TiesWithZero()
    {
        var board = new SortedLeaderboard();

        board.Set("b", 0.0);
        board.Set("a", -0.0);

        Assert.Equal(["1 a 0", "1 b 0"], BoardKinds.Lines(board.Page(0, 10)));
        Assert.True(double.IsPositive(board.ScoreOf("a")!.Value));
    }
}
