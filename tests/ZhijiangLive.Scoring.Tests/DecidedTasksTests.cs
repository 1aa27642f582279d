using ZhijiangLive.Scoring.State;

namespace ZhijiangLive.Scoring.Tests;

public sealed class DecidedTasksTests
{
    [Fact]
    public void Contains_OnlyTheTasksAdded_InAnyOrder()
    {
        var decided = new DecidedTasks();
        foreach (var id in new[] { "task-9", "task-1", "task-5", "task-1" })
        {
            decided.Add(id);
        }

        Assert.Equal(3, decided.Count);
        Assert.True(decided.Contains("task-1") && decided.Contains("task-5") && decided.Contains("task-9"));
        Assert.False(decided.Contains("task-2"));
        Assert.False(decided.Contains("Task-1"));
    }

    [Fact]
    public void Fingerprint_IsStableAcrossProcesses()
    {
        // Pinned against an independent computation (FNV-1a 64 over UTF-16 units, murmur3's finaliser):
        // a snapshot written by one build must be read the same by the next.
        Assert.Equal(0x599bc41316911c67UL, DecidedTasks.Fingerprint("task-1"));
    }
}
