using ZhijiangLive.Grains.Cluster;

namespace ZhijiangLive.Grains.Tests.Cluster;

/// <summary>A batch grouped by teacher: one share per teacher, in order of first event, each in batch order.</summary>
public sealed class TeacherSharesTests
{
    [Fact]
    public void EachTeacherGetsItsEventsInBatchOrder_TeachersInOrderOfTheirFirstEvent()
    {
        var shares = new TeacherShares(8);
        foreach (var (teacher, index) in new[] { ("a", 0), ("b", 1), ("a", 2), ("c", 4), ("a", 5), ("b", 7) })
        {
            shares.Add(teacher, index);
        }

        Assert.Equal(3, shares.Count);
        Assert.Equal(["a", "b", "c"], Enumerable.Range(0, 3).Select(shares.TeacherOf));
        Assert.Equal([3, 2, 1], Enumerable.Range(0, 3).Select(shares.SizeOf));
        Assert.Equal([0, 2, 5], Walk(shares, 0));
        Assert.Equal([1, 7], Walk(shares, 1));
        Assert.Equal([4], Walk(shares, 2));
    }

    [Fact]
    public void ABatchOfOneTeacher_IsOneShareOfEveryEvent()
    {
        var shares = new TeacherShares(500);
        for (var i = 0; i < 500; i++)
        {
            shares.Add("t", i);
        }

        Assert.Equal(1, shares.Count);
        Assert.Equal(Enumerable.Range(0, 500), Walk(shares, 0));
    }

    private static List<int> Walk(TeacherShares shares, int share)
    {
        var indices = new List<int>();
        foreach (var index in shares.IndicesOf(share))
        {
            indices.Add(index);
        }
        return indices;
    }
}
