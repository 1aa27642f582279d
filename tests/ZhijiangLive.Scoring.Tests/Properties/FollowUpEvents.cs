using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.State;

namespace ZhijiangLive.Scoring.Tests.Properties;

/// <summary>
/// Events that lean on everything a teacher's state remembers, made from the state as it is at
/// <c>at</c>, accepted a second apart from then on: on each live day, late logins, mobile ops, a
/// counterpart, a session and apps already counted there and new ones; for each resource a spread by a
/// user who spread it before and by a new one, a review and a spread by the owner; the deletion of a
/// reviewed resource and a spread after it; for each pending task a student it already has, its
/// publication and ten new students; every task the teacher ever named published again; a complete
/// profile; an event accepted out of order on the day before the horizon; and logins on the next days.
/// </summary>
public static class FollowUpEvents
{
    public static List<AcceptedEvent> For(TeacherState state, DateTimeOffset at, TeacherScorer scorer, IEnumerable<string> namedTasks)
    {
        var calendar = scorer.Calendar;
        var teacher = state.TeacherId;
        var apps = scorer.Pack.Rules.App.Registry;
        var events = new List<AcceptedEvent>();
        void Add(ActivityBody body, DateTimeOffset? occurred = null, ClientKind client = ClientKind.Pc)
        {
            var accepted = at + TimeSpan.FromSeconds(events.Count);
            events.Add(new AcceptedEvent(new ActivityEvent($"fu-{teacher}-{events.Count}", teacher, occurred ?? accepted, client, body), accepted));
        }
        // Noon of a live day, or as early as the grace window still allows, and never after `at`.
        DateTimeOffset On(int day)
        {
            var noon = calendar.StartOf(DateOnly.FromDayNumber(day)) + TimeSpan.FromHours(12);
            var earliest = at - scorer.Pack.GraceLate + TimeSpan.FromHours(1);
            return noon < earliest ? earliest : noon > at ? at : noon;
        }

        foreach (var day in state.Days.Live.ToList())
        {
            Add(Login.Instance, On(day.Key), ClientKind.Mobile);
            Add(new MobileOperation("message"), On(day.Key), ClientKind.Mobile);
            Add(new MobileOperation("message"), On(day.Key), ClientKind.Mobile);
            if (day.Working?.Counterparts is [var counterpart, ..])
            {
                Add(new Interaction(counterpart, "answer"), On(day.Key));
            }
            Add(new Interaction($"fu-c-{day.Key}", "answer"), On(day.Key));
            if (day.Working?.Sessions is [var session, ..])
            {
                Add(new TeachingSession(session, 1200), On(day.Key));
            }
            Add(new TeachingSession($"fu-s-{day.Key}", 1200), On(day.Key));
            Add(new AppUsage(apps[0]), On(day.Key));
            Add(new AppUsage(apps[1]), On(day.Key), ClientKind.Mobile);
        }

        var resources = (state.Resources ?? []).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        foreach (var (id, resource) in resources)
        {
            if (resource.Spreaders is { Count: > 0 } spreaders)
            {
                Add(new ResourceSpread(id, spreaders.Order(StringComparer.Ordinal).First(), "view"));
            }
            Add(new ResourceSpread(id, $"fu-u-{id}", "view"));
            Add(new ResourceReviewed(id, ReviewLevel.City));
            Add(new ResourceSpread(id, teacher, "share"));
        }
        if (resources.FirstOrDefault(r => r.Value is { Deleted: false, ReviewPoints: > 0 }).Key is { } reviewed)
        {
            Add(new ResourceDeleted(reviewed));
            Add(new ResourceSpread(reviewed, "fu-u-after-deletion", "view"));
            Add(new ResourceReviewed(reviewed, ReviewLevel.Province));
        }

        foreach (var (id, task) in (state.Tasks ?? []).OrderBy(t => t.Key, StringComparer.Ordinal).ToList())
        {
            if (task.Students is { Count: > 0 } students)
            {
                Add(new TaskEngagement(id, students.Order(StringComparer.Ordinal).First(), true), client: ClientKind.Mobile);
            }
            Add(new TaskPublished(id, "homework"));
            for (var s = 0; s < 10; s++)
            {
                Add(new TaskEngagement(id, $"fu-stu-{s}", true), client: ClientKind.Mobile);
            }
        }
        foreach (var id in namedTasks.Distinct().Order(StringComparer.Ordinal))
        {
            Add(new TaskPublished(id, "community"));
            Add(new TaskEngagement(id, "fu-stu-named", false), client: ClientKind.Mobile);
        }

        Add(new ProfileUpdated(true, true, true, true), client: ClientKind.Web);

        if (state.HorizonDay > 0)
        {
            var beforeHorizon = calendar.StartOf(DateOnly.FromDayNumber(state.HorizonDay - 1)) + TimeSpan.FromHours(20);
            events.Add(new AcceptedEvent(
                new ActivityEvent($"fu-{teacher}-late", teacher, beforeHorizon, ClientKind.Pc, new MobileOperation("like")),
                beforeHorizon + TimeSpan.FromHours(6)));
        }

        for (var days = 1; days <= 3; days++)
        {
            var next = at + TimeSpan.FromDays(days);
            events.Add(new AcceptedEvent(new ActivityEvent($"fu-{teacher}-login-{days}", teacher, next, ClientKind.Pc, Login.Instance), next));
        }
        return events;
    }
}
