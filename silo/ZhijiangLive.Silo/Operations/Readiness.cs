using Orleans;
using Orleans.Runtime;
using ZhijiangLive.Silo.Ingest;

namespace ZhijiangLive.Silo.Operations;

/// <summary>
/// Whether the silo should be sent work: an active member of its Orleans cluster, recovery (journal replay)
/// done, the store answering its pings, the journal taking commits, and the host not stopping. <c>/readyz</c> and gRPC health both read it;
/// <see cref="Changed"/> tells them when any check may have changed.
/// </summary>
public sealed class Readiness
{
    private readonly IngestSequencer _sequencer;
    private readonly IClusterMembershipService _membership;
    private readonly SiloAddress _silo;
    private volatile string? _storeProblem = "not checked yet";
    private volatile bool _recovered;
    private volatile bool _stopping;

    public Readiness(IngestSequencer sequencer, IClusterMembershipService membership, ILocalSiloDetails silo)
    {
        _sequencer = sequencer;
        _membership = membership;
        _silo = silo.SiloAddress;
        sequencer.AvailabilityChanged += () =>
        {
            ProbeWanted?.Invoke();
            OnChanged();
        };
    }

    public const string Ok = "ok";

    public event Action? Changed;

    public bool IsReady => Report().Ready;

    public bool Stopping => _stopping;

    /// <summary>Each check with "ok" or what is wrong.</summary>
    public ReadinessReport Report()
    {
        var status = _membership.CurrentSnapshot.GetSiloStatus(_silo);
        var checks = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["cluster"] = status == SiloStatus.Active ? Ok : $"the Orleans silo is not an active member of its cluster (status {status})",
            ["recovery"] = _recovered ? Ok : "the silo is starting (restoring snapshots, replaying the journal)",
            ["store"] = _storeProblem ?? Ok,
            ["journal"] = _sequencer.Unavailable is { } unavailable ? $"ingest refuses work: {unavailable}" : Ok,
            ["host"] = _stopping ? IngestSequencer.ShuttingDown : Ok,
        };
        return new ReadinessReport(checks.Values.All(v => v == Ok), checks);
    }

    internal void StoreProbed(string? problem)
    {
        if (problem != _storeProblem)
        {
            _storeProblem = problem;
            OnChanged();
        }
    }

    internal void Recovered()
    {
        _recovered = true;
        OnChanged();
    }

    internal void StopStarted()
    {
        _stopping = true;
        OnChanged();
    }

    /// <summary>Raised when the journal's availability changed: the store's state is worth a ping at once.</summary>
    internal event Action? ProbeWanted;

    private void OnChanged() => Changed?.Invoke();
}

/// <summary>What <c>/readyz</c> answers: ready or not, and each check's state.</summary>
public sealed record ReadinessReport(bool Ready, IReadOnlyDictionary<string, string> Checks);
