using Orleans;
using Orleans.Concurrency;
using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Aggregation;

/// <summary>
/// A teacher's standing as its grain last reported it, travelling school → county → city → province.
/// Aggregators keep the latest one per teacher and derive every figure from the difference.
/// </summary>
/// <param name="Seq">Grows with every report of the teacher; an older report than the one kept is stale
/// (it can arrive late by another path after the teacher moved school).</param>
/// <param name="Counted">False when the teacher left this school or was locked: it leaves every figure.</param>
/// <param name="CountyId">Filled in by the school as it forwards the report.</param>
/// <param name="CityId">Filled in by the county as it forwards the report.</param>
/// <param name="Past">The teacher's scores in its other kept periods; null when it scored in none.</param>
[GenerateSerializer, Immutable, Alias("zl.TeacherChange")]
public readonly record struct TeacherChange(
    string TeacherId,
    long Seq,
    string SchoolId,
    bool Counted,
    PeriodKeys Keys,
    PeriodScores Scores,
    string? CountyId = null,
    string? CityId = null,
    TeacherPast? Past = null)
{
    /// <summary>The teacher's score in <paramref name="period"/> as of <paramref name="current"/>: 0 if reported for an earlier period.</summary>
    public int ScoreIn(Period period, PeriodKeys current) =>
        Keys[period] == current[period] ? Scores[period] : 0;

    /// <summary>The teacher's score in the period <paramref name="key"/> of <paramref name="period"/>, current or past.</summary>
    public int ScoreAt(Period period, int key) =>
        Keys[period] == key ? Scores[period] : Past?.ScoreIn(period, key) ?? 0;
}
