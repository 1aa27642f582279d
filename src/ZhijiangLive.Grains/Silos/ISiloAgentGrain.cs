using Orleans;

namespace ZhijiangLive.Grains.Silos;

/// <summary>
/// One silo's own services, reached from another silo: keyed by the silo's address and placed on it
/// (<see cref="SiloPlacement"/>). The silo that writes the journal calls every other silo's agent to make
/// its per-silo parts cluster-wide: the roster directory, the school and county outboxes, the changed-teacher list.
/// </summary>
[Alias("zl.ISiloAgentGrain")]
public interface ISiloAgentGrain : IGrainWithStringKey
{
    /// <summary>Applies a roster batch to this silo's directory (the grains have it from the journal's silo).</summary>
    [Alias("FollowRoster")]
    Task FollowRosterAsync(RosterChange change);

    /// <summary>
    /// This silo's whole directory and the journal position it is at: what a joining silo (<paramref name="follower"/>)
    /// starts from. From then on this silo sends it every roster change it applies, even before its own view of the
    /// membership shows the new silo.
    /// </summary>
    [Alias("Roster")]
    Task<RosterChange> RosterAsync(string follower);

    /// <summary>Sends what waits in this silo's school outbox now; the schools have it when this completes.</summary>
    [Alias("FlushOutbox")]
    Task FlushOutboxAsync();

    /// <summary>Sends what waits in this silo's county outbox now; the counties have it when this completes.</summary>
    [Alias("FlushCountyOutbox")]
    Task FlushCountyOutboxAsync();

    /// <summary>Holds back (or lets go) this silo's regions' monthly publications, while the journal's silo recovers.</summary>
    [Alias("SetPublicationPaused")]
    Task SetPublicationPausedAsync(bool paused);

    /// <summary>This silo's changed teachers write their state as of <paramref name="cut"/>; answers how many wrote.</summary>
    [Alias("SaveChangedTeachers")]
    Task<int> SaveChangedTeachersAsync(long cut);
}
