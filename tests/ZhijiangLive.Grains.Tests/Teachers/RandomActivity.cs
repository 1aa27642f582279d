using ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Grains.Tests.Teachers;

/// <summary>
/// A teacher's random activity over some days, from a seed, in acceptance order: every kind of event
/// on a small pool of ids (so spreads, students, counterparts and sessions repeat), some accepted
/// hours or days late, inside the 72 h grace window, so that they arrive after later events.
/// </summary>
internal static class RandomActivity
{
    // 00:00 in Shanghai on Monday 2 March 2026.
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 16, 0, 0, TimeSpan.Zero);

    public static List<(ActivityEvent Event, DateTimeOffset AcceptedAt)> Days(string teacher, int seed, int firstDay, int days)
    {
        var rng = new Random(seed);
        var events = new List<(ActivityEvent, DateTimeOffset)>();
        for (var day = firstDay; day < firstDay + days; day++)
        {
            for (var n = rng.Next(5, 30); n > 0; n--)
            {
                var occurred = Start + TimeSpan.FromDays(day) + TimeSpan.FromMinutes(rng.Next(6 * 60, 23 * 60));
                var delay = rng.Next(10) switch
                {
                    < 7 => TimeSpan.FromSeconds(rng.Next(0, 60)),
                    < 9 => TimeSpan.FromMinutes(rng.Next(1, 600)),
                    _ => TimeSpan.FromHours(rng.Next(10, 71)),
                };
                var client = (ClientKind)rng.Next(1, 4);
                var id = $"{teacher}-{seed}-{day}-{n}";
                events.Add((new ActivityEvent(id, teacher, occurred, client, Body(rng, teacher)), occurred + delay));
            }
        }
        return events.OrderBy(e => e.Item2.UtcTicks).ToList();
    }

    private static ActivityBody Body(Random rng, string teacher) => rng.Next(12) switch
    {
        0 => Login.Instance,
        1 => new ProfileUpdated(rng.Next(3) > 0, true, true, rng.Next(3) > 0),
        2 => new MobileOperation("message"),
        3 or 4 => new ResourceSpread($"r{rng.Next(4)}", rng.Next(15) == 0 ? teacher : $"u{rng.Next(30)}", "view"),
        5 => rng.Next(6) == 0 ? new ResourceDeleted($"r{rng.Next(4)}") : new ResourceReviewed($"r{rng.Next(4)}", (ReviewLevel)rng.Next(1, 4)),
        6 => new TeachingSession($"s{rng.Next(40)}", 2400),
        7 => new TaskPublished($"k{rng.Next(8)}", "homework"),
        8 => new TaskEngagement($"k{rng.Next(8)}", $"stu{rng.Next(14)}", rng.Next(2) == 0),
        9 => new Interaction($"c{rng.Next(12)}", "answer"),
        10 => new AppUsage(rng.Next(2) == 0 ? "weike" : "base-school"),
        _ => Login.Instance,
    };
}
