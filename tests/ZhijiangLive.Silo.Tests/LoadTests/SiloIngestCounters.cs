using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using ZhijiangLive.Silo.Metrics;

namespace ZhijiangLive.Silo.Tests.LoadTests;

/// <summary>
/// One silo's ingest counters as the silo itself counts them (meter <c>ZhijiangLive.Ingest</c>, only the meter its
/// own <see cref="IMeterFactory"/> made, so other tests' silos in this process do not add to them).
/// </summary>
internal sealed class SiloIngestCounters : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _accepted, _duplicates, _rejected;

    public SiloIngestCounters(RunningSilo silo)
    {
        var factory = silo.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == IngestMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            switch (instrument.Name)
            {
                case "zhijiang.ingest.events.accepted": Interlocked.Add(ref _accepted, value); break;
                case "zhijiang.ingest.events.duplicates": Interlocked.Add(ref _duplicates, value); break;
                case "zhijiang.ingest.events.rejected": Interlocked.Add(ref _rejected, value); break;
            }
        });
        _listener.Start();
    }

    public long Accepted => Interlocked.Read(ref _accepted);
    public long Duplicates => Interlocked.Read(ref _duplicates);
    public long Rejected => Interlocked.Read(ref _rejected);

    public void Dispose() => _listener.Dispose();
}
