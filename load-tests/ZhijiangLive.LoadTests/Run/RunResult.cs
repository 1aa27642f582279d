using ZhijiangLive.LoadTests.Measure;
using ZhijiangLive.LoadTests.Options;
using ZhijiangLive.LoadTests.Report;

namespace ZhijiangLive.LoadTests.Run;

/// <summary>Everything a run found, for the report and the verdict.</summary>
public sealed record RunResult(
    LoadOptions Options,
    int Schools,
    int Teachers,
    TimeSpan? RosterUpload,
    TimeSpan Traffic,
    TimeSpan ClientCpu,
    RunCounters Counters,
    Timeline Timeline,
    ProbeSummary? Probe,
    ServerCounters? ServerBefore,
    ServerCounters? ServerAfter,
    string? ServerProblem)
{
    /// <summary>The server's delta, when both readings exist.</summary>
    public ServerCounters? ServerDelta => ServerBefore is not null && ServerAfter is not null ? ServerAfter.Since(ServerBefore) : null;

    /// <summary>
    /// Accepted there = accepted here, plus events of resent requests that had landed the first time (their resend
    /// was answered as duplicates), plus at most the events given up on; duplicates and rejections equal, or more
    /// there by at most the events of attempts that got no reply. Unknown (null) without the server's counters.
    /// </summary>
    public bool? Reconciles => ServerDelta is not { } there ? null : Reconcile(Counters, there.Accepted, there.Duplicates, there.Rejected);

    public static bool Reconcile(RunCounters here, long accepted, long duplicates, long rejected)
    {
        var landed = here.Accepted + here.RetryDuplicates;
        return accepted >= landed && accepted <= landed + here.Abandoned
            && duplicates >= here.Duplicates && duplicates <= here.Duplicates + here.Unanswered
            && rejected >= here.Rejected && rejected <= here.Rejected + here.Unanswered;
    }

    public long UnexpectedRejections => Counters.UnexpectedRejections.Values.Sum();

    /// <summary>0 when bad input was all refused, good input all taken and the totals reconcile (or could not be read); 1 otherwise.</summary>
    public int ExitCode => Counters.Violations > 0 || UnexpectedRejections > 0 || Reconciles == false || Counters.Abandoned > 0 || Counters.Accepted == 0 ? 1 : 0;
}

/// <summary>What the push probe measured: marks sent, pushes of the marker seen, marks no push reflected, latencies.</summary>
public sealed record ProbeSummary(string RegionId, int Marks, int Pushes, int Unresolved, LatencyHistogram Latency, string? Problem);
