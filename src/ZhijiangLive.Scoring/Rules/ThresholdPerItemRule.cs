using ZhijiangLive.Scoring.RulePacks;
using ZhijiangLive.Scoring.State;

namespace ZhijiangLive.Scoring.Rules;

/// <summary>
/// <c>guidance</c>: a task pays once, on the event at which it is both published and reached by its
/// Nth distinct student, under a daily cap. A task that qualifies on a day whose cap is used up is
/// decided all the same and never pays.
/// </summary>
internal sealed class ThresholdPerItemRule(ThresholdPerItemSettings settings)
{
    public const int Index = 6;
    private readonly string _capNote = Notes.DailyCap(settings.DailyCap);
    private readonly string _waitingForPublication = "task not published yet";
    private readonly string[] _progressNotes = Enumerable.Range(0, settings.Threshold)
        .Select(count => $"{count} of {settings.Threshold} students")
        .ToArray();

    public RuleDecision DecidePublished(TeacherState state, PeriodBucket day, string taskId)
    {
        if (state.DecidedTasks.Contains(taskId))
        {
            return RuleDecision.Refuse(Notes.AlreadyCounted);
        }
        var task = Touch(state, day, taskId);
        if (task.Published)
        {
            return RuleDecision.Refuse(Notes.AlreadyCounted);
        }
        task.Published = true;
        return DecideIfQualified(state, day, taskId, task);
    }

    public RuleDecision DecideEngagement(TeacherState state, PeriodBucket day, string taskId, string studentId)
    {
        if (state.DecidedTasks.Contains(taskId))
        {
            return RuleDecision.Refuse(Notes.AlreadyCounted);
        }
        var task = Touch(state, day, taskId);
        if (!(task.Students ??= new HashSet<string>(StringComparer.Ordinal)).Add(studentId))
        {
            return RuleDecision.Refuse(Notes.AlreadyCounted);
        }
        return task.Published ? DecideIfQualified(state, day, taskId, task) : RuleDecision.Refuse(_waitingForPublication);
    }

    private static TaskRecord Touch(TeacherState state, PeriodBucket day, string taskId)
    {
        var task = state.Task(taskId);
        task.LastActivityDay = Math.Max(task.LastActivityDay, day.Key);
        return task;
    }

    private RuleDecision DecideIfQualified(TeacherState state, PeriodBucket day, string taskId, TaskRecord task)
    {
        var students = task.Students?.Count ?? 0;
        if (students < settings.Threshold)
        {
            return new RuleDecision(0, _progressNotes[students]);
        }
        state.Tasks!.Remove(taskId);
        state.DecidedTasks.Add(taskId);
        var award = CapMath.Fit(settings.Points, day.Totals.Of(Index), settings.DailyCap);
        return award > 0 ? RuleDecision.Award(award) : RuleDecision.Refuse(_capNote);
    }
}
