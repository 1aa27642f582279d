using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.State;
using ZhijiangLive.Scoring.Time;

namespace ZhijiangLive.Scoring.Rubrics.Measures;

/// <summary>
/// Keeps a teacher's <see cref="TeacherMeasures"/> from its accepted events, after the scorer has taken them
/// (so the grace window has already been checked and the horizon moved). Pure, like the scorer: the same
/// accepted events and registrations in the same order always leave the same measures.
/// </summary>
public sealed class MeasureKeeper(ZoneCalendar calendar)
{
    public const string MicroCourseKind = "micro_course";
    public const string HomeworkTaskKind = "homework";
    private static readonly HashSet<string> _sharingActions = new(["download", "share", "repost"], StringComparer.Ordinal);

    /// <summary>Starts counting for a candidate's registration; a second registration for the same rubric and year changes nothing.</summary>
    public static TeacherMeasures Register(TeacherMeasures? measures, string rubricId, int year, DateTimeOffset from)
    {
        measures ??= new TeacherMeasures();
        if (measures.TallyFor(rubricId, year) is null)
        {
            (measures.Tallies ??= []).Add(new CandidateTally(rubricId, year, from));
        }
        return measures;
    }

    /// <summary>Stops counting for a registration withdrawn; its tally is gone for good.</summary>
    public static void Withdraw(TeacherMeasures? measures, string rubricId, int year) =>
        measures?.Tallies?.RemoveAll(t => t.Year == year && string.Equals(t.RubricId, rubricId, StringComparison.Ordinal));

    /// <summary>Takes one accepted event; returns the measures, allocated on the first event any rubric measures.</summary>
    public TeacherMeasures? Observe(TeacherMeasures? measures, TeacherState scores, ActivityEvent e)
    {
        var owner = e.TeacherId;
        switch (e.Body)
        {
            case ResourcePublished published:
                measures ??= new TeacherMeasures();
                var resources = measures.Resources ??= new(StringComparer.Ordinal);
                // A deleted resource stays deleted, as its approvals do (SPEC §4).
                if (!resources.ContainsKey(published.ResourceId) && scores.Resources?.GetValueOrDefault(published.ResourceId)?.Deleted != true)
                {
                    resources.Add(published.ResourceId, new PublishedResource(published.Kind, published.Original));
                }
                break;
            case ResourceDeleted deleted:
                if (measures?.Resources?.GetValueOrDefault(deleted.ResourceId) is { } resource)
                {
                    resource.Deleted = true;
                }
                measures?.Tallies?.ForEach(t => t.ProvinceApproved.Remove(deleted.ResourceId));
                break;
            case ResourceSpread spread when spread.UserId != owner && _sharingActions.Contains(spread.Action):
                measures ??= new TeacherMeasures();
                measures.DownloadsAndReposts++;
                break;
            case SpaceFollowed followed when followed.UserId != owner:
                measures ??= new TeacherMeasures();
                Toggle(measures.Followers ??= new(StringComparer.Ordinal), followed.UserId, followed.Unfollowed);
                break;
            case SpaceFollowing following when following.SpaceId != owner:
                measures ??= new TeacherMeasures();
                Toggle(measures.Following ??= new(StringComparer.Ordinal), following.SpaceId, following.Unfollowed);
                break;
            case SpaceVisited visit when visit.VisitorId != owner:
                measures ??= new TeacherMeasures();
                CountVisit(measures, scores.HorizonDay, calendar.DayOf(e.OccurredAt), visit.VisitorId);
                break;
            case ReviewReceived review when review.Positive && review.ReviewerId != owner:
                measures ??= new TeacherMeasures();
                measures.PositiveReviews++;
                break;
        }
        if (measures?.Tallies is { Count: > 0 } tallies)
        {
            foreach (var tally in tallies)
            {
                if (e.OccurredAt >= tally.From && ZoneCalendar.YearOf(calendar.DayOf(e.OccurredAt)) == tally.Year)
                {
                    Tally(tally, scores, e);
                }
            }
        }
        return measures;
    }

    private void Tally(CandidateTally tally, TeacherState scores, ActivityEvent e)
    {
        switch (e.Body)
        {
            case ResourceReviewed { Level: ReviewLevel.Province } review
                when scores.Resources?.GetValueOrDefault(review.ResourceId)?.Deleted != true:
                tally.ProvinceApproved.Add(review.ResourceId);
                break;
            case TeachingSession session when e.Client == ClientKind.Mobile && tally.MobileSessions.Add(session.SessionId):
                var day = calendar.DayOf(e.OccurredAt);
                tally.MobileSecondsByDay[day] = tally.MobileSecondsByDay.GetValueOrDefault(day) + session.DurationSeconds;
                break;
            case TaskPublished { Kind: HomeworkTaskKind } task:
                tally.HomeworkTasks.Add(task.TaskId);
                break;
            case TaskPublished task:
                tally.Activities.TryAdd(task.TaskId, new HashSet<string>(StringComparer.Ordinal));
                break;
            case TaskEngagement engagement when tally.Activities.TryGetValue(engagement.TaskId, out var students):
                students.Add(engagement.StudentId);
                break;
            case HomeworkMarked:
                tally.HomeworkMarked++;
                break;
            case Interaction interaction:
                tally.InteractionsByKind[interaction.Kind] = tally.InteractionsByKind.GetValueOrDefault(interaction.Kind) + 1;
                break;
        }
    }

    private static void Toggle(HashSet<string> set, string id, bool remove)
    {
        if (remove) set.Remove(id);
        else set.Add(id);
    }

    private static void CountVisit(TeacherMeasures measures, int horizonDay, int day, string visitor)
    {
        var byDay = measures.VisitorsByDay ??= [];
        foreach (var old in byDay.Keys.Where(d => d < horizonDay).ToList())
        {
            byDay.Remove(old);
        }
        if (!byDay.TryGetValue(day, out var visitors))
        {
            byDay.Add(day, visitors = new HashSet<string>(StringComparer.Ordinal));
        }
        if (visitors.Add(visitor))
        {
            measures.Visits++;
        }
    }
}
