using ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Bench.Province;

/// <summary>
/// A school day's events for every teacher: everyone logs in, and a realistic share teaches, uses the app,
/// interacts, spreads resources and uses provincial apps. Shuffled into one arrival order, or with
/// <c>byTeacher</c> each teacher's events kept together (teachers in random order).
/// Bodies are shared where their content repeats, so millions of events fit in memory.
/// </summary>
internal static class ProvinceTraffic
{
    private static readonly string[] Apps = ["mingshi-studio", "base-school", "online-research", "weike", "subject-learning"];

    public static ActivityEvent[] Generate(IReadOnlyList<string> teacherIds, int eventsPerTeacher, DateTimeOffset at, int seed, bool byTeacher = false)
    {
        var random = new Random(seed);
        var interactions = Enumerable.Range(0, 2_000).Select(i => new Interaction($"student{i}", "answer")).ToArray();
        var spreads = Enumerable.Range(0, 5_000).Select(i => new ResourceSpread("r1", $"user{i}", "view")).ToArray();
        var apps = Apps.Select(a => new AppUsage(a)).ToArray();
        var mobileOp = new MobileOperation("message");
        var events = new ActivityEvent[teacherIds.Count * eventsPerTeacher];
        var n = 0;
        foreach (var teacher in teacherIds)
        {
            events[n++] = new ActivityEvent($"e{n}", teacher, at, ClientKind.Mobile, Login.Instance);
            for (var k = 1; k < eventsPerTeacher; k++)
            {
                ActivityBody body = random.Next(100) switch
                {
                    < 15 => new TeachingSession($"s{n}", 2400),
                    < 30 => mobileOp,
                    < 65 => interactions[random.Next(interactions.Length)],
                    < 85 => spreads[random.Next(spreads.Length)],
                    < 95 => apps[random.Next(apps.Length)],
                    _ => Login.Instance,
                };
                events[n++] = new ActivityEvent($"e{n}", teacher, at, random.Next(3) == 0 ? ClientKind.Mobile : ClientKind.Pc, body);
            }
        }
        if (!byTeacher)
        {
            random.Shuffle(events);
            return events;
        }
        var teachers = events.Chunk(eventsPerTeacher).ToArray();
        random.Shuffle(teachers);
        return [.. teachers.SelectMany(t => t)];
    }
}
