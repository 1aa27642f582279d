using ZhijiangLive.Contracts.V1;
using V1 = ZhijiangLive.Contracts.V1;
using ZhijiangLive.LoadTests.Province;

namespace ZhijiangLive.LoadTests.Traffic;

/// <summary>
/// The body of each kind of event, with the detail that makes the rules work as in real traffic: resources
/// spread along a long tail (rank k is chosen with probability about 1/k, so a few are spread by thousands),
/// owners' own actions now and then, reported teaching sessions sometimes sent twice, tasks engaged by
/// students after they are published, interactions with a teacher's own students and parents, registered apps.
/// </summary>
internal sealed class EventBodies(GeneratedProvince province, Random random)
{
    // The rule pack's registry (zjer-2018): an unregistered app is refused, so traffic uses only these.
    private static readonly string[] Apps = ["mingshi-studio", "base-school", "online-research", "weike", "subject-learning"];
    private static readonly string[] Actions = ["view", "download", "favourite", "share"];
    private readonly (int Teacher, string Task)[] _tasks = new (int, string)[4096];
    private readonly int _resources = Math.Max(16, province.Teachers * 8);
    private int _taskCount;
    private int _sessionCount;

    public ActivityEvent Create(EventKind kind, int teacher)
    {
        var e = new ActivityEvent { Client = random.Next(10) < 4 ? V1.Client.Mobile : V1.Client.Pc };
        switch (kind)
        {
            case EventKind.Login: e.Login = new Login(); break;
            case EventKind.Profile:
                e.ProfileUpdated = new ProfileUpdated { HasAvatar = true, HasContact = true, HasSchoolOrClass = true, HasSubject = random.Next(4) != 0 };
                e.Client = V1.Client.Web;
                break;
            case EventKind.Mobile: e.MobileOperation = new MobileOperation { Kind = "message" }; e.Client = V1.Client.Mobile; break;
            case EventKind.Spread:
                var resource = Resource(out teacher);
                var own = random.Next(50) == 0;
                e.ResourceSpread = new ResourceSpread
                {
                    ResourceId = resource, UserId = own ? GeneratedProvince.TeacherId(teacher) : $"lt-u-{random.Next(2_000_000)}",
                    Action = Actions[random.Next(Actions.Length)],
                };
                break;
            case EventKind.Reviewed:
                e.ResourceReviewed = new ResourceReviewed { ResourceId = Resource(out teacher), Level = (ReviewLevel)random.Next(1, 4) };
                e.Client = V1.Client.Web;
                break;
            case EventKind.Deleted: e.ResourceDeleted = new ResourceDeleted { ResourceId = Resource(out teacher) }; e.Client = V1.Client.Web; break;
            case EventKind.Teaching:
                var resent = _sessionCount > 0 && random.Next(20) == 0;
                var session = resent ? _sessionCount - 1 : _sessionCount++;
                e.TeachingSession = new TeachingSession { SessionId = $"lt-ss-{teacher}-{session}", DurationSeconds = 2400 + random.Next(301) };
                break;
            case EventKind.TaskPublished:
                var task = $"lt-task-{teacher}-{_taskCount}";
                _tasks[_taskCount++ % _tasks.Length] = (teacher, task);
                e.TaskPublished = new TaskPublished { TaskId = task, Kind = random.Next(3) == 0 ? "reading" : "homework" };
                break;
            case EventKind.Engagement when _taskCount > 0:
                (teacher, var engaged) = _tasks[random.Next(Math.Min(_taskCount, _tasks.Length))];
                e.TaskEngagement = new TaskEngagement { TaskId = engaged, StudentId = Student(teacher), Completed = random.Next(3) != 0 };
                e.Client = V1.Client.Mobile;
                break;
            case EventKind.Interaction or EventKind.Engagement:
                e.Interaction = new Interaction { CounterpartId = Student(teacher), Kind = random.Next(2) == 0 ? "answer" : "comment" };
                break;
            default: e.AppUsage = new AppUsage { AppId = Apps[random.Next(Apps.Length)] }; break;
        }
        e.TeacherId = GeneratedProvince.TeacherId(teacher);
        return e;
    }

    /// <summary>A resource by its popularity rank (log-uniform, so P(k) ~ 1/k) and its owner.</summary>
    private string Resource(out int owner)
    {
        var rank = (long)Math.Exp(random.NextDouble() * Math.Log(_resources)) - 1;
        owner = (int)(rank * 7_919 % province.Teachers);
        return $"lt-r-{rank}";
    }

    // A teacher's 60 students and parents.
    private string Student(int teacher) => $"lt-st-{teacher}-{random.Next(60)}";
}
