using System.IO.Hashing;
using System.Runtime.InteropServices;
using Domain = ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Silo.Ingest;

/// <summary>
/// The event ids accepted recently, so that a retried event is answered as a duplicate and counted once.
/// An id is remembered under the UTC day its event occurred on, for as long as an event of that day could
/// still be accepted (the grace window) plus a day; after that a retry is refused as out of window anyway.
/// Ids are kept as 128-bit fingerprints (16 bytes, whatever the id's length); a false match needs two ids
/// to collide in 128 bits. An id claimed by a call that is not answered yet is also kept with that call's
/// <see cref="ClaimedEvents"/>, so that a copy of it waits for what became of the original.
/// </summary>
public sealed class EventIdWindow(TimeSpan graceLate, TimeProvider time)
{
    private const int Stripes = 32;
    private readonly Stripe[] _stripes = Enumerable.Range(0, Stripes).Select(_ => new Stripe()).ToArray();

    /// <summary>Records the id; false when it is already recorded (a duplicate).</summary>
    public bool TryClaim(string eventId, DateTimeOffset occurredAt)
    {
        var print = Fingerprint(eventId);
        var stripe = _stripes[(int)(print % Stripes)];
        var day = DayOf(occurredAt);
        lock (stripe)
        {
            return stripe.TryAdd(print, day, OldestKeptDay());
        }
    }

    /// <summary>
    /// Claims the event's id for one of <paramref name="claimer"/>'s events (its <paramref name="index"/>-th
    /// claim): new, or a copy of an event stored, or a copy of one that a call not yet answered claimed.
    /// </summary>
    internal EventClaim Claim(Domain.ActivityEvent activity, ClaimedEvents claimer, int index)
    {
        if (!Remembers(activity))
        {
            return EventClaim.New;
        }
        var print = Fingerprint(activity.EventId);
        var stripe = _stripes[(int)(print % Stripes)];
        var day = DayOf(activity.OccurredAt);
        lock (stripe)
        {
            if (stripe.Pending.TryGetValue(print, out var pending))
            {
                return new EventClaim(EventClaimKind.Pending, pending.Claimer, pending.Index);
            }
            if (!stripe.TryAdd(print, day, OldestKeptDay()))
            {
                return EventClaim.Stored;
            }
            stripe.Pending[print] = (claimer, index);
            return EventClaim.New;
        }
    }

    /// <summary>
    /// The claimer's answer is known: its claim is no longer pending, and a refused event's id is forgotten, so
    /// that a corrected retry is taken. Nothing happens when the claim was settled already (e.g. forgotten).
    /// </summary>
    internal void Settle(Domain.ActivityEvent activity, ClaimedEvents claimer, bool refused)
    {
        if (!Remembers(activity))
        {
            return;
        }
        var print = Fingerprint(activity.EventId);
        var stripe = _stripes[(int)(print % Stripes)];
        lock (stripe)
        {
            if (!stripe.Pending.TryGetValue(print, out var pending) || !ReferenceEquals(pending.Claimer, claimer))
            {
                return;
            }
            stripe.Pending.Remove(print);
            if (refused)
            {
                stripe.Remove(print, DayOf(activity.OccurredAt));
            }
        }
    }

    /// <summary>Forgets a claimed id whose event was then refused, so that a corrected retry is not a duplicate.</summary>
    public void Release(string eventId, DateTimeOffset occurredAt)
    {
        var print = Fingerprint(eventId);
        var stripe = _stripes[(int)(print % Stripes)];
        lock (stripe)
        {
            stripe.Pending.Remove(print);
            stripe.Remove(print, DayOf(occurredAt));
        }
    }

    /// <summary>
    /// No id this window remembers occurred before this: the grace window, the day more, and the UTC day the
    /// oldest kept day began in. What a restart reloads, and what the journal must keep, starts here.
    /// </summary>
    public DateTimeOffset RememberedSince => time.GetUtcNow() - graceLate - TimeSpan.FromDays(2);

    /// <summary>An event without an id or a time is refused as MISSING_FIELD; it has nothing to remember.</summary>
    public static bool Remembers(Domain.ActivityEvent activity) => activity.EventId.Length > 0 && activity.OccurredAt != default;

    /// <summary>Claims a remembered event's id; true when it is new (or not remembered at all).</summary>
    public bool TryClaim(Domain.ActivityEvent activity) => !Remembers(activity) || TryClaim(activity.EventId, activity.OccurredAt);

    /// <summary>Releases a remembered event's claim.</summary>
    public void Forget(Domain.ActivityEvent activity)
    {
        if (Remembers(activity))
        {
            Release(activity.EventId, activity.OccurredAt);
        }
    }

    private long OldestKeptDay() => DayOf(time.GetUtcNow() - graceLate) - 1;

    private static long DayOf(DateTimeOffset instant) => instant.UtcTicks / TimeSpan.TicksPerDay;

    private static UInt128 Fingerprint(string id) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(id.AsSpan()));

    private sealed class Stripe
    {
        public Dictionary<long, HashSet<UInt128>> Days { get; } = [];

        public Dictionary<UInt128, (ClaimedEvents Claimer, int Index)> Pending { get; } = [];

        public bool TryAdd(UInt128 print, long day, long oldestKept)
        {
            foreach (var bucket in Days.Values)
            {
                if (bucket.Contains(print))
                {
                    return false;
                }
            }
            if (!Days.TryGetValue(day, out var ids))
            {
                Forget(oldestKept);
                Days[day] = ids = [];
            }
            ids.Add(print);
            return true;
        }

        public void Remove(UInt128 print, long day)
        {
            if (Days.TryGetValue(day, out var ids))
            {
                ids.Remove(print);
            }
        }

        public void Forget(long oldestKept)
        {
            foreach (var day in Days.Keys.Where(d => d < oldestKept).ToList())
            {
                Days.Remove(day);
            }
        }
    }
}
