using static ZhijiangLive.Grains.Tests.Leaderboards.BoardKinds;

namespace ZhijiangLive.Grains.Tests.Leaderboards;

public sealed class LeaderboardOrderingTests
{
    [Theory, ClassData(typeof(BoardKinds))]
    public void Page_Members_ListedByScoreDescending(string kind)
    {
        var board = Create(kind, ("a", 5), ("b", 30), ("c", 12));

        Assert.Equal(["1 b 30", "2 c 12", "3 a 5"], Lines(board.Page(0, 10)));
    }

    [Theory, ClassData(typeof(BoardKinds))]
    public void Page_TiedScores_ShareRankAndListById(string kind)
    {
        var board = Create(kind, ("t9", 7), ("top", 9), ("t10", 7), ("low", 1));

        Assert.Equal(["1 top 9", "2 t10 7", "2 t9 7", "4 low 1"], Lines(board.Page(0, 10)));
    }

    [Theory, ClassData(typeof(BoardKinds))]
    public void Page_TiedIds_UseOrdinalOrder(string kind)
    {
        var board = Create(kind, ("b", 3), ("B", 3), ("a", 3), ("学校", 3), ("A", 3));

        Assert.Equal(["A", "B", "a", "b", "学校"], board.Page(0, 10).Select(e => e.Id));
    }

    [Theory, ClassData(typeof(BoardKinds))]
    public void Page_FromOffsets_CrossesScoreBoundaries(string kind)
    {
        var board = Create(kind);
        for (var i = 0; i < 20; i++)
        {
            board.Set($"m{i:D2}", i % 4);
        }
        var whole = board.Page(0, 20);

        var pages = Enumerable.Range(0, 7).SelectMany(p => board.Page(p * 3, 3)).ToList();

        Assert.Equal(Lines(whole), Lines(pages));
        Assert.Equal(["1 m03 3", "1 m07 3"], Lines(whole.Take(2)));
        Assert.Equal(["6 m02 2", "11 m01 1", "16 m00 0"], Lines(new[] { whole[5], whole[10], whole[15] }));
        Assert.Equal(["16 m16 0", "16 m12 0"], Lines(board.Page(18, 5).Reverse()));
    }

    [Theory, ClassData(typeof(BoardKinds))]
    public void Page_PastTheEnd_IsEmpty(string kind)
    {
        var board = Create(kind, ("a", 1), ("b", 2));

        Assert.Empty(board.Page(2, 10));
        Assert.Empty(board.Page(int.MaxValue, 1000));
        Assert.Empty(Create(kind).Page(0, 1));
    }

    [Theory, ClassData(typeof(BoardKinds))]
    public void Page_LimitOutside1To1000OrNegativeOffset_Throws(string kind)
    {
        var board = Create(kind, ("a", 1));

        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => board.Page(0, 0));
        Assert.Equal("limit", zero.ParamName);
        Assert.Contains("between 1 and 1000", zero.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => board.Page(0, 1001));
        Assert.Equal("offset", Assert.Throws<ArgumentOutOfRangeException>(() => board.Page(-1, 10)).ParamName);
        Assert.Single(board.Page(0, 1000));
    }

    [Theory, ClassData(typeof(BoardKinds))]
    public void RankOf_CountsStrictlyHigherScores(string kind)
    {
        var board = Create(kind, ("a", 9), ("b", 7), ("c", 7), ("d", 1));

        Assert.Equal([1, 2, 2, 4], new[] { "a", "b", "c", "d" }.Select(id => board.RankOf(id)!.Value));
    }

    [Theory, ClassData(typeof(BoardKinds))]
    public void RankOf_AbsentMember_IsNull(string kind)
    {
        var board = Create(kind, ("a", 9));

        Assert.Null(board.RankOf("b"));
        Assert.Null(board.ScoreOf("b"));
        Assert.False(board.Contains("b"));
        Assert.Equal(9, board.ScoreOf("a"));
    }

    [Theory, ClassData(typeof(BoardKinds))]
    public void Around_MiddleMember_ListsNeighboursInOrder(string kind)
    {
        var board = Create(kind, ("a", 9), ("b", 7), ("c", 7), ("d", 5), ("e", 1));

        Assert.Equal(["2 b 7", "2 c 7", "4 d 5", "5 e 1"], Lines(board.Around("c", 1, 2)));
        Assert.Equal(["2 c 7"], Lines(board.Around("c", 0, 0)));
    }

    [Theory, ClassData(typeof(BoardKinds))]
    public void Around_AtTheEdges_StopsAtTopAndBottom(string kind)
    {
        var board = Create(kind, ("a", 9), ("b", 7), ("c", 5));

        Assert.Equal(["1 a 9", "2 b 7"], Lines(board.Around("a", 5, 1)));
        Assert.Equal(["2 b 7", "3 c 5"], Lines(board.Around("c", 1, 5)));
        Assert.Equal(["1 a 9", "2 b 7", "3 c 5"], Lines(board.Around("b", 1000, 1000)));
    }

    [Theory, ClassData(typeof(BoardKinds))]
    public void Around_AbsentMember_IsEmpty(string kind)
    {
        Assert.Empty(Create(kind, ("a", 9)).Around("z", 2, 2));
    }

    [Theory, ClassData(typeof(BoardKinds))]
    public void Around_NeighbourCountOutside0To1000_Throws(string kind)
    {
        var board = Create(kind, ("a", 9));

        Assert.Equal("before", Assert.Throws<ArgumentOutOfRangeException>(() => board.Around("a", -1, 0)).ParamName);
        Assert.Equal("after", Assert.Throws<ArgumentOutOfRangeException>(() => board.Around("a", 0, 1001)).ParamName);
    }

    [Theory, ClassData(typeof(BoardKinds))]
    public void NegativeScores_RankBelowZero(string kind)
    {
        var board = Create(kind, ("taken-back", -19), ("idle", 0), ("busy", 3), ("worse", -20));

        Assert.Equal(["1 busy 3", "2 idle 0", "3 taken-back -19", "4 worse -20"], Lines(board.Page(0, 10)));
        Assert.Equal(3, board.RankOf("taken-back"));
    }
}
