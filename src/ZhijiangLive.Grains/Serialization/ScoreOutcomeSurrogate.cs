using Orleans;
using ZhijiangLive.Scoring;

namespace ZhijiangLive.Grains.Serialization;

/// <summary>A <see cref="LedgerEntry"/> between grains and their callers.</summary>
[GenerateSerializer, Alias("zl.LedgerEntry")]
public struct LedgerEntrySurrogate
{
    [Id(0)] public string EventId;
    [Id(1)] public string Rule;
    [Id(2)] public int Points;
    [Id(3)] public DateOnly Day;
    [Id(4)] public string? Note;
}

[RegisterConverter]
public sealed class LedgerEntryConverter : IConverter<LedgerEntry, LedgerEntrySurrogate>
{
    public LedgerEntry ConvertFromSurrogate(in LedgerEntrySurrogate s) => new(s.EventId, s.Rule, s.Points, s.Day, s.Note);

    public LedgerEntrySurrogate ConvertToSurrogate(in LedgerEntry v) =>
        new() { EventId = v.EventId, Rule = v.Rule, Points = v.Points, Day = v.Day, Note = v.Note };
}

/// <summary>A <see cref="ScoreOutcome"/> as a teacher grain answers it.</summary>
[GenerateSerializer, Alias("zl.ScoreOutcome")]
public struct ScoreOutcomeSurrogate
{
    [Id(0)] public int Rejection;
    [Id(1)] public string? Detail;
    [Id(2)] public LedgerEntry Entry;
    [Id(3)] public bool MeasuresOnly;
}

[RegisterConverter]
public sealed class ScoreOutcomeConverter : IConverter<ScoreOutcome, ScoreOutcomeSurrogate>
{
    public ScoreOutcome ConvertFromSurrogate(in ScoreOutcomeSurrogate s) => new((RejectionReason)s.Rejection, s.Detail, s.Entry, s.MeasuresOnly);

    public ScoreOutcomeSurrogate ConvertToSurrogate(in ScoreOutcome v) =>
        new() { Rejection = (int)v.Rejection, Detail = v.Detail, Entry = v.Entry, MeasuresOnly = v.MeasuresOnly };
}
