using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.SignalR.Client;
using ZhijiangLive.Client;
using ZhijiangLive.Contracts.V1;
using V1 = ZhijiangLive.Contracts.V1;
using ZhijiangLive.LoadTests.Measure;
using ZhijiangLive.LoadTests.Province;

namespace ZhijiangLive.LoadTests.Live;

/// <summary>
/// Event-to-dashboard latency. The probe follows a region's day on the hub and marks events: each mark is a
/// province-level review of a new resource of the marker teacher, worth 10 points with no daily cap, so the
/// marker's day score after mark n is known in advance. A push whose top teachers show the marker at or above
/// that score reflects mark n; the time from sending the mark to receiving that push is its latency.
/// </summary>
public sealed class PushProbe(HubConnection hub, ZhijiangClient ingest, RunCounters counters, string idPrefix, Func<DateTimeOffset> serverNow)
{
    private const int PointsPerMark = 10;
    private readonly List<(long Score, long SentAt)> _waiting = [];
    private long _score;

    public LatencyHistogram Latency { get; } = new();

    private LatencyHistogram _interval = new();

    public int Marks { get; private set; }
    public int Pushes { get; private set; }
    public int Unresolved { get { lock (_waiting) return _waiting.Count; } }

    /// <summary>Why following the region failed (the hub refused the subscription), if it did.</summary>
    public string? Failure { get; private set; }

    /// <summary>Push latencies since the last call, for the chart; the pushes after it go into a fresh histogram.</summary>
    public LatencyHistogram TakeInterval() => Interlocked.Exchange(ref _interval, new LatencyHistogram());

    /// <summary>Follows <paramref name="regionId"/> and marks events every 1/<paramref name="perSecond"/> s until stopped.</summary>
    public async Task RunAsync(string regionId, long startScore, double perSecond, CancellationToken stop)
    {
        _score = startScore;
        using var snapshots = hub.On<PushedView>("snapshot", OnPush);
        using var updates = hub.On<PushedView>("update", OnPush);
        try
        {
            await hub.InvokeAsync("Subscribe", regionId, "day", stop);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            Failure = $"hub call failed: {error.Message}";
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / perSecond));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await MarkAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task MarkAsync()
    {
        var n = Marks++;
        var request = new PublishRequest();
        request.Events.Add(new V1.ActivityEvent
        {
            EventId = $"{idPrefix}-mark-{n}", TeacherId = GeneratedProvince.MarkerTeacherId, Client = V1.Client.Web,
            OccurredAt = Timestamp.FromDateTimeOffset(serverNow()),
            ResourceReviewed = new ResourceReviewed { ResourceId = $"{idPrefix}-mark-res-{n}", Level = ReviewLevel.Province },
        });
        lock (_waiting) _waiting.Add((_score + PointsPerMark, Stopwatch.GetTimestamp()));
        try
        {
            var reply = await ingest.PublishAsync(request, new ZhijiangCallOptions { Timeout = TimeSpan.FromSeconds(10) });
            counters.AcceptedAside(reply.Accepted);
            if (reply.Accepted == 1) _score += PointsPerMark;
            else lock (_waiting) _waiting.RemoveAt(_waiting.Count - 1);
        }
        catch (Exception)
        {
            lock (_waiting) _waiting.RemoveAt(_waiting.Count - 1);
            counters.Error("probe mark failed");
        }
    }

    private void OnPush(PushedView message)
    {
        if (message.TopTeachers is not { } top) return;
        var now = Stopwatch.GetTimestamp();
        foreach (var row in top)
        {
            if (row.Id != GeneratedProvince.MarkerTeacherId) continue;
            var shown = row.Score;
            Pushes++;
            lock (_waiting)
            {
                while (_waiting.Count > 0 && _waiting[0].Score <= shown)
                {
                    var latency = Stopwatch.GetElapsedTime(_waiting[0].SentAt, now);
                    Latency.Record(latency);
                    Volatile.Read(ref _interval).Record(latency);
                    _waiting.RemoveAt(0);
                }
            }
        }
    }
}
