using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Teachers;
using ZhijiangLive.Scoring;
using ZhijiangLive.Scoring.RulePacks;

namespace ZhijiangLive.Grains.Tests.Teachers;

public sealed class TeacherGrainStateCodecTests
{
    private const string TeacherId = "T1";
    private const int LedgerCapacity = 40;

    private static readonly TeacherScorer Scorer = new(RulePackLoader.Default);
    private static readonly ScoreReader Reader = new(RulePackLoader.Default);
    private static readonly int FirstDay = Scorer.Calendar.DayOf(RandomActivity.Start);

    private static readonly int[] _seeds = Enumerable.Range(1, 12).ToArray();

    public static TheoryData<int> Seeds { get; } = new(_seeds);

    private readonly LedgerNotes _notes = new();

    /// <summary>Another process's notes: the same texts met in another order, so numbered differently.</summary>
    private readonly LedgerNotes _otherNotes = new();

    public TeacherGrainStateCodecTests()
    {
        foreach (var note in new[] { "resource cap 50 reached", "already counted", "daily cap 10 reached", "task not published yet" })
        {
            _otherNotes.IndexOf(note);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RoundTrip_KeepsLedgerEntryReportSeqAndLastReport(int seed)
    {
        var (state, _) = Busy(seed);

        var bytes = TeacherGrainStateCodec.Serialize(state, _notes);
        var restored = TeacherGrainStateCodec.Deserialize(TeacherId, bytes, _otherNotes);

        Assert.Equal(state.Ledger.Count, restored.Ledger.Count);
        foreach (var firstKeptDay in new[] { 0, state.Scores.HorizonDay, state.Scores.HorizonDay + 2 })
        {
            for (var day = FirstDay; day <= FirstDay + 12; day++)
            {
                Assert.Equal(Ledger(state, _notes, day, firstKeptDay), Ledger(restored, _otherNotes, day, firstKeptDay));
            }
        }
        Assert.Equal(state.Entry, restored.Entry);
        Assert.Equal(state.ReportSeq, restored.ReportSeq);
        Assert.Equal(state.LastReport, restored.LastReport);
        Assert.Equal(Scores(state), Scores(restored));
        Assert.Equal(bytes, TeacherGrainStateCodec.Serialize(restored, _otherNotes));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RestoredTeacher_ScoresAndKeepsLaterEventsAsTheOriginal(int seed)
    {
        var (state, lastDay) = Busy(seed);
        var restored = TeacherGrainStateCodec.Deserialize(TeacherId, TeacherGrainStateCodec.Serialize(state, _notes), _otherNotes);

        foreach (var (e, acceptedAt) in RandomActivity.Days(TeacherId, seed + 1000, lastDay - 2, 6))
        {
            Assert.Equal(Apply(state, _notes, e, acceptedAt), Apply(restored, _otherNotes, e, acceptedAt));
        }

        for (var day = FirstDay; day <= lastDay + 5; day++)
        {
            Assert.Equal(Ledger(state, _notes, day, 0), Ledger(restored, _otherNotes, day, 0));
        }
        Assert.Equal(Scores(state), Scores(restored));
        Assert.Equal(TeacherGrainStateCodec.Serialize(state, _notes), TeacherGrainStateCodec.Serialize(restored, _otherNotes));
    }

    /// <summary>Guards the round trips against passing vacuously: the ledgers they copy have moved their window and dropped entries.</summary>
    [Fact]
    public void BusyTeachers_HaveLedgersWithAMovedWindowCappedDaysAndNotes()
    {
        var ledgers = _seeds.Select(seed => Busy(seed).State.Ledger).ToList();

        Assert.All(ledgers, l => Assert.True(l.FirstKeptDay > FirstDay));
        Assert.Contains(ledgers, l => l.CappedDays != 0);
        Assert.All(ledgers, l => Assert.Contains(l.Entries(_notes), e => e.Note is not null));
    }

    [Fact]
    public void NewTeacherWithoutEntryOrReport_RoundTrips()
    {
        var restored = TeacherGrainStateCodec.Deserialize(TeacherId, TeacherGrainStateCodec.Serialize(new TeacherGrainState(TeacherId), _notes), _notes);

        Assert.Equal((null, 0L, null, 0), (restored.Entry, restored.ReportSeq, restored.LastReport, restored.Ledger.Count));
    }

    [Fact]
    public void NullStrings_InEntryAndReport_RoundTrip()
    {
        var state = new TeacherGrainState(TeacherId)
        {
            Entry = new TeacherEntry(TeacherId, null!, "S1", null!, Locked: true),
            ReportSeq = long.MaxValue,
            LastReport = new TeacherChange(TeacherId, -1, null!, false, PeriodKeys.Of(FirstDay), new PeriodScores(-3, 0, int.MaxValue), null, "C1"),
        };

        var restored = TeacherGrainStateCodec.Deserialize(TeacherId, TeacherGrainStateCodec.Serialize(state, _notes), _notes);

        Assert.Equal((state.Entry, state.ReportSeq, state.LastReport), (restored.Entry, restored.ReportSeq, restored.LastReport));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void UnknownVersion_IsRefused(byte version)
    {
        var bytes = TeacherGrainStateCodec.Serialize(Busy(1).State, _notes);
        bytes[0] = version;

        var error = Assert.Throws<InvalidDataException>(() => TeacherGrainStateCodec.Deserialize(TeacherId, bytes, _notes));
        Assert.Contains($"format {version} is unknown", error.Message);
    }

    /// <summary>Format 1 came before the rubric measures: the same bytes without them, still read.</summary>
    [Fact]
    public void Format1Snapshot_IsReadAsATeacherNothingWasMeasuredOf()
    {
        var state = Busy(3).State;
        var current = TeacherGrainStateCodec.Serialize(state, _notes);
        Assert.Equal(0, current[^1]);
        byte[] format1 = [1, .. current.AsSpan(1, current.Length - 2)];

        var restored = TeacherGrainStateCodec.Deserialize(TeacherId, format1, _notes);

        Assert.Null(restored.Measures);
        Assert.Equal(Scores(state), Scores(restored));
        Assert.Equal(current, TeacherGrainStateCodec.Serialize(restored, _notes));
    }

    [Fact]
    public void Measures_RoundTrip()
    {
        var state = Busy(4).State;
        state.Measures = Scoring.Rubrics.Measures.MeasureKeeper.Register(null, "guizhou-2021", 2026, RandomActivity.Start);
        state.Measures.Followers = new(["u1", "u2"], StringComparer.Ordinal);

        var restored = TeacherGrainStateCodec.Deserialize(TeacherId, TeacherGrainStateCodec.Serialize(state, _notes), _notes);

        Assert.Equal(["u1", "u2"], restored.Measures!.Followers!.Order());
        Assert.Equal(RandomActivity.Start, restored.Measures.TallyFor("guizhou-2021", 2026)!.From);
    }

    [Fact]
    public void AnotherTeachersSnapshot_IsRefused()
    {
        var bytes = TeacherGrainStateCodec.Serialize(Busy(1).State, _notes);

        Assert.Throws<InvalidDataException>(() => TeacherGrainStateCodec.Deserialize("T2", bytes, _notes));
    }

    [Fact]
    public void TruncatedOrPaddedSnapshot_IsRefused()
    {
        var bytes = TeacherGrainStateCodec.Serialize(Busy(2).State, _notes);

        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => TeacherGrainStateCodec.Deserialize(TeacherId, bytes.AsMemory(0, length), _notes));
        }
        Assert.Throws<InvalidDataException>(() => TeacherGrainStateCodec.Deserialize(TeacherId, (byte[])[.. bytes, 0], _notes));
    }

    /// <summary>Eight days of random activity scored and kept in the ledger the way the teacher grain does, with a roster entry and a report.</summary>
    private (TeacherGrainState State, int LastDay) Busy(int seed)
    {
        var rng = new Random(seed);
        var state = new TeacherGrainState(TeacherId)
        {
            Entry = new TeacherEntry(TeacherId, $"教师{seed}", $"S{rng.Next(6)}", "数学", Locked: rng.Next(2) == 0),
        };
        foreach (var (e, acceptedAt) in RandomActivity.Days(TeacherId, seed, 0, 8))
        {
            Apply(state, _notes, e, acceptedAt);
        }
        var today = FirstDay + 7;
        var (day, month, year) = ScoreReader.PointsAround(state.Scores, today);
        state.ReportSeq = rng.Next(1, 10_000);
        state.LastReport = new TeacherChange(
            TeacherId, state.ReportSeq, state.Entry.SchoolId, rng.Next(2) == 0, PeriodKeys.Of(today),
            new PeriodScores(day, month, year), rng.Next(2) == 0 ? "K1" : null, rng.Next(2) == 0 ? "C1" : null);
        return (state, today);
    }

    private static ScoreOutcome Apply(TeacherGrainState state, LedgerNotes notes, Scoring.Events.ActivityEvent e, DateTimeOffset acceptedAt)
    {
        var outcome = Scorer.Apply(state.Scores, e, acceptedAt);
        if (!outcome.IsRejected)
        {
            state.Ledger.Add(outcome.Entry, state.Scores.HorizonDay, LedgerCapacity, notes);
        }
        return outcome;
    }

    private static string Ledger(TeacherGrainState state, LedgerNotes notes, int day, int firstKeptDay)
    {
        var ledger = state.Ledger.Read(DateOnly.FromDayNumber(day), firstKeptDay, notes);
        return $"{ledger.Date} kept {ledger.Kept} complete {ledger.Complete}: " +
            string.Join("; ", ledger.Entries.Select(e => $"{e.EventId} {e.Rule} {e.Points} {e.Day} {e.Note}"));
    }

    private static string Scores(TeacherGrainState state) => string.Join(" | ", Enumerable.Range(FirstDay, 14).Select(day =>
    {
        var s = Reader.Read(state.Scores, DateOnly.FromDayNumber(day));
        return $"{s.Day.Points}/{s.Day.MobilePoints} {s.Month.Points} {s.Year.Points} {s.Lifetime.Points}/{s.Lifetime.MobilePoints} {s.LoginStreak}";
    }));
}
