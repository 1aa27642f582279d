using ZhijiangLive.LoadTests.Measure;

namespace ZhijiangLive.Silo.Tests.LoadTests;

public sealed class TimelineMarkerTests
{
    private readonly RunCounters _counters = new();
    private readonly Timeline _timeline;

    public TimelineMarkerTests() => _timeline = new Timeline(_counters, () => null, new PlainProgress(TextWriter.Null, quiet: true));

    [Fact]
    public void Each_stretch_of_errors_is_marked_at_the_second_it_began()
    {
        _timeline.Tick(1, 100, 7);
        _counters.Error("Unavailable");
        _timeline.Tick(2, 100, 7);
        _timeline.Tick(3, 100, 7);
        _counters.Error("DeadlineExceeded");
        _counters.Error("DeadlineExceeded");
        _timeline.Tick(4, 100, 7);

        Assert.Equal([1.0, 3.0], _timeline.Markers.Select(m => m.Second));
        Assert.Equal(["1 error: Unavailable", "2 errors: DeadlineExceeded"], _timeline.Markers.Select(m => m.Label));
        Assert.Equal([0L, 1, 0, 2], _timeline.Samples.Select(s => s.Errors));
    }

    [Fact]
    public void Errors_in_consecutive_seconds_count_in_one_marker()
    {
        _counters.Error("Unavailable");
        _timeline.Tick(1, 100, 7);
        _counters.Error("DeadlineExceeded");
        _counters.Error("DeadlineExceeded");
        _counters.Error("Unavailable");
        _timeline.Tick(2, 100, 7);

        var marker = Assert.Single(_timeline.Markers);
        Assert.Equal(0, marker.Second);
        Assert.Equal(new Dictionary<string, long> { ["Unavailable"] = 2, ["DeadlineExceeded"] = 2 }, marker.ByStatus);
    }
}
