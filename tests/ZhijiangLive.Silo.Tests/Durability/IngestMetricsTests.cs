using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using ZhijiangLive.Client;
using ZhijiangLive.Silo.Metrics;
using ZhijiangLive.Silo.Security;
using ZhijiangLive.Silo.Tests.Grpc;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Durability;

/// <summary>Ingest counts what it accepted, refused (by reason) and answered as duplicates, and what each journal commit held.</summary>
public sealed class IngestMetricsTests
{
    [Fact]
    public async Task Publish_CountsAcceptedRefusedByReasonDuplicates_AndJournalCommits()
    {
        await using var silo = await RunningSilo.StartAsync();
        await SeedRosterAsync(silo.Cluster);
        var measured = new ConcurrentDictionary<string, double>();
        using var listener = Listen(silo.Services.GetRequiredService<IMeterFactory>(), measured);
        using var client = silo.PlatformClient();

        await client.PublishAsync(Batch(Login("m1"), Login("m2", teacher: "T2"), Login("m3", teacher: "nobody"), Login("m4", teacher: "TL")));
        await client.PublishAsync(Batch(Login("m1"), Login("m5", teacher: "nobody")));
        listener.RecordObservableInstruments();

        // Every batch is labelled with its key: its name (as the audit log gives it) and its id.
        var key = $"|key:test-platform|{ApiKeyRing.Id(TestCredentials.PlatformKey)}";
        Assert.Equal(2, measured.GetValueOrDefault("zhijiang.ingest.events.accepted" + key));
        Assert.Equal(1, measured.GetValueOrDefault("zhijiang.ingest.events.duplicates" + key));
        Assert.Equal(2, measured.GetValueOrDefault("zhijiang.ingest.events.rejected|UNKNOWN_TEACHER" + key));
        Assert.Equal(1, measured.GetValueOrDefault("zhijiang.ingest.events.rejected|TEACHER_LOCKED" + key));
        Assert.Equal(2, measured.GetValueOrDefault("zhijiang.journal.commit.records"));
        Assert.Equal(1, measured.GetValueOrDefault("zhijiang.journal.commit.duration#"));
    }

    /// <summary>Sums each instrument of this silo's meter (by reason where it has one); a histogram's count goes under "name#".</summary>
    private static MeterListener Listen(IMeterFactory silosMeters, ConcurrentDictionary<string, double> measured)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == IngestMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, silosMeters))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Add(instrument, 1, tags, suffix: "#"));
        listener.Start();
        return listener;

        void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, string suffix = "")
        {
            var key = instrument.Name + suffix;
            foreach (var tag in tags)
            {
                key += $"|{tag.Value}";
            }
            measured.AddOrUpdate(key, value, (_, sum) => sum + value);
        }
    }
}
