using Microsoft.Extensions.Logging.Abstractions;
using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Forwarding;

namespace ZhijiangLive.Grains.Tests.Forwarding;

/// <summary>The silo's outbox itself, with parents that are plain lists instead of grains.</summary>
public sealed class ReportOutboxTests
{
    [Fact]
    public async Task APost_WhileAFlushIsStillSendingItsCalls_DoesNotWaitForThem()
    {
        var outbox = new ListOutbox();
        outbox.Post([Report("T1", "S1")]);
        outbox.BlockSends();
        var flushing = Task.Run(outbox.FlushAsync);
        Assert.True(outbox.SendStarted.Wait(TimeSpan.FromSeconds(10)), "the flush never began to send");

        // A teacher grain scoring while the flush is still issuing its calls (a window of thousands of schools).
        var posting = Task.Run(() => outbox.Post([Report("T2", "S2")]));
        var posted = await Task.WhenAny(posting, Task.Delay(TimeSpan.FromSeconds(5))) == posting;
        outbox.ReleaseSends();
        await Task.WhenAll(flushing, posting).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(posted, "the post waited for the flush's calls to be sent");
        await outbox.FlushAsync();
        Assert.Equal(["T1"], outbox.Received("S1"));
        Assert.Equal(["T2"], outbox.Received("S2"));
    }

    [Fact]
    public async Task AFlushBehindAnother_SendsOnlyOnceTheFirstHasSent_SoAParentGetsATeachersReportsInOrder()
    {
        var outbox = new ListOutbox();
        outbox.Post([Report("T1", "S1", seq: 1)]);
        outbox.BlockSends();
        var first = Task.Run(outbox.FlushAsync);
        Assert.True(outbox.SendStarted.Wait(TimeSpan.FromSeconds(10)), "the flush never began to send");
        var second = Task.Run(() =>
        {
            outbox.Post([Report("T1", "S1", seq: 2)]);
            return outbox.FlushAsync();
        });
        await Task.Delay(100);
        Assert.False(second.IsCompleted);

        outbox.ReleaseSends();
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([1L, 2L], outbox.Sequence("S1"));
    }

    [Fact]
    public async Task AFailedSend_FailsTheFlush_AndItsReportsGoWithTheNext()
    {
        var outbox = new ListOutbox();
        outbox.Post([Report("T1", "S1")]);
        outbox.FailNextSend();

        await Assert.ThrowsAsync<InvalidOperationException>(outbox.FlushAsync);
        await outbox.FlushAsync();

        Assert.Equal(["T1"], outbox.Received("S1"));
    }

    private static TeacherChange Report(string teacher, string school, long seq = 1) =>
        new(teacher, seq, school, Counted: true, default, default);

    private sealed class ListOutbox() : ReportOutbox(TimeSpan.FromHours(1), NullLogger.Instance)
    {
        private readonly List<(string Parent, TeacherChange Report)> _received = [];
        private readonly ManualResetEventSlim _sendsMayGo = new(initialState: true);
        private bool _failNext;

        public ManualResetEventSlim SendStarted { get; } = new();

        public void BlockSends() => _sendsMayGo.Reset();

        public void ReleaseSends() => _sendsMayGo.Set();

        public void FailNextSend() => _failNext = true;

        public string[] Received(string parent)
        {
            lock (_received)
            {
                return [.. _received.Where(r => r.Parent == parent).Select(r => r.Report.TeacherId)];
            }
        }

        public long[] Sequence(string parent)
        {
            lock (_received)
            {
                return [.. _received.Where(r => r.Parent == parent).Select(r => r.Report.Seq)];
            }
        }

        protected override string ParentOf(in TeacherChange report) => report.SchoolId;

        // Synchronous until the test lets it go, as issuing thousands of grain calls is.
        protected override Task SendAsync(string parent, TeacherChange[] reports)
        {
            SendStarted.Set();
            _sendsMayGo.Wait();
            if (_failNext)
            {
                _failNext = false;
                return Task.FromException(new InvalidOperationException("the parent is unreachable"));
            }
            lock (_received)
            {
                _received.AddRange(reports.Select(r => (parent, r)));
            }
            return Task.CompletedTask;
        }
    }
}
