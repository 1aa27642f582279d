using Orleans;
using ZhijiangLive.Scoring;

namespace ZhijiangLive.Grains.Serialization;

/// <summary>A <see cref="PeriodScore"/> in a query's answer.</summary>
[GenerateSerializer, Alias("zl.PeriodScore")]
public struct PeriodScoreSurrogate
{
    [Id(0)] public int Points;
    [Id(1)] public int MobilePoints;
    [Id(2)] public Dictionary<string, int> ByRule;
}

[RegisterConverter]
public sealed class PeriodScoreConverter : IConverter<PeriodScore, PeriodScoreSurrogate>
{
    public PeriodScore ConvertFromSurrogate(in PeriodScoreSurrogate s) => new(s.Points, s.MobilePoints, s.ByRule);

    public PeriodScoreSurrogate ConvertToSurrogate(in PeriodScore v) =>
        new() { Points = v.Points, MobilePoints = v.MobilePoints, ByRule = new Dictionary<string, int>(v.ByRule) };
}

/// <summary>A <see cref="TeacherScores"/> in a query's answer.</summary>
[GenerateSerializer, Alias("zl.TeacherScores")]
public struct TeacherScoresSurrogate
{
    [Id(0)] public DateOnly Date;
    [Id(1)] public PeriodScore Day;
    [Id(2)] public PeriodScore Month;
    [Id(3)] public PeriodScore Year;
    [Id(4)] public PeriodScore Lifetime;
    [Id(5)] public int LoginStreak;
    [Id(6)] public bool ActiveDay;
    [Id(7)] public bool ActiveMonth;
    [Id(8)] public bool ActiveYear;
}

[RegisterConverter]
public sealed class TeacherScoresConverter : IConverter<TeacherScores, TeacherScoresSurrogate>
{
    public TeacherScores ConvertFromSurrogate(in TeacherScoresSurrogate s) =>
        new(s.Date, s.Day, s.Month, s.Year, s.Lifetime, s.LoginStreak, s.ActiveDay, s.ActiveMonth, s.ActiveYear);

    public TeacherScoresSurrogate ConvertToSurrogate(in TeacherScores v) => new()
    {
        Date = v.Date, Day = v.Day, Month = v.Month, Year = v.Year, Lifetime = v.Lifetime,
        LoginStreak = v.LoginStreak, ActiveDay = v.ActiveDay, ActiveMonth = v.ActiveMonth, ActiveYear = v.ActiveYear,
    };
}
