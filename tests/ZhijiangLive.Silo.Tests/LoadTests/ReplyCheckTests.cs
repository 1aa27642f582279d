using ZhijiangLive.Contracts.V1;
using ZhijiangLive.LoadTests.Measure;
using ZhijiangLive.LoadTests.Traffic;

namespace ZhijiangLive.Silo.Tests.LoadTests;

public sealed class ReplyCheckTests
{
    private static PlannedBatch Batch(params Expect[] expected)
    {
        var request = new PublishRequest();
        request.Events.AddRange(expected.Select((_, i) => new ActivityEvent { EventId = $"e{i}", TeacherId = "t" }));
        return new PlannedBatch(request, expected);
    }

    private static PublishReply Reply(int accepted, int duplicates, params int[] rejected)
    {
        var reply = new PublishReply { Accepted = accepted, Duplicates = duplicates };
        reply.Rejections.AddRange(rejected.Select(i => new Rejection { Index = i, Reason = "UNKNOWN_TEACHER" }));
        return reply;
    }

    [Fact]
    public void Bad_input_answered_as_it_must_be_is_counted_and_is_no_violation()
    {
        var counters = new RunCounters();
        ReplyCheck.Apply(Batch(Expect.Accepted, Expect.Rejected, Expect.Duplicate), Reply(1, 1, 1), TimeSpan.FromMilliseconds(3), counters);
        Assert.Equal((1, 1, 2, 0L), (counters.Accepted, counters.Duplicates, counters.BadHandled, counters.Violations));
        Assert.Equal(1, counters.RejectedByReason["UNKNOWN_TEACHER"]);
    }

    [Fact]
    public void A_bad_event_not_rejected_and_a_repeated_id_accepted_are_violations()
    {
        var counters = new RunCounters();
        ReplyCheck.Apply(Batch(Expect.Accepted, Expect.Rejected, Expect.Duplicate), Reply(3, 0), TimeSpan.Zero, counters);
        Assert.Equal(2, counters.Violations);
        Assert.Equal(2, counters.ViolationSamples.Count);
    }

    [Fact]
    public void A_good_event_refused_is_unexpected()
    {
        var counters = new RunCounters();
        ReplyCheck.Apply(Batch(Expect.Accepted, Expect.Accepted), Reply(1, 0, 0), TimeSpan.Zero, counters);
        Assert.Equal(1, counters.UnexpectedRejections.Values.Sum());
    }

    [Fact]
    public void Duplicates_of_a_resent_request_are_events_that_landed_before_not_violations()
    {
        var counters = new RunCounters();
        var batch = Batch(Expect.Accepted, Expect.Accepted, Expect.Duplicate);
        batch.Attempts = 1;
        ReplyCheck.Apply(batch, Reply(0, 3), TimeSpan.Zero, counters);
        Assert.Equal((2L, 0L, 0), (counters.RetryDuplicates, counters.Violations, counters.UnexpectedRejections.Count));
    }
}
