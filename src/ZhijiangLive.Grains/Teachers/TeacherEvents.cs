using Orleans;
using Orleans.Concurrency;
using ZhijiangLive.Scoring;
using ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Grains.Teachers;

/// <summary>
/// One teacher's share of a hand-off (one ingest group, or several), in journal order: the whole share
/// travels as one grain call, since calls, not events, are what the runtime pays for. Never changed once
/// sent, so a call inside the silo passes it by reference instead of copying every event.
/// <paramref name="Previous"/> is the journal position of the last event handed to this teacher before these
/// (0 when not known): a grain whose state does not hold it came back from a stored row that is behind.
/// </summary>
[GenerateSerializer, Immutable, Alias("zl.TeacherEvents")]
public sealed record TeacherEvents(TeacherEvent[] Events, long Previous = 0);

/// <summary>
/// An accepted event, its journal position (0 when it has none) and when it was accepted: each event has its
/// own instant, so that several ingest groups can travel in one call.
/// </summary>
[GenerateSerializer, Immutable, Alias("zl.TeacherEvent")]
public readonly record struct TeacherEvent(ActivityEvent Event, long Position, DateTimeOffset AcceptedAt);

/// <summary>
/// One outcome per event of a <see cref="TeacherEvents"/>, in the same order; passed by reference like it. Or, when
/// <see cref="Behind"/>, none: the grain holds its events only up to <see cref="Holds"/> (its silo died after its
/// last stored row), scored nothing, and must be given the journal's events after that first.
/// </summary>
[GenerateSerializer, Immutable, Alias("zl.TeacherOutcomes")]
public sealed record TeacherOutcomes(ScoreOutcome[] Outcomes, bool Behind = false, long Holds = 0)
{
    public static TeacherOutcomes BehindAt(long holds) => new([], Behind: true, holds);
}
