using static ZhijiangLive.Grains.Tests.Leaderboards.BoardKinds;

namespace ZhijiangLive.Grains.Tests.Leaderboards;

public sealed class LeaderboardLifecycleTests
{
    [Theory, ClassData(typeof(BoardKinds))]
    public void Set_ExistingMember_MovesIt(string kind)
    {
        var board = Create(kind, ("a", 9), ("b", 7));

        board.Set("b", 10);
        board.Set("b", 10);

        Assert.Equal(2, board.Count);
        Assert.Equal(["1 b 10", "2 a 9"], Lines(board.Page(0, 10)));
    }

    [Theory, ClassData(typeof(BoardKinds))]
    public void Set_NullOrEmptyId_Throws(string kind)
    {
        var board = Create(kind);

        Assert.Throws<ArgumentNullException>(() => board.Set(null!, 1));
        Assert.Throws<ArgumentException>(() => board.Set("", 1));
        Assert.Throws<ArgumentNullException>(() => board.RankOf(null!));
        Assert.Equal(0, board.Count);
    }

    [Theory, ClassData(typeof(BoardKinds))]
    public void Remove_Member_ClosesTheGapInRanks(string kind)
    {
        var board = Create(kind, ("a", 9), ("b", 7), ("c", 7), ("d", 1));

        Assert.True(board.Remove("b"));

        Assert.Equal(3, board.Count);
        Assert.False(board.Contains("b"));
        Assert.Null(board.RankOf("b"));
        Assert.Equal(["1 a 9", "2 c 7", "3 d 1"], Lines(board.Page(0, 10)));
    }

    [Theory, ClassData(typeof(BoardKinds))]
    public void Remove_AbsentMember_ReturnsFalse(string kind)
    {
        var board = Create(kind, ("a", 9));

        Assert.False(board.Remove("z"));
        Assert.True(board.Remove("a"));
        Assert.False(board.Remove("a"));
        Assert.Equal(0, board.Count);
    }

    [Theory, ClassData(typeof(BoardKinds))]
    public void Remove_ThenSetAgain_RejoinsAtTheNewScore(string kind)
    {
        var board = Create(kind, ("a", 9), ("b", 7));
        board.Remove("a");

        board.Set("a", 3);

        Assert.Equal(["1 b 7", "2 a 3"], Lines(board.Page(0, 10)));
    }

    [Theory, ClassData(typeof(BoardKinds))]
    public void ResetScores_KeepsEveryMemberAtZeroListedById(string kind)
    {
        var board = Create(kind, ("c", 9), ("a", -3), ("b", 40));

        board.ResetScores();

        Assert.Equal(3, board.Count);
        Assert.Equal(["1 a 0", "1 b 0", "1 c 0"], Lines(board.Page(0, 10)));
        Assert.Equal(0, board.ScoreOf("b"));
    }

    [Theory, ClassData(typeof(BoardKinds))]
    public void ResetScores_ThenNewPoints_RankAgain(string kind)
    {
        var board = Create(kind, ("c", 9), ("a", 2), ("b", 40));
        board.ResetScores();

        board.Set("c", 1);
        board.Set("d", -2);

        Assert.Equal(["1 c 1", "2 a 0", "2 b 0", "4 d -2"], Lines(board.Page(0, 10)));
        Assert.Equal(["2 b 0", "4 d -2"], Lines(board.Around("d", 1, 1)));
    }

    [Theory, ClassData(typeof(BoardKinds))]
    public void Freeze_AnswersLikeTheLiveBoard(string kind)
    {
        var board = Create(kind, ("a", 9), ("b", 7), ("c", 7), ("d", -1));

        var frozen = board.Freeze();

        Assert.Equal(4, frozen.Count);
        Assert.Equal(Lines(board.Page(0, 10)), Lines(frozen.Page(0, 10)));
        Assert.Equal(Lines(board.Page(1, 2)), Lines(frozen.Page(1, 2)));
        Assert.Equal(Lines(board.Around("c", 1, 1)), Lines(frozen.Around("c", 1, 1)));
        Assert.Equal(2, frozen.RankOf("c"));
        Assert.Equal(-1, frozen.ScoreOf("d"));
        Assert.Null(frozen.RankOf("z"));
        Assert.Empty(frozen.Around("z", 1, 1));
    }

    [Theory, ClassData(typeof(BoardKinds))]
    public void Freeze_IsUnaffectedByLaterChanges(string kind)
    {
        var board = Create(kind, ("a", 9), ("b", 7), ("c", 5));
        var frozen = board.Freeze();

        board.Set("c", 100);
        board.Remove("a");
        board.Set("d", 8);
        board.ResetScores();

        Assert.Equal(["1 a 9", "2 b 7", "3 c 5"], Lines(frozen.Page(0, 10)));
        Assert.Equal(3, frozen.Count);
        Assert.False(frozen.Contains("d"));
        Assert.Equal(3, frozen.RankOf("c"));
    }
}
