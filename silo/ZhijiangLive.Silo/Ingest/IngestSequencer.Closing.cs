namespace ZhijiangLive.Silo.Ingest;

/// <summary>The sequence's part in readiness and in a graceful stop.</summary>
public sealed partial class IngestSequencer
{
    private volatile bool _closing;

    /// <summary>What a call refused because the silo stops is told.</summary>
    public const string ShuttingDown = "the silo is shutting down";

    /// <summary>True once <see cref="CloseAsync"/> was called: events and roster changes are refused, cuts still run.</summary>
    public bool Closing => _closing;

    /// <summary>Raised (on whatever thread noticed) when <see cref="Available"/> changes.</summary>
    public event Action? AvailabilityChanged;

    /// <summary>
    /// Refuses new events and roster changes from now on, and completes when every group taken before has
    /// been journaled (or has failed): what a stopping silo waits for before its last snapshot round.
    /// </summary>
    public async Task CloseAsync()
    {
        Task taken;
        lock (_lock)
        {
            _closing = true;
            taken = _pending.Count > 0 ? _pendingDurable.Task : _inFlightDurable;
        }
        try
        {
            await taken;
        }
        catch (Exception error)
        {
            logger.LogWarning("Ingest closed with its last group not journaled: {Error}", error.Message);
        }
    }
}
