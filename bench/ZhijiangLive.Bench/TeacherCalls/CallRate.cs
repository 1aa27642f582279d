using System.Diagnostics;

namespace ZhijiangLive.Bench.TeacherCalls;

/// <summary>Calls per second of a grain call, with a bounded number unanswered.</summary>
internal static class CallRate
{
    public static readonly Func<Task> Settled = () => Task.CompletedTask;

    /// <summary>Calls with at most <paramref name="inFlight"/> unanswered, then waits for <paramref name="settled"/>.</summary>
    public static async Task<double> MeasureAsync(int count, int inFlight, Func<int, Task> call, Func<Task> settled)
    {
        var pending = new Queue<Task>(inFlight);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            pending.Enqueue(call(i));
            if (pending.Count >= inFlight)
            {
                await pending.Dequeue();
            }
        }
        while (pending.Count > 0)
        {
            await pending.Dequeue();
        }
        await settled();
        return count / clock.Elapsed.TotalSeconds;
    }
}
