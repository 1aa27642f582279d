namespace ZhijiangLive.Scoring.Rubrics.Measures;

/// <summary>
/// The counts a rubric takes 报名后统计 (after registration): events accepted after the registration that
/// occurred from <see cref="From"/> to the end of the rubric's <see cref="Year"/>.
/// </summary>
public sealed class CandidateTally(string rubricId, int year, DateTimeOffset from)
{
    public string RubricId { get; } = rubricId;
    public int Year { get; } = year;
    public DateTimeOffset From { get; } = from;

    public HashSet<string> ProvinceApproved { get; } = new(StringComparer.Ordinal);
    public Dictionary<int, int> MobileSecondsByDay { get; } = [];
    /// <summary>Sessions already counted, so that a session reported twice adds its minutes once.</summary>
    public HashSet<string> MobileSessions { get; } = new(StringComparer.Ordinal);
    public HashSet<string> HomeworkTasks { get; } = new(StringComparer.Ordinal);
    public int HomeworkMarked { get; set; }
    public Dictionary<string, int> InteractionsByKind { get; } = new(StringComparer.Ordinal);
    /// <summary>Activities published in the window, with the distinct students each reached since.</summary>
    public Dictionary<string, HashSet<string>> Activities { get; } = new(StringComparer.Ordinal);
}
