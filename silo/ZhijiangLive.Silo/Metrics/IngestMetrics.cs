using System.Diagnostics.Metrics;

namespace ZhijiangLive.Silo.Metrics;

/// <summary>
/// What ingest counts, through <see cref="System.Diagnostics.Metrics"/> (meter <c>ZhijiangLive.Ingest</c>):
/// events accepted, refused by reason, answered as duplicates and throttled by key, the time from a batch's arrival to its
/// reply, and each journal commit's size and time.
/// Any listener can read them (<c>dotnet-counters</c>, OpenTelemetry, a test's <see cref="MeterListener"/>).
/// </summary>
public sealed class IngestMetrics : IDisposable
{
    public const string MeterName = "ZhijiangLive.Ingest";
    public const string AckDuration = "zhijiang.ingest.ack.duration";
    public const string CommitRecords = "zhijiang.journal.commit.records";
    public const string CommitDuration = "zhijiang.journal.commit.duration";

    private readonly Meter _meter;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _throttled;
    private readonly Histogram<double> _ackSeconds;
    private readonly Histogram<int> _commitSize;
    private readonly Histogram<double> _commitSeconds;
    private readonly Counter<long> _commitFailures;

    public IngestMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _accepted = _meter.CreateCounter<long>("zhijiang.ingest.events.accepted", "{event}", "events accepted and journaled");
        _rejected = _meter.CreateCounter<long>("zhijiang.ingest.events.rejected", "{event}", "events refused, by reason");
        _duplicates = _meter.CreateCounter<long>("zhijiang.ingest.events.duplicates", "{event}", "events answered as duplicates");
        _throttled = _meter.CreateCounter<long>("zhijiang.ingest.events.throttled", "{event}",
            "events of batches refused RESOURCE_EXHAUSTED by their key's rate limit, by key name");
        _ackSeconds = _meter.CreateHistogram<double>(AckDuration, "s",
            "time from a batch's arrival (a Publish call or one PublishStream request) to its acknowledgement");
        _commitSize = _meter.CreateHistogram<int>(CommitRecords, "{record}", "records per journal commit");
        _commitSeconds = _meter.CreateHistogram<double>(CommitDuration, "s", "time of one journal commit");
        _commitFailures = _meter.CreateCounter<long>("zhijiang.journal.commit.failures", "{commit}", "journal commits that failed or timed out");
        // A counter is exported from its first measurement on: a zero now puts it there from the start, so
        // that Prometheus counts the first increase too. Labelled counters appear with their first label.
        _accepted.Add(0);
        _duplicates.Add(0);
        _commitFailures.Add(0);
    }

    /// <summary>What one batch came to, labelled with its publisher (<paramref name="publisher"/>), so that one
    /// publisher's figures can be told from another's.</summary>
    public void Answered(Publisher publisher, int accepted, int duplicates, IEnumerable<string> rejectionReasons)
    {
        var key = new KeyValuePair<string, object?>("key", publisher.Name);
        var id = new KeyValuePair<string, object?>("key_id", publisher.KeyId);
        if (accepted > 0)
        {
            _accepted.Add(accepted, key, id);
        }
        if (duplicates > 0)
        {
            _duplicates.Add(duplicates, key, id);
        }
        foreach (var reason in rejectionReasons)
        {
            _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason), key, id);
        }
    }

    /// <summary>A batch over its key's rate limit, refused whole: the key's name (never the key) labels it.</summary>
    public void Throttled(string keyName, int events) => _throttled.Add(events, new KeyValuePair<string, object?>("key", keyName));

    /// <summary>A batch answered OK, <paramref name="took"/> after it arrived.</summary>
    public void Acknowledged(TimeSpan took) => _ackSeconds.Record(took.TotalSeconds);

    public void Committed(int records, TimeSpan took)
    {
        _commitSize.Record(records);
        _commitSeconds.Record(took.TotalSeconds);
    }

    public void CommitFailed() => _commitFailures.Add(1);

    public void Dispose() => _meter.Dispose();
}
