namespace ZhijiangLive.Storage.Tests;

public abstract partial class StoreContractTests
{
    private async Task<List<(string Kind, string Key, long Version, long Position, string State)>> SnapshotsAsync() =>
        (await Store.ReadSnapshotsAsync().Select(Records.Shape).ToListAsync())
            .OrderBy(s => s.Kind, StringComparer.Ordinal).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();

    [Fact]
    public async Task ReadSnapshots_WhenNew_IsEmpty()
    {
        Assert.Empty(await SnapshotsAsync());
    }

    [Fact]
    public async Task ReadSnapshots_ReturnsTheWrittenSnapshotsExactly()
    {
        // The same key under two kinds is two grains.
        var region = Records.Snapshot("region", "浙江省", 3, "排行榜");
        var school = Records.Snapshot("school", "张三", 1, "学校");
        var teacher = Records.Snapshot("teacher", "张三", 7, "教师");

        await Store.WriteSnapshotsAsync([teacher, region, school]);

        Assert.Equal([Records.Shape(region), Records.Shape(school), Records.Shape(teacher)], await SnapshotsAsync());
    }

    [Fact]
    public async Task ReadSnapshotsByKey_ReturnsTheNewestVersionOfEachGrainThatHasOne_OfThatKindOnly()
    {
        var newer = Records.Snapshot("teacher", "张三", 2, "新");
        var other = Records.Snapshot("teacher", "王五", 1, "王");
        await Store.WriteSnapshotsAsync([Records.Snapshot("teacher", "张三", 1, "旧"), Records.Snapshot("school", "李四", 9, "学校"), other]);
        await Store.WriteSnapshotsAsync([newer]);

        var found = await Store.ReadSnapshotsAsync("teacher", ["张三", "李四", "王五", "赵六"]);

        Assert.Equal([Records.Shape(newer), Records.Shape(other)], found.Select(Records.Shape).OrderBy(s => s.Version).Reverse());
        Assert.Empty(await Store.ReadSnapshotsAsync("region", ["张三"]));
        Assert.Empty(await Store.ReadSnapshotsAsync("teacher", []));
    }

    [Fact]
    public async Task DeleteSnapshot_RemovesOnlyThatGrain_AndALowerVersionMayBeWrittenAfter()
    {
        var school = Records.Snapshot("school", "张三", 1, "学校");
        await Store.WriteSnapshotsAsync([Records.Snapshot("teacher", "张三", 5, "教师"), school]);

        await Store.DeleteSnapshotAsync("teacher", "张三");
        Assert.Equal([Records.Shape(school)], await SnapshotsAsync());

        var again = Records.Snapshot("teacher", "张三", 1, "重新开始");
        await Store.WriteSnapshotsAsync([again]);
        Assert.Equal([Records.Shape(again)], (await Store.ReadSnapshotsAsync("teacher", ["张三"])).Select(Records.Shape));
    }

    [Fact]
    public async Task WriteSnapshots_NewerVersion_ReplacesTheStoredOne()
    {
        await Store.WriteSnapshotsAsync([Records.Snapshot("teacher", "张老师", 1, "旧")]);
        var newer = Records.Snapshot("teacher", "张老师", 2, "新");

        await Store.WriteSnapshotsAsync([newer]);

        Assert.Equal([Records.Shape(newer)], await SnapshotsAsync());
    }

    [Fact]
    public async Task WriteSnapshots_OlderOrEqualVersion_IsIgnored_AndTheRestOfTheBatchIsWritten()
    {
        var stored = Records.Snapshot("teacher", "张老师", 5, "新");
        await Store.WriteSnapshotsAsync([stored]);
        var school = Records.Snapshot("school", "西湖小学", 1, "学校");

        await Store.WriteSnapshotsAsync([Records.Snapshot("teacher", "张老师", 4, "旧"), school]);
        await Store.WriteSnapshotsAsync([Records.Snapshot("teacher", "张老师", 5, "同版本")]);

        Assert.Equal([Records.Shape(school), Records.Shape(stored)], await SnapshotsAsync());
    }

    [Fact]
    public async Task WriteSnapshots_AnswersTheGrainsItDidNotWrite()
    {
        await Store.WriteSnapshotsAsync([Records.Snapshot("teacher", "张老师", 5, "新")]);

        var refused = await Store.WriteSnapshotsAsync([
            Records.Snapshot("teacher", "张老师", 5, "同版本"),
            Records.Snapshot("teacher", "李老师", 1, "新教师"),
            Records.Snapshot("school", "张老师", 1, "同名学校"),
        ]);

        Assert.Equal([("teacher", "张老师")], refused);
        Assert.Empty(await Store.WriteSnapshotsAsync([Records.Snapshot("teacher", "张老师", 6, "更新")]));
    }

    [Fact]
    public async Task WriteSnapshots_SameGrainTwiceInOneBatch_KeepsTheHigherVersion()
    {
        var higher = Records.Snapshot("teacher", "张老师", 3, "新");

        await Store.WriteSnapshotsAsync([higher, Records.Snapshot("teacher", "张老师", 2, "旧")]);

        Assert.Equal([Records.Shape(higher)], await SnapshotsAsync());
    }

    [Fact]
    public async Task ReadWatermark_WhenNew_IsZero()
    {
        Assert.Equal(0, await Store.ReadWatermarkAsync());
    }

    [Fact]
    public async Task WriteWatermark_MovesItForward()
    {
        await Store.WriteWatermarkAsync(10);
        Assert.Equal(10, await Store.ReadWatermarkAsync());

        await Store.WriteWatermarkAsync(25);
        Assert.Equal(25, await Store.ReadWatermarkAsync());
    }

    [Fact]
    public async Task WriteWatermark_LowerValue_IsIgnored()
    {
        await Store.WriteWatermarkAsync(25);

        await Store.WriteWatermarkAsync(10);

        Assert.Equal(25, await Store.ReadWatermarkAsync());
    }
}
