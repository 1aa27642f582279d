using Orleans;
using Orleans.Concurrency;
using ZhijiangLive.Scoring;
using ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Grains.Teachers;

/// <summary>
/// One teacher's share of a hand-off (one ingest group, or several), in journal order: the whole share
/// travels as one grain call, since calls, not events, are what the runtime pays for. Never changed once
/// sent, so a call inside the silo passes it by reference instead of copying every event.
/// </summary>
[GenerateSerializer, Immutable, Alias("zl.TeacherEvents")]
public sealed record TeacherEvents(TeacherEvent[] Events);

/// <summary>
/// An accepted event, its journal position (0 when it has none) and when it was accepted: each event has its
/// own instant, so that several ingest groups can travel in one call.
/// </summary>
[GenerateSerializer, Immutable, Alias("zl.TeacherEvent")]
public readonly record struct TeacherEvent(ActivityEvent Event, long Position, DateTimeOffset AcceptedAt);

/// <summary>One outcome per event of a <see cref="TeacherEvents"/>, in the same order; passed by reference like it.</summary>
[GenerateSerializer, Immutable, Alias("zl.TeacherOutcomes")]
public sealed record TeacherOutcomes(ScoreOutcome[] Outcomes);
