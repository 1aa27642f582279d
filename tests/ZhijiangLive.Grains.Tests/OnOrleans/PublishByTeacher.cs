using Orleans;
using ZhijiangLive.Grains.Teachers;
using ZhijiangLive.Scoring;
using ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Grains.Tests.OnOrleans;

internal static class PublishByTeacher
{
    /// <summary>
    /// As the facade will call Orleans: the checks that need no teacher first (so a locked teacher's stale
    /// event is OUT_OF_WINDOW, as today), then one call per teacher with its events of the group, all at once.
    /// </summary>
    public static async Task<ScoreOutcome[]> PublishAsync(
        Grains.Cluster.ZhijiangCluster checks, IGrainFactory grains, List<ActivityEvent> batch, DateTimeOffset acceptedAt)
    {
        var outcomes = new ScoreOutcome[batch.Count];
        var passed = new List<(ActivityEvent e, int index)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var (reason, detail) = checks.Precheck(batch[i], acceptedAt);
            if (reason == RejectionReason.None) passed.Add((batch[i], i));
            else outcomes[i] = ScoreOutcome.Rejected(reason, detail);
        }
        var calls = passed
            .GroupBy(p => p.e.TeacherId)
            .Select(async teacher =>
            {
                var indexes = teacher.Select(p => p.index).ToArray();
                var events = new TeacherEvents(acceptedAt, [.. teacher.Select(p => new TeacherEvent(p.e, 0))]);
                var answered = await grains.GetGrain<ITeacherGrain>(teacher.Key).PublishAsync(events);
                for (var i = 0; i < indexes.Length; i++)
                {
                    outcomes[indexes[i]] = answered[i];
                }
            });
        await Task.WhenAll(calls);
        return outcomes;
    }
}
