using ZhijiangLive.Scoring.State;

namespace ZhijiangLive.Scoring.Rubrics.Measures;

/// <summary>The value of one measure for one candidate, from its scores, its measures and its registration's tally.</summary>
public static class MeasureReader
{
    public static long Value(MeasureRef measure, TeacherState scores, TeacherMeasures? measures, CandidateTally? tally, int year)
    {
        var threshold = measure.Threshold ?? MeasureIds.All[measure.Id].DefaultThreshold;
        return measure.Id switch
        {
            MeasureIds.MicroCourses => Live(measures).Count(r => r.Value.Kind == MeasureKeeper.MicroCourseKind
                && (threshold == 0 || SpreadCount(scores, r.Key) >= threshold)),
            MeasureIds.Resources => Live(measures).Count(),
            MeasureIds.ResourceKinds => Live(measures).Select(r => r.Value.Kind).Distinct(StringComparer.Ordinal).Count(),
            MeasureIds.OriginalResources => Live(measures).Count(r => r.Value.Original),
            MeasureIds.DownloadsAndReposts => measures?.DownloadsAndReposts ?? 0,
            MeasureIds.Followers => measures?.Followers?.Count ?? 0,
            MeasureIds.Following => measures?.Following?.Count ?? 0,
            MeasureIds.Visits => measures?.Visits ?? 0,
            MeasureIds.PositiveReviews => measures?.PositiveReviews ?? 0,
            MeasureIds.ProvinceApproved => tally?.ProvinceApproved.Count ?? 0,
            MeasureIds.MobileTeachingDays => tally?.MobileSecondsByDay.Values.Count(seconds => seconds >= threshold * 60) ?? 0,
            MeasureIds.Homework => tally is null ? 0 : tally.HomeworkTasks.Count + tally.HomeworkMarked,
            MeasureIds.Interactions => tally is null ? 0
                : measure.Kind is { } kind ? tally.InteractionsByKind.GetValueOrDefault(kind) : tally.InteractionsByKind.Values.Sum(),
            MeasureIds.Activities => tally?.Activities.Values.Count(students => students.Count >= threshold) ?? 0,
            MeasureIds.MobileShare => MobilePercent(YearTotals(scores, year)),
            MeasureIds.YearPoints => YearTotals(scores, year).Total,
            _ => throw new ArgumentException($"no measure '{measure.Id}'", nameof(measure)),
        };
    }

    private static IEnumerable<KeyValuePair<string, PublishedResource>> Live(TeacherMeasures? measures) =>
        measures?.Resources?.Where(r => !r.Value.Deleted) ?? [];

    private static int SpreadCount(TeacherState scores, string resourceId) =>
        scores.Resources?.GetValueOrDefault(resourceId)?.SpreadCount ?? 0;

    private static (int Total, int Mobile) YearTotals(TeacherState scores, int year)
    {
        if (scores.Years.FindLive(year) is { } live) return (live.Totals.Total, live.Totals.Mobile);
        return scores.Years.FindClosed(year) is { } closed ? (closed.Total, closed.Mobile) : (0, 0);
    }

    // Whole percents rounded down, so that exactly 10 % is 10 and the per-10 % steps fall where the seed puts them.
    private static long MobilePercent((int Total, int Mobile) year) =>
        year.Total <= 0 || year.Mobile <= 0 ? 0 : Math.Min(100, (long)year.Mobile * 100 / year.Total);
}
