using System.Diagnostics;

namespace ZhijiangLive.Silo.Live;

/// <summary>
/// Accepted events per second over the last full seconds, for the dashboard's sparkline: a ring of
/// per-second counts, so that reading it costs nothing however busy ingest is.
/// </summary>
public sealed class EventRate
{
    private const int Seconds = 4;
    private readonly long[] _counts = new long[Seconds];
    private readonly long[] _secondOf = new long[Seconds];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Add(int events)
    {
        if (events <= 0)
        {
            return;
        }
        var second = _clock.ElapsedMilliseconds / 1000;
        var slot = (int)(second % Seconds);
        lock (_counts)
        {
            if (_secondOf[slot] != second)
            {
                (_secondOf[slot], _counts[slot]) = (second, 0);
            }
            _counts[slot] += events;
        }
    }

    /// <summary>The mean of the last two complete seconds.</summary>
    public double PerSecond()
    {
        var now = _clock.ElapsedMilliseconds / 1000;
        long sum = 0;
        lock (_counts)
        {
            for (var back = 1; back <= 2; back++)
            {
                var slot = (int)((now - back) % Seconds);
                if (now - back >= 0 && _secondOf[slot] == now - back)
                {
                    sum += _counts[slot];
                }
            }
        }
        return sum / 2.0;
    }
}
