using System.Diagnostics;
using ZhijiangLive.LoadTests.Options;

namespace ZhijiangLive.LoadTests.Traffic;

/// <summary>
/// Lets events go at the run's pace: a token bucket refilled at the rate of the moment (the school day's curve at
/// the simulated hour, or a flat rate), holding at most a fifth of a second's worth, so a stall is not
/// followed by a burst. At <see cref="PaceKind.Max"/> nothing waits.
/// </summary>
public sealed class Pacer
{
    private readonly LoadOptions _options;
    private readonly double _dayEvents;
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly object _lock = new();
    private double _tokens;
    private double _lastSeconds;

    public Pacer(LoadOptions options, int teachers)
    {
        _options = options;
        _dayEvents = (double)teachers * options.EventsPerTeacher;
    }

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_start);

    /// <summary>The simulated hour of the day (0–24) now: the start time moved on by elapsed time × speedup.</summary>
    public double Hour => HourAt(Elapsed);

    public double HourAt(TimeSpan elapsed)
    {
        var hours = _options.Start.ToTimeSpan().TotalHours + elapsed.TotalHours * (_options.Pace == PaceKind.Curve ? _options.Speedup : 0);
        return hours % 24;
    }

    /// <summary>Events per second wanted at <paramref name="elapsed"/> into the run; infinity at max.</summary>
    public double RateAt(TimeSpan elapsed) => _options.Pace switch
    {
        PaceKind.Max => double.PositiveInfinity,
        PaceKind.Flat => _options.FlatRate,
        _ => _dayEvents / 86_400 * SchoolDay.Density(HourAt(elapsed)) * _options.Speedup,
    };

    /// <summary>Waits until <paramref name="events"/> may be sent.</summary>
    public async ValueTask WaitAsync(int events, CancellationToken cancellationToken)
    {
        if (_options.Pace == PaceKind.Max) return;
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = Elapsed;
                var rate = RateAt(now);
                _tokens = Math.Min(_tokens + (now.TotalSeconds - _lastSeconds) * rate, Math.Max(events, rate / 5));
                _lastSeconds = now.TotalSeconds;
                if (_tokens >= events)
                {
                    _tokens -= events;
                    return;
                }
                wait = TimeSpan.FromSeconds(Math.Min(0.05, (events - _tokens) / Math.Max(rate, 1)));
            }
            await Task.Delay(wait, cancellationToken);
        }
    }
}
