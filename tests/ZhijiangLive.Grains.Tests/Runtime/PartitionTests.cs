using ZhijiangLive.Grains.Runtime;

namespace ZhijiangLive.Grains.Tests.Runtime;

public sealed class PartitionTests
{
    // Computed independently (FNV-1a over UTF-16 code units, 0xFFFF between kind and key, murmur3's
    // finaliser): a change here moves grains between partitions, and between stored layouts.
    [Theory]
    [InlineData("teacher", "330102-000001", 0x7d4c130eu, 6)]
    [InlineData("school", "330102001", 0x4ee2e6b1u, 1)]
    [InlineData("region", "330100", 0x44403c2bu, 3)]
    [InlineData("teacher", "张老师", 0x8eede44bu, 3)]
    public async Task PartitionOf_IsPinnedToTheDocumentedHash(string kind, string key, uint hash, int partitionOf8)
    {
        await using var runtime = Runtimes.Start(partitions: 8);

        Assert.Equal(hash, StableHash.Of(new GrainId(kind, key)));
        Assert.Equal(partitionOf8, runtime.PartitionOf(new GrainId(kind, key)));
    }

    [Fact]
    public async Task PartitionOf_IsTheSameInEveryRuntime()
    {
        await using var first = Runtimes.Start(partitions: 8);
        await using var second = Runtimes.Start(partitions: 8);
        var ids = Enumerable.Range(0, 1000).Select(i => new GrainId("teacher", $"t{i}")).ToList();

        Assert.Equal(ids.Select(first.PartitionOf), ids.Select(second.PartitionOf));
    }

    [Fact]
    public void Hash_SeparatesKindFromKey()
    {
        Assert.NotEqual(StableHash.Of(new GrainId("ab", "c")), StableHash.Of(new GrainId("a", "bc")));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    public async Task PartitionOf_SpreadsSequentialKeysEvenly(int partitions)
    {
        await using var runtime = Runtimes.Start(partitions);
        const int Keys = 8000;

        var sizes = Enumerable.Range(0, Keys)
            .GroupBy(i => runtime.PartitionOf(new GrainId("teacher", $"t{i * 2}")))
            .Select(group => group.Count())
            .ToList();

        Assert.Equal(partitions, sizes.Count);
        Assert.All(sizes, size => Assert.InRange(size, Keys / partitions * 0.9, Keys / partitions * 1.1));
    }
}
