using Orleans;
using Orleans.Concurrency;
using ZhijiangLive.Scoring;
using ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Grains.Teachers;

/// <summary>
/// One teacher's share of an ingest group, in acceptance order: the whole share travels as one grain call,
/// since calls, not events, are what the runtime pays for.
/// </summary>
[GenerateSerializer, Alias("zl.TeacherEvents")]
public sealed record TeacherEvents(DateTimeOffset AcceptedAt, TeacherEvent[] Events);

/// <summary>An accepted event and its journal position (0 when it has none).</summary>
[GenerateSerializer, Alias("zl.TeacherEvent")]
public readonly record struct TeacherEvent(ActivityEvent Event, long Position);

/// <summary>One outcome per event of a <see cref="TeacherEvents"/>, in the same order; passed by reference like it.</summary>
[GenerateSerializer, Immutable, Alias("zl.TeacherOutcomes")]
public sealed record TeacherOutcomes(ScoreOutcome[] Outcomes);
