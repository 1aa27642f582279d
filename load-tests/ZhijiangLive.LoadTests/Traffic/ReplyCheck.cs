using ZhijiangLive.Contracts.V1;
using ZhijiangLive.LoadTests.Measure;

namespace ZhijiangLive.LoadTests.Traffic;

/// <summary>
/// Holds a reply against what its batch expected. Every rejection is counted by reason; a deliberate bad event that
/// was not rejected, or a repeated id the server accepted, is a violation; a good event refused is unexpected.
/// A resent batch may find its events already there: those duplicates are counted apart, not as violations.
/// </summary>
public static class ReplyCheck
{
    public static HashSet<int> Apply(PlannedBatch batch, PublishReply reply, TimeSpan latency, RunCounters counters)
    {
        counters.Acknowledged(reply.Accepted, reply.Duplicates, latency);
        var rejected = new HashSet<int>();
        foreach (var rejection in reply.Rejections)
        {
            rejected.Add(rejection.Index);
            counters.Rejection(rejection.Reason);
            var expected = rejection.Index >= 0 && rejection.Index < batch.Expected.Length ? batch.Expected[rejection.Index] : Expect.Accepted;
            if (expected == Expect.Rejected) counters.BadHandledAsExpected();
            else counters.Unexpected($"{rejection.Reason} ({(expected == Expect.Duplicate ? "a repeated id" : "a good event")})");
        }

        int goodLeft = 0, repeatsLeft = 0;
        for (var i = 0; i < batch.Expected.Length; i++)
        {
            if (rejected.Contains(i)) continue;
            switch (batch.Expected[i])
            {
                case Expect.Accepted: goodLeft++; break;
                case Expect.Duplicate: repeatsLeft++; break;
                default:
                    var e = batch.Request.Events[i];
                    counters.Violation(1, $"bad event {e.EventId} (teacher {e.TeacherId}, at {e.OccurredAt}) was not rejected");
                    break;
            }
        }

        var repeatsAnswered = Math.Min(reply.Duplicates, repeatsLeft);
        counters.BadHandledAsExpected(repeatsAnswered);
        if (repeatsAnswered < repeatsLeft)
        {
            counters.Violation(repeatsLeft - repeatsAnswered, $"{repeatsLeft - repeatsAnswered} repeated event ids of {batch.Request.Events[0].EventId}'s batch were accepted");
        }
        var extra = reply.Duplicates - repeatsAnswered;
        if (extra > 0)
        {
            if (batch.Attempts > 0) counters.RetriedLanded(extra);
            else counters.Unexpected("DUPLICATE (a fresh event id)");
        }
        return rejected;
    }
}
