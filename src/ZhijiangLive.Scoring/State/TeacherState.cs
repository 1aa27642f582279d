namespace ZhijiangLive.Scoring.State;

/// <summary>
/// Everything the rules remember about one teacher. Mutated only by <see cref="TeacherScorer"/>;
/// bounded in size because per-day details are dropped once their day leaves the grace window.
/// </summary>
public sealed class TeacherState(string teacherId)
{
    public string TeacherId { get; } = teacherId;

    public PeriodSeries Days { get; } = new();
    public PeriodSeries Months { get; } = new();
    public PeriodSeries Years { get; } = new();
    public PeriodTotals Lifetime;

    public LoginDays Logins { get; } = new();
    public bool ProfileCompleted { get; set; }

    public Dictionary<string, ResourceRecord>? Resources { get; set; }
    /// <summary>Tasks on their way to their Nth student; a decided task leaves for <see cref="DecidedTasks"/>.</summary>
    public Dictionary<string, TaskRecord>? Tasks { get; set; }

    public DecidedTasks DecidedTasks { get; } = new();

    /// <summary>The earliest day an event may still count in; moves forward with acceptance time only.</summary>
    public int HorizonDay { get; set; }

    public ResourceRecord Resource(string resourceId)
    {
        Resources ??= new Dictionary<string, ResourceRecord>(StringComparer.Ordinal);
        if (!Resources.TryGetValue(resourceId, out var record))
        {
            record = new ResourceRecord();
            Resources.Add(resourceId, record);
        }
        return record;
    }

    public TaskRecord Task(string taskId)
    {
        Tasks ??= new Dictionary<string, TaskRecord>(StringComparer.Ordinal);
        if (!Tasks.TryGetValue(taskId, out var record))
        {
            record = new TaskRecord();
            Tasks.Add(taskId, record);
        }
        return record;
    }
}
