using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Teachers;
using ZhijiangLive.Scoring;
using ZhijiangLive.Scoring.RulePacks;
using ZhijiangLive.Scoring.Rubrics;
using ZhijiangLive.Scoring.Rubrics.Measures;
using ZhijiangLive.Scoring.Time;

namespace ZhijiangLive.Grains;

/// <summary>What every grain of a cluster shares: the rules, the calendar, the clock and the options.</summary>
public sealed class GrainServices
{
    public GrainServices(RulePack pack, ClusterOptions options, TimeProvider time)
    {
        Options = options;
        Time = time;
        Scorer = new TeacherScorer(pack);
        Reader = new ScoreReader(pack);
        Calendar = Scorer.Calendar;
        Measures = new MeasureKeeper(Calendar);
        Figures = new FigureRules(pack.ActiveThresholds)
        {
            SchoolActiveRatioTarget = options.SchoolActiveRatioTarget,
            SchoolMeanScoreTarget = options.SchoolMeanScoreTarget,
        };
    }

    public ClusterOptions Options { get; }
    public TimeProvider Time { get; }
    public TeacherScorer Scorer { get; }
    public ScoreReader Reader { get; }
    public ZoneCalendar Calendar { get; }
    public FigureRules Figures { get; }
    public LedgerNotes LedgerNotes { get; } = new();
    public MeasureKeeper Measures { get; }

    /// <summary>The evaluation rubrics candidates can be registered for, by id.</summary>
    public IReadOnlyDictionary<string, Rubric> Rubrics { get; init; } = RubricLoader.Shipped;

    /// <summary>Where teachers leave their snapshot when deactivated; null while nothing takes snapshots.</summary>
    public Snapshots.ParkedSnapshots? ParkedSnapshots { get; set; }

    /// <summary>The teachers a snapshot round must ask (each listed once until its snapshot: at most the roster).</summary>
    public Snapshots.ChangedTeachers ChangedTeachers { get; } = new();

    /// <summary>Teachers' states from snapshots, waiting for their grains to activate.</summary>
    public Snapshots.RestoredTeachers RestoredTeachers { get; } = new();

    /// <summary>
    /// True when this silo is one of a cluster that may have several: a teacher's grain may have lived on another
    /// silo since its state was restored here, so an activation compares the restored state with its stored row.
    /// </summary>
    public bool Clustered => Options.JoinsCluster;

    /// <summary>
    /// True while a restart rebuilds the figures: no month is published from figures still missing
    /// teachers or replayed events.
    /// </summary>
    public bool PublicationPaused { get; set; }

    /// <summary>The live activations of each grain kind in this silo.</summary>
    public ActiveGrains Active { get; } = new();

    public int Today => Calendar.DayOf(Time.GetUtcNow());

    /// <summary>The first day an event accepted now may still count in, by the rule pack's grace window.</summary>
    public int FirstOpenDay => Scorer.HorizonAt(Time.GetUtcNow());

    /// <summary>The first day whose figures are still kept: the rule pack's day history before the grace window.</summary>
    public int FirstKeptDay => FirstOpenDay - Scorer.Pack.DayHistoryDays;
}
