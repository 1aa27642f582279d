namespace ZhijiangLive.Scoring.Rubrics.Measures;

/// <summary>
/// The measures a rubric can name, each with the window it counts over and what its threshold means. A new
/// rubric is a new JSON file wherever its items reuse these; a new measure is code here and in <see cref="MeasureKeeper"/>.
/// </summary>
public static class MeasureIds
{
    public const string MicroCourses = "micro_courses";
    public const string Resources = "resources";
    public const string ResourceKinds = "resource_kinds";
    public const string OriginalResources = "original_resources";
    public const string DownloadsAndReposts = "downloads_and_reposts";
    public const string Followers = "followers";
    public const string Following = "following";
    public const string Visits = "visits";
    public const string PositiveReviews = "positive_reviews";
    public const string ProvinceApproved = "province_approved";
    public const string MobileTeachingDays = "mobile_teaching_days";
    public const string Homework = "homework";
    public const string Interactions = "interactions";
    public const string Activities = "activities";
    public const string MobileShare = "mobile_share";
    public const string YearPoints = "year_points";

    /// <param name="Threshold">What the threshold parameter means, or null when the measure takes none.</param>
    /// <param name="DefaultThreshold">The threshold when a part gives none.</param>
    /// <param name="TakesKind">Whether a part may narrow it to one kind.</param>
    public sealed record Definition(string Id, MeasureWindow Window, string Meaning, string? Threshold = null,
        int DefaultThreshold = 0, bool TakesKind = false);

    public static IReadOnlyDictionary<string, Definition> All { get; } = new Definition[]
    {
        new(MicroCourses, MeasureWindow.Lifetime, "resources published as micro_course, not deleted", "least spread count (传播数)"),
        new(Resources, MeasureWindow.Lifetime, "resources published, not deleted"),
        new(ResourceKinds, MeasureWindow.Lifetime, "distinct kinds among the published resources"),
        new(OriginalResources, MeasureWindow.Lifetime, "resources published as original, not deleted"),
        new(DownloadsAndReposts, MeasureWindow.Lifetime, "download, share and repost actions on the teacher's resources by other users"),
        new(Followers, MeasureWindow.Lifetime, "users following the space now"),
        new(Following, MeasureWindow.Lifetime, "spaces the teacher follows now"),
        new(Visits, MeasureWindow.Lifetime, "visits by other users, one per user per day"),
        new(PositiveReviews, MeasureWindow.Lifetime, "positive reviews and likes by other users"),
        new(ProvinceApproved, MeasureWindow.Registration, "resources approved at province level, not deleted"),
        new(MobileTeachingDays, MeasureWindow.Registration, "days with mobile teaching sessions of at least the threshold in minutes",
            "minutes in a day", DefaultThreshold: 10),
        new(Homework, MeasureWindow.Registration, "homework tasks set, and homework marked"),
        new(Interactions, MeasureWindow.Registration, "interactions with students or parents", TakesKind: true),
        new(Activities, MeasureWindow.Registration, "tasks other than homework published and reached by the threshold's distinct students",
            "distinct students", DefaultThreshold: 10),
        new(MobileShare, MeasureWindow.Year, "percent (rounded down) of the year's points earned on mobile clients"),
        new(YearPoints, MeasureWindow.Year, "the year's activity points"),
    }.ToDictionary(d => d.Id, StringComparer.Ordinal);
}
