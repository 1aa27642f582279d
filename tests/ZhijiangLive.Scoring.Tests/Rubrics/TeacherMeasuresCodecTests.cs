using ZhijiangLive.Scoring.RulePacks;
using ZhijiangLive.Scoring.Rubrics;
using ZhijiangLive.Scoring.Rubrics.Measures;
using ZhijiangLive.Scoring.Rubrics.Sheets;
using ZhijiangLive.Scoring.State;

namespace ZhijiangLive.Scoring.Tests.Rubrics;

/// <summary>A candidate's measures survive a snapshot: the same figures, the same bytes, and the same counting afterwards.</summary>
public sealed class TeacherMeasuresCodecTests
{
    private const int Year = 2026;
    private static readonly string[] Rubrics = ["featured-2018", "guizhou-2021"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RestoredMidYear_ReadsAndKeepsCountingAsTheOriginal(int seed)
    {
        var year = new SeededYear(seed, "t1", registerAtNewYear: false);
        var scorer = new TeacherScorer(RulePackLoader.Default);
        var keeper = new MeasureKeeper(scorer.Calendar);
        var state = new TeacherState("t1");
        TeacherMeasures? original = null;
        TeacherMeasures? restored = null;
        var half = year.Accepted.Count / 2;
        for (var i = 0; i < year.Accepted.Count; i++)
        {
            var (e, acceptedAt) = year.Accepted[i];
            if (i == 10)
            {
                // Registered early, so that the tallies hold something when the snapshot is taken.
                foreach (var rubric in Rubrics) original = MeasureKeeper.Register(original, rubric, Year, acceptedAt);
            }
            if (i == half)
            {
                restored = RoundTrip(original);
                Assert.Equal(Bytes(original), Bytes(restored));
                AssertSameFigures(state, original, restored);
            }
            if (!scorer.Apply(state, e, acceptedAt).IsRejected)
            {
                original = keeper.Observe(original, state, e);
                if (i >= half) restored = keeper.Observe(restored, state, e);
            }
        }

        Assert.NotNull(original!.TallyFor("guizhou-2021", Year));
        Assert.Equal(Bytes(original), Bytes(restored));
        AssertSameFigures(state, original, restored);
        Assert.Contains(Rubrics, r => CandidateFigures.Read(RubricLoader.Shipped[r], Year, state, original).Measured.Values.Count(v => v > 0) >= 5);
    }

    [Fact]
    public void NothingMeasured_RoundTripsAsNothing() => Assert.Null(RoundTrip((TeacherMeasures?)null));

    [Fact]
    public void UnknownFormat_IsRefused()
    {
        var bytes = Bytes(MeasureKeeper.Register(null, "featured-2018", Year, DateTimeOffset.UnixEpoch));
        bytes[1] = 9;

        var error = Assert.Throws<InvalidDataException>(() => Read(bytes));
        Assert.Contains("format 9 is unknown", error.Message);
    }

    private static void AssertSameFigures(TeacherState state, TeacherMeasures? original, TeacherMeasures? restored)
    {
        foreach (var rubric in Rubrics.Select(r => RubricLoader.Shipped[r]))
        {
            Assert.Equal(CandidateFigures.Read(rubric, Year, state, original).Measured, CandidateFigures.Read(rubric, Year, state, restored).Measured);
        }
    }

    private static byte[] Bytes(TeacherMeasures? measures)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream)) TeacherMeasuresCodec.Write(w, measures);
        return stream.ToArray();
    }

    private static TeacherMeasures? RoundTrip(TeacherMeasures? measures) => Read(Bytes(measures));

    private static TeacherMeasures? Read(byte[] bytes)
    {
        using var r = new BinaryReader(new MemoryStream(bytes));
        return TeacherMeasuresCodec.Read(r);
    }
}
