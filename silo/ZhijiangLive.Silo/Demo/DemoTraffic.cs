using ZhijiangLive.Silo.Metrics;
using Google.Protobuf.WellKnownTypes;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Silo.Ingest;

namespace ZhijiangLive.Silo.Demo;

/// <summary>
/// <c>--demo</c>: loads a generated province, then publishes simulated activity through the same ingest
/// path the gRPC API uses, ten batches a second, until the silo stops.
/// </summary>
public sealed class DemoTraffic(
    ZhijiangCluster cluster, IngestPipeline ingest, DemoOptions options, TimeProvider time, ILogger<DemoTraffic> logger)
    : BackgroundService
{
    private static readonly string[] Apps = ["mingshi-studio", "base-school", "online-research", "weike", "subject-learning"];

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var roster = DemoProvince.Generate(options.Scale, options.Seed);
        await cluster.UpsertRosterAsync(roster);
        logger.LogInformation("Demo: {Schools} schools and {Teachers} teachers in {Regions} regions; simulating {Rate} events/s",
            roster.Schools.Count, roster.Teachers.Count, roster.Regions.Count, options.EventsPerSecond);
        var random = new Random(options.Seed);
        var perBatch = Math.Max(1, options.EventsPerSecond / 10);
        var next = 0L;
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (await tick.WaitForNextTickAsync(stopping))
        {
            var request = new PublishRequest();
            var now = time.GetUtcNow();
            for (var i = 0; i < perBatch; i++)
            {
                // A few busy teachers and a long tail, as on the real platform.
                var teacher = roster.Teachers[random.Next(4) == 0 ? random.Next(Math.Min(200, roster.Teachers.Count)) : random.Next(roster.Teachers.Count)];
                request.Events.Add(Event($"demo-{options.Seed}-{next++}", teacher.Id, now, random));
            }
            try
            {
                await ingest.PublishAsync(request, Publisher.Demo);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning("Demo traffic: a batch failed: {Error}", error.Message);
            }
        }
    }

    private static ActivityEvent Event(string id, string teacher, DateTimeOffset now, Random random)
    {
        var e = new ActivityEvent
        {
            EventId = id,
            TeacherId = teacher,
            OccurredAt = Timestamp.FromDateTimeOffset(now),
            Client = random.Next(3) == 0 ? Client.Mobile : Client.Pc,
        };
        switch (random.Next(7))
        {
            case 0: e.Login = new Login(); break;
            case 1: e.MobileOperation = new MobileOperation { Kind = "message" }; break;
            case 2: e.TeachingSession = new TeachingSession { SessionId = id, DurationSeconds = 2400 }; break;
            case 3: e.ResourceSpread = new ResourceSpread { ResourceId = $"{teacher}-r{random.Next(5)}", UserId = $"u{random.Next(100_000)}", Action = "download" }; break;
            case 4: e.Interaction = new Interaction { CounterpartId = $"s{random.Next(60)}", Kind = "message" }; break;
            case 5: e.AppUsage = new AppUsage { AppId = Apps[random.Next(Apps.Length)] }; break;
            default: e.TaskEngagement = new TaskEngagement { TaskId = $"{teacher}-task{random.Next(3)}", StudentId = $"s{random.Next(40)}", Completed = true }; break;
        }
        return e;
    }
}
