using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.State;
using ZhijiangLive.Scoring.State.Serialization;
using ZhijiangLive.Scoring.Tests.Properties;
using static ZhijiangLive.Scoring.Tests.Shanghai;

namespace ZhijiangLive.Scoring.Tests;

public sealed class TeacherStateCodecTests
{
    /// <summary>A few days of every kind of event, some of them late, with one resource deleted.</summary>
    private static TeacherHarness Busy()
    {
        var t = new TeacherHarness();
        t.Profile(OnDay(0, hour: 7));
        for (var day = 0; day < 6; day++)
        {
            t.Login(OnDay(day, hour: 7), ClientKind.Mobile);
            t.MobileOp(OnDay(day, hour: 8));
            t.Spread("r1", $"u{day}", OnDay(day, hour: 9));
            t.Spread("r2", $"u{day}", OnDay(day, hour: 9));
            t.Teach($"s{day}", OnDay(day, hour: 10));
            t.InteractWith(day + 2, OnDay(day, hour: 11));
            t.UseApp("weike", OnDay(day, hour: 12));
            t.Publish($"k{day}", OnDay(day, hour: 13));
            t.EngageStudents($"k{day}", day * 3, OnDay(day, hour: 14));
        }
        t.Review("r1", ReviewLevel.City, OnDay(5, hour: 15));
        t.Review("r2", ReviewLevel.County, OnDay(5, hour: 15));
        t.Delete("r2", OnDay(5, hour: 16));
        return t;
    }

    [Fact]
    public void NewTeacher_RoundTrips()
    {
        var restored = Snapshot.RoundTrip(new TeacherState("t-new"));

        Assert.Equal("t-new", restored.TeacherId);
        Assert.Null(restored.Resources);
        Assert.Empty(restored.Days.Live);
    }

    [Fact]
    public void BusyTeacher_RoundTripsToTheSameScores()
    {
        var t = Busy();
        var restored = Snapshot.RoundTrip(t.State);

        for (var day = 0; day < 7; day++)
        {
            Assert.Equal(ScoresDigest.Of(t.Scores(Date(day))), ScoresDigest.Of(t.Reader.Read(restored, Date(day))));
        }
    }

    [Fact]
    public void EqualStates_WriteEqualBytes_WhateverOrderTheirRecordsCameIn()
    {
        var first = new TeacherHarness();
        var second = new TeacherHarness();
        foreach (var user in new[] { "u1", "u2", "u3" })
        {
            first.Spread("r1", user, OnDay(0));
            first.Spread("r2", user, OnDay(0, hour: 11));
        }
        foreach (var user in new[] { "u3", "u1", "u2" })
        {
            second.Spread("r2", user, OnDay(0));
            second.Spread("r1", user, OnDay(0, hour: 11));
        }

        Assert.Equal(Snapshot.Bytes(first.State), Snapshot.Bytes(second.State));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(255)]
    public void UnknownVersion_IsRefused(byte version)
    {
        var bytes = Snapshot.Bytes(Busy().State);
        bytes[0] = version;

        var error = Assert.Throws<InvalidDataException>(() => Snapshot.Read(bytes));
        Assert.Contains($"format {version} is unknown", error.Message);
    }

    [Fact]
    public void SnapshotWithAnotherRuleCount_IsRefused()
    {
        var bytes = Snapshot.Bytes(Busy().State);
        bytes[1] = RuleIds.Count + 1;

        Assert.Throws<InvalidDataException>(() => Snapshot.Read(bytes));
    }

    [Fact]
    public void TruncatedSnapshot_IsRefusedAsInvalidData()
    {
        var bytes = Snapshot.Bytes(Busy().State);

        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => Snapshot.Read(bytes[..length]));
        }
    }
}
