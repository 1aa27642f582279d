using System.Collections.Concurrent;

namespace ZhijiangLive.LoadTests.Measure;

/// <summary>
/// What the run has seen so far, updated by every connection at once: events sent and how the server answered
/// them, the deliberate bad input and whether each came back as it must, errors by status, and the
/// acknowledgement latencies of the current interval (swapped out once a second by <see cref="TakeInterval"/>).
/// </summary>
public sealed class RunCounters
{
    private LatencyHistogram _interval = new();
    private long _sent, _accepted, _duplicates, _requests, _retries;
    private long _badSent, _badHandled, _violations, _retryDuplicates, _abandoned, _unanswered;

    public ConcurrentDictionary<string, long> RejectedByReason { get; } = new();
    public ConcurrentDictionary<string, long> UnexpectedRejections { get; } = new();
    public ConcurrentDictionary<string, long> BadSentByKind { get; } = new();
    public ConcurrentDictionary<string, long> ErrorsByStatus { get; } = new();
    public List<string> ViolationSamples { get; } = [];

    public long Sent => Interlocked.Read(ref _sent);
    public long Accepted => Interlocked.Read(ref _accepted);
    public long Duplicates => Interlocked.Read(ref _duplicates);
    public long Requests => Interlocked.Read(ref _requests);
    public long Retries => Interlocked.Read(ref _retries);
    public long BadSent => Interlocked.Read(ref _badSent);
    public long BadHandled => Interlocked.Read(ref _badHandled);
    public long Violations => Interlocked.Read(ref _violations);

    /// <summary>Events of requests given up on after the last retry: never acknowledged, so not known to be in.</summary>
    public long Abandoned => Interlocked.Read(ref _abandoned);

    /// <summary>Duplicates answered to a resent request beyond the deliberate ones: events that had landed before the resend.</summary>
    public long RetryDuplicates => Interlocked.Read(ref _retryDuplicates);
    public long Rejected => RejectedByReason.Values.Sum();

    public void Sending(int events) => Interlocked.Add(ref _sent, events);

    public void BadSending(string kind)
    {
        Interlocked.Increment(ref _badSent);
        Add(BadSentByKind, kind, 1);
    }

    public void Acknowledged(int accepted, int duplicates, TimeSpan latency)
    {
        Interlocked.Add(ref _accepted, accepted);
        Interlocked.Add(ref _duplicates, duplicates);
        Interlocked.Increment(ref _requests);
        Volatile.Read(ref _interval).Record(latency);
    }

    public void Rejection(string reason) => Add(RejectedByReason, reason, 1);

    public void Unexpected(string reason) => Add(UnexpectedRejections, reason, 1);

    public void BadHandledAsExpected(int count = 1) => Interlocked.Add(ref _badHandled, count);

    public void RetriedLanded(int count) => Interlocked.Add(ref _retryDuplicates, count);

    public void Violation(int count, string what)
    {
        Interlocked.Add(ref _violations, count);
        lock (ViolationSamples)
        {
            if (ViolationSamples.Count < 20) ViolationSamples.Add(what);
        }
    }

    /// <summary>The first message of each status, so the report can say what the errors were.</summary>
    public ConcurrentDictionary<string, string> FirstErrorMessage { get; } = new();

    public void Error(string status, string? message = null)
    {
        Add(ErrorsByStatus, status, 1);
        if (message is not null) FirstErrorMessage.TryAdd(status, message);
    }

    public void Retrying() => Interlocked.Increment(ref _retries);

    public void GaveUp(int events) => Interlocked.Add(ref _abandoned, events);

    /// <summary>
    /// Events of attempts that got no reply. The server may have answered each of them anyway (accepted, duplicate
    /// or rejected) without this side seeing it: the most by which its counts may exceed these.
    /// </summary>
    public long Unanswered => Interlocked.Read(ref _unanswered);

    public void NoReply(int events) => Interlocked.Add(ref _unanswered, events);

    /// <summary>Events accepted outside the measured requests (the push probe's marks), so the totals still reconcile.</summary>
    public void AcceptedAside(int accepted)
    {
        Interlocked.Add(ref _sent, accepted);
        Interlocked.Add(ref _accepted, accepted);
    }

    /// <summary>The acknowledgement latencies since the last call, and a fresh histogram for the next interval.</summary>
    public LatencyHistogram TakeInterval() => Interlocked.Exchange(ref _interval, new LatencyHistogram());

    private static void Add(ConcurrentDictionary<string, long> map, string key, long n) => map.AddOrUpdate(key, n, (_, v) => v + n);
}
