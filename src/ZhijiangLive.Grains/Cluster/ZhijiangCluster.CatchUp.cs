using ZhijiangLive.Grains.Journal;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Teachers;

namespace ZhijiangLive.Grains.Cluster;

/// <summary>
/// Teachers whose grain came back behind. A silo that dies takes its teachers' progress since their last stored
/// row with it; the grain that activates elsewhere from that row would score the next events over a gap. So
/// every call says which position the teacher was last handed (<see cref="TeacherEvents.Previous"/>); a grain
/// that does not hold it refuses the call (<see cref="TeacherOutcomes.Behind"/>), and is first given its events
/// (and its roster changes) from the journal between what it holds and this call, in journal order, then the
/// call's own events. A call that fails because the teacher's silo is dying is sent again until the grain
/// answers from wherever it lives now.
/// </summary>
public sealed partial class ZhijiangCluster
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(60);

    // The journal position of the last event handed to each teacher, by the silo that writes the journal.
    private readonly Dictionary<string, long> _lastHanded = new(StringComparer.Ordinal);

    /// <summary>Where behind teachers catch up from; set by a host with a journal (none for tools and tests without one).</summary>
    public IJournalEvents? Journal { get; set; }

    /// <summary>The position handed before this share, and the share's last one remembered as the next call's.</summary>
    private long PreviousAndRemember(string teacherId, TeacherEvent[] share)
    {
        var last = share[^1].Position;
        if (last == 0)
        {
            return 0;
        }
        lock (_lastHanded)
        {
            var previous = _lastHanded.GetValueOrDefault(teacherId);
            _lastHanded[teacherId] = Math.Max(previous, last);
            return previous;
        }
    }

    private async Task<TeacherOutcomes> CallTeacherAsync(string teacherId, TeacherEvents events, Task<TeacherOutcomes> first)
    {
        var answer = await AnswerOfAsync(teacherId, events, first).ConfigureAwait(false);
        if (!answer.Behind)
        {
            return answer;
        }
        var journal = Journal ?? throw new InvalidOperationException(
            $"teacher '{teacherId}' came back behind its journal (holds position {answer.Holds}) and this silo has no journal to catch it up from");
        var shareFirst = events.Events.Length > 0 ? events.Events[0].Position : events.Previous + 1;
        var teacher = references.Teacher(teacherId);
        var missed = new List<TeacherEvent>();
        await foreach (var entry in journal.ReadAsync(answer.Holds, shareFirst - 1).ConfigureAwait(false))
        {
            switch (entry)
            {
                case JournaledEvent e when e.Event.TeacherId == teacherId:
                    missed.Add(new TeacherEvent(e.Event, e.Position, e.AcceptedAt));
                    break;
                case JournaledRoster r:
                    var entryOfTeacher = r.Batch.Teachers.LastOrDefault(t => t.Id == teacherId);
                    var registrations = r.Batch.Candidates.Where(c => c.TeacherId == teacherId && Services.Rubrics.ContainsKey(c.RubricId)).ToArray();
                    var upsert = entryOfTeacher is not null && RosterValidator.Problem(entryOfTeacher, Roster) is null;
                    if (!upsert && registrations.Length == 0)
                    {
                        break;
                    }
                    // The events before the change are scored under the entry they were accepted with.
                    await HandMissedAsync(teacher, missed).ConfigureAwait(false);
                    if (upsert)
                    {
                        await teacher.UpsertAsync(entryOfTeacher!).ConfigureAwait(false);
                    }
                    if (registrations.Length > 0)
                    {
                        await teacher.RegisterAsync(registrations).ConfigureAwait(false);
                    }
                    break;
            }
        }
        await HandMissedAsync(teacher, missed).ConfigureAwait(false);
        return await teacher.PublishAsync(events with { Previous = 0 }).ConfigureAwait(false);
    }

    private static async Task HandMissedAsync(ITeacherGrain teacher, List<TeacherEvent> missed)
    {
        if (missed.Count > 0)
        {
            await teacher.PublishAsync(new TeacherEvents([.. missed])).ConfigureAwait(false);
            missed.Clear();
        }
    }

    /// <summary>
    /// After a silo died: every teacher handed events by this silo is asked whether it holds the last of them, and
    /// one that came back behind catches up, also when no new event of its own would have told it so. Run between
    /// two hand-offs (the ingest sequence holds meanwhile); answers how many caught up.
    /// </summary>
    public async Task<int> CatchUpAllAsync()
    {
        List<KeyValuePair<string, long>> handed;
        lock (_lastHanded)
        {
            handed = [.. _lastHanded];
        }
        var caughtUp = 0;
        await Waves.SendAsync(handed, async pair =>
        {
            var check = new TeacherEvents([], pair.Value);
            var answer = await AnswerOfAsync(pair.Key, check, references.Teacher(pair.Key).PublishAsync(check)).ConfigureAwait(false);
            if (answer.Behind)
            {
                await CallTeacherAsync(pair.Key, check, Task.FromResult(answer)).ConfigureAwait(false);
                Interlocked.Increment(ref caughtUp);
            }
        }).ConfigureAwait(false);
        return caughtUp;
    }

    /// <summary>The call's answer; if its silo died under it, the answer of the same call sent again, to wherever the grain is now.</summary>
    private async Task<TeacherOutcomes> AnswerOfAsync(string teacherId, TeacherEvents events, Task<TeacherOutcomes> first)
    {
        var giveUp = DateTime.UtcNow + RetryFor;
        var call = first;
        while (true)
        {
            try
            {
                return await call.ConfigureAwait(false);
            }
            catch (Exception) when (Journal is not null && DateTime.UtcNow < giveUp)
            {
                // The events may have been scored before the silo died with them: the grain passes over what it holds.
                await Task.Delay(RetryInterval).ConfigureAwait(false);
                call = references.Teacher(teacherId).PublishAsync(events);
            }
        }
    }
}
