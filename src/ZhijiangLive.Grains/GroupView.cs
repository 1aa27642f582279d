using Orleans;
using ZhijiangLive.Grains.Aggregation;

namespace ZhijiangLive.Grains;

/// <summary>
/// A school's or region's figures for the day, month and year containing <see cref="Date"/>: counted
/// (unlocked) teachers, and for regions the schools under it and how many meet both school targets.
/// </summary>
[GenerateSerializer, Alias("zl.GroupView")]
public sealed record GroupView(
    string Id,
    string Name,
    DateOnly Date,
    int Teachers,
    PeriodFigures Day,
    PeriodFigures Month,
    PeriodFigures Year,
    int Schools,
    int SchoolsMeetingTargets);
