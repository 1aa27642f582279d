using System.Text;
using ZhijiangLive.LoadTests.Live;

namespace ZhijiangLive.Silo.Tests.LoadTests;

/// <summary>The hub clients' framing (the load tester's and the tests'): records come out whole however the frames cut them.</summary>
public sealed class HubRecordBufferTests
{
    [Fact]
    public void Records_SplitAcrossFramesAndSharingAFrame_ComeOutWholeAndInOrder()
    {
        var buffer = new HubRecordBuffer();
        var taken = new List<string>();

        foreach (var frame in new[] { "{\"type\":6}\u001e{\"ty", "pe\":1,", "\"target\":\"update\"}\u001e{}\u001e{\"open" })
        {
            var bytes = Encoding.UTF8.GetBytes(frame);
            bytes.CopyTo(buffer.Free(bytes.Length));
            buffer.Advance(bytes.Length);
            while (buffer.TryTake(out var record))
            {
                taken.Add(Encoding.UTF8.GetString(record));
            }
        }

        Assert.Equal(["{\"type\":6}", "{\"type\":1,\"target\":\"update\"}", "{}"], taken);
    }

    [Fact]
    public void Record_LargerThanTheBuffer_GrowsItAndComesOutWhole()
    {
        var buffer = new HubRecordBuffer();
        var record = Enumerable.Range(0, 300_000).Select(i => (byte)('a' + i % 26)).Append(HubRecordBuffer.Separator).ToArray();

        foreach (var chunk in record.Chunk(7_000))
        {
            chunk.CopyTo(buffer.Free(chunk.Length));
            buffer.Advance(chunk.Length);
        }

        Assert.True(buffer.TryTake(out var taken));
        Assert.Equal(record[..^1], taken);
        Assert.False(buffer.TryTake(out _));
    }
}
