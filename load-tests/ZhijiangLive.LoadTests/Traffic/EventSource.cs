using Google.Protobuf.WellKnownTypes;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.LoadTests.Measure;
using ZhijiangLive.LoadTests.Province;

namespace ZhijiangLive.LoadTests.Traffic;

/// <summary>
/// Builds the batches of one sender (one per sender; only its acknowledgements may come from another thread): events of the kind mix of the simulated hour
/// for the province's teachers, stamped a little before the server's now as platforms report them, with a share
/// of deliberate bad input whose expected answer is recorded with the batch.
/// </summary>
public sealed class EventSource(GeneratedProvince province, int seed, string idPrefix, double badShare, RunCounters counters)
{
    private readonly Random _random = new(seed);
    private readonly EventBodies _bodies = new(province, new Random(seed ^ 0x5bd1e995));
    private readonly ActivityEvent?[] _acknowledged = new ActivityEvent?[256];
    private long _sequence;
    private int _acknowledgedCount;

    public PlannedBatch Next(int size, double hour, DateTimeOffset serverNow)
    {
        var mix = SchoolDay.Mix(hour);
        var total = mix.Sum();
        var request = new PublishRequest();
        var expected = new Expect[size];
        for (var i = 0; i < size; i++)
        {
            if (badShare > 0 && _random.NextDouble() < badShare)
            {
                (var bad, expected[i]) = Bad(serverNow);
                request.Events.Add(bad);
                continue;
            }
            var e = _bodies.Create(Pick(mix, total), _random.Next(province.Teachers));
            e.EventId = $"{idPrefix}-{_sequence++}";
            e.OccurredAt = Timestamp.FromDateTimeOffset(serverNow - Delay());
            request.Events.Add(e);
        }
        return new PlannedBatch(request, expected);
    }

    /// <summary>Remembers some events the server acknowledged, for deliberate repeats of their ids later.</summary>
    public void Acknowledged(PlannedBatch batch, ISet<int> rejectedIndexes)
    {
        for (var i = 0; i < batch.Expected.Length; i += 17)
        {
            if (batch.Expected[i] == Expect.Accepted && !rejectedIndexes.Contains(i))
            {
                // The slot before the count: on a stream, replies are read on another thread than batches are built.
                _acknowledged[_acknowledgedCount % _acknowledged.Length] = batch.Request.Events[i];
                Volatile.Write(ref _acknowledgedCount, _acknowledgedCount + 1);
            }
        }
    }

    private (ActivityEvent Event, Expect Expect) Bad(DateTimeOffset serverNow)
    {
        switch (_random.Next(3))
        {
            case 0 when Volatile.Read(ref _acknowledgedCount) is var known && known > 0:
                counters.BadSending("repeated event id");
                var earlier = _acknowledged[_random.Next(Math.Min(known, _acknowledged.Length))]!;
                return (earlier.Clone(), Expect.Duplicate);
            case 1:
                counters.BadSending("out-of-window time");
                var stale = _bodies.Create(EventKind.Login, _random.Next(province.Teachers));
                stale.EventId = $"{idPrefix}-{_sequence++}";
                var off = _random.Next(2) == 0 ? TimeSpan.FromDays(4) : TimeSpan.FromHours(-1);
                stale.OccurredAt = Timestamp.FromDateTimeOffset(serverNow - off);
                return (stale, Expect.Rejected);
            default:
                counters.BadSending("unknown teacher");
                var ghost = _bodies.Create(EventKind.Interaction, 0);
                ghost.TeacherId = $"lt-ghost-{_random.Next(1_000_000)}";
                ghost.EventId = $"{idPrefix}-{_sequence++}";
                ghost.OccurredAt = Timestamp.FromDateTimeOffset(serverNow - Delay());
                return (ghost, Expect.Rejected);
        }
    }

    /// <summary>How late a platform reports: most within half a minute, some within twenty, a few within two hours.</summary>
    private TimeSpan Delay()
    {
        var roll = _random.Next(100);
        var seconds = roll < 88 ? _random.NextDouble() * 30 : roll < 99 ? 30 + _random.NextDouble() * 1_170 : 1_200 + _random.NextDouble() * 6_000;
        return TimeSpan.FromSeconds(seconds);
    }

    private EventKind Pick(double[] weights, double total)
    {
        var target = _random.NextDouble() * total;
        for (var k = 0; k < weights.Length; k++)
        {
            target -= weights[k];
            if (target < 0) return (EventKind)k;
        }
        return EventKind.Login;
    }
}
