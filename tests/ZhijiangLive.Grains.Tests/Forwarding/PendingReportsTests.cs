using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Forwarding;
using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Tests.Forwarding;

public sealed class PendingReportsTests
{
    private static readonly PeriodKeys Monday = PeriodKeys.Of(new DateOnly(2026, 3, 2));
    private static readonly PeriodKeys Tuesday = PeriodKeys.Of(new DateOnly(2026, 3, 3));

    private readonly PendingReports _pending = new();

    private static TeacherChange Report(string teacher, long seq, PeriodKeys keys) =>
        new(teacher, seq, "S1", true, keys, new PeriodScores((int)seq, (int)seq, (int)seq));

    [Fact]
    public void NewerReport_OfAWaitingTeacher_TakesItsPlace()
    {
        _pending.Add(Report("T1", 1, Monday));
        _pending.Add(Report("T2", 1, Monday));
        _pending.Add(Report("T1", 2, Monday));

        Assert.Equal([Report("T1", 2, Monday), Report("T2", 1, Monday)], _pending.Take());
        Assert.True(_pending.IsEmpty);
    }

    [Fact]
    public void OlderReport_ArrivingAfterANewerOne_LeavesTheNewerWaiting()
    {
        // A teacher that moved school: its new school's report can be posted before its old school's.
        var moved = Report("T1", 5, Monday) with { SchoolId = "S2" };
        _pending.Add(moved);
        _pending.Add(Report("T1", 4, Monday) with { Counted = false });

        Assert.Equal([moved], _pending.Take());
    }

    [Fact]
    public void ReportOfALaterDay_IsNeverMovedBeforeTheDayChange()
    {
        // T2's Tuesday report makes the parent close Monday; T1's newer Monday report came after it, so it
        // must reach the parent after it too, or Monday would close with it.
        _pending.Add(Report("T1", 1, Monday));
        _pending.Add(Report("T2", 1, Tuesday));
        _pending.Add(Report("T1", 2, Monday));
        _pending.Add(Report("T1", 3, Monday));

        Assert.Equal([Report("T1", 1, Monday), Report("T2", 1, Tuesday), Report("T1", 3, Monday)], _pending.Take());
    }

    [Fact]
    public void Take_StartsAFreshWindow()
    {
        _pending.Add(Report("T1", 1, Monday));
        _pending.Take();
        _pending.Add(Report("T1", 2, Monday));

        Assert.Equal([Report("T1", 2, Monday)], _pending.Take());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void ATakenWindow_IsNeverChangedByTheNext(int reports)
    {
        // A full window's array goes to the parent as it is: the next window must not write into it.
        var first = Enumerable.Range(0, reports).Select(i => Report($"T{i}", 1, Monday)).ToArray();
        foreach (var report in first) _pending.Add(report);
        var taken = _pending.Take();
        for (var i = 0; i < 5; i++) _pending.Add(Report($"U{i}", 2, Monday));

        Assert.Equal(first, taken);
        Assert.Equal(5, _pending.Take().Length);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(60)]
    public void AnyWindow_WaitsTheNewestReportOfEachTeacherPerRun_InFirstArrivalOrder(int teachers)
    {
        // Windows of a few teachers are searched along the list, longer ones through an index: both must
        // keep what a plain model keeps.
        var random = new Random(teachers);
        var model = new List<TeacherChange>();
        var runStart = 0;
        var seq = 0L;
        for (var i = 0; i < 400; i++)
        {
            var keys = i < 250 ? Monday : Tuesday;
            var report = Report($"T{random.Next(teachers)}", seq += random.Next(-1, 3), keys);
            _pending.Add(report);

            if (model.Count > 0 && model[^1].Keys != keys) runStart = model.Count;
            var waiting = model.FindLastIndex(r => r.TeacherId == report.TeacherId);
            if (waiting >= runStart && waiting >= 0)
            {
                if (model[waiting].Seq < report.Seq) model[waiting] = report;
            }
            else
            {
                model.Add(report);
            }
        }

        Assert.Equal(model, _pending.Take());
    }
}
