using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.RulePacks;
using ZhijiangLive.Scoring.Rubrics;
using ZhijiangLive.Scoring.Rubrics.Measures;
using ZhijiangLive.Scoring.Rubrics.Sheets;
using ZhijiangLive.Scoring.State;

namespace ZhijiangLive.Scoring.Tests.Rubrics;

/// <summary>
/// A seeded year for a few candidates: every sheet of both rubrics equals a recomputation straight from the
/// accepted events, with each item's formula written out from the seed rather than read from the rubric file.
/// </summary>
public sealed class RubricBruteForceTests
{
    private const int Year = 2026;
    private static readonly string[] Rubrics = ["featured-2018", "guizhou-2021"];

    private sealed record Candidate(string Id, TeacherState State, TeacherMeasures? Measures,
        List<(ActivityEvent Event, bool AfterRegistration)> Accepted, DateTimeOffset From, Dictionary<string, decimal> Expert);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void EverySheet_EqualsTheRecomputationFromEvents(int seed)
    {
        var candidates = Enumerable.Range(0, 5).Select(i => Play(seed * 100 + i, $"t{i}", registerAtNewYear: i == 0)).ToList();
        var scores = new ScoreReader(RulePackLoader.Default);
        foreach (var rubricId in Rubrics)
        {
            var rubric = RubricLoader.Shipped[rubricId];
            var sheets = SheetCalculator.Rank(rubric, candidates.Select(c => CandidateFigures.Read(rubric, Year, c.State, c.Measures, c.Expert)).ToList());
            var expected = candidates.ToDictionary(c => c.Id, c => Expected(rubricId, c, candidates, scores));
            foreach (var sheet in sheets)
            {
                foreach (var item in sheet.Items)
                {
                    Assert.True(expected[sheet.TeacherId][item.Id] == item.Points,
                        $"{rubricId} {sheet.TeacherId} {item.Id}: expected {expected[sheet.TeacherId][item.Id]}, sheet says {item.Points}");
                }
                var total = expected[sheet.TeacherId].Values.Sum();
                Assert.Equal(total, sheet.Total);
                Assert.Equal(1 + candidates.Count(c => expected[c.Id].Values.Sum() > total), sheet.Rank);
            }
            // The year exercises every measured item: some candidate earns something in each.
            foreach (var item in rubric.Items.Where(i => !i.IsExpertOnly && i.Id != "resource_system"))
            {
                Assert.Contains(sheets, s => s.Items.Single(i => i.Id == item.Id).Points > 0);
            }
        }
    }

    private static Candidate Play(int seed, string id, bool registerAtNewYear)
    {
        var year = new SeededYear(seed, id, registerAtNewYear);
        var scorer = new TeacherScorer(RulePackLoader.Default);
        var keeper = new MeasureKeeper(scorer.Calendar);
        var state = new TeacherState(id);
        TeacherMeasures? measures = null;
        var registered = false;
        var accepted = new List<(ActivityEvent, bool)>();
        foreach (var (e, acceptedAt) in year.Accepted)
        {
            if (!registered && acceptedAt >= year.RegisteredAt)
            {
                foreach (var rubric in Rubrics) measures = MeasureKeeper.Register(measures, rubric, Year, year.RegisteredAt);
                registered = true;
            }
            if (!scorer.Apply(state, e, acceptedAt).IsRejected)
            {
                measures = keeper.Observe(measures, state, e);
                accepted.Add((e, registered));
            }
        }
        var rng = new Random(seed);
        var expert = new Dictionary<string, decimal>
        {
            ["resource_system"] = rng.Next(0, 25) / 2m, ["typical_case"] = rng.Next(0, 14) / 2m, ["digital_story"] = rng.Next(0, 12),
            ["columns"] = rng.Next(0, 4), ["richness"] = rng.Next(0, 3) / 2m, ["school_admin"] = rng.Next(0, 7),
        };
        return new Candidate(id, state, measures, accepted, year.RegisteredAt, expert);
    }

    private static Dictionary<string, decimal> Expected(string rubricId, Candidate c, List<Candidate> all, ScoreReader scores)
    {
        var m = new Counted(c);
        decimal Entered(string item, decimal cap) => Math.Min(cap, c.Expert.GetValueOrDefault(item));
        if (rubricId == "featured-2018")
        {
            var (yearPoints, mobilePoints) = YearOf(c, scores);
            var rank = 1 + all.Count(o => YearOf(o, scores).Points > yearPoints);
            return new()
            {
                ["micro_courses"] = m.MicroCourses(0) >= 5 ? Math.Min(10, 5 + m.MicroCourses(100)) : 0,
                ["resource_system"] = m.Live.Count >= 200 ? Entered("resource_system", 10) : 0,
                ["province_approved"] = Math.Min(10, m.ProvinceApproved),
                ["mobile_teaching_days"] = Math.Min(20, 0.5m * m.MobileTeachingDays),
                ["homework"] = Math.Min(10, 0.5m * m.Homework),
                ["interactions"] = Math.Min(5, 0.5m * m.Interactions(null)),
                ["activities"] = Math.Min(10, m.Activities(10)),
                ["mobile_share"] = yearPoints > 0 && mobilePoints > 0 ? Math.Min(5, 10 * mobilePoints / yearPoints) : 0,
                ["year_points"] = yearPoints > 0 ? 10m * (10 - (rank - 1) * 10 / all.Count) / 10 : 0,
                ["typical_case"] = Entered("typical_case", 5),
                ["digital_story"] = Entered("digital_story", 5),
            };
        }
        var shares = m.SharingActions;
        var expected = new Dictionary<string, decimal>
        {
            ["richness"] = Math.Min(4, (m.Live.Count >= 100 && m.Live.Values.Distinct().Count() >= 3 ? 3 : m.Live.Count >= 1 ? 1 : 0)
                + Entered("richness", 1)),
            ["micro_course_series"] = Math.Min(3, m.MicroCourses(0)),
            ["sharing"] = shares == 0 ? 0 : Math.Min(3, Math.Max(1, shares / 200)),
            ["originality"] = Math.Min(5, 0.5m * m.Original),
            ["homework"] = Math.Min(5, m.Homework),
            ["home_school"] = Math.Min(5, m.Interactions("home_school")),
            ["other_activities"] = Math.Min(5, 2.5m * m.Activities(1)),
            ["attention"] = Math.Min(5, Math.Min(3, m.Followers / 10) + (m.Following >= 10 ? 2 : 0)),
            ["visits"] = Math.Min(5, m.Visits / 1000),
            ["reviews"] = m.PositiveReviews > 500 ? 5 : m.PositiveReviews >= 300 ? 3 : 0,
        };
        foreach (var item in RubricLoader.Shipped[rubricId].Items.Where(i => i.IsExpertOnly))
        {
            expected[item.Id] = Entered(item.Id, item.Cap);
        }
        return expected;
    }

    private static (int Points, int Mobile) YearOf(Candidate c, ScoreReader scores)
    {
        var year = scores.Read(c.State, new DateOnly(Year, 12, 31)).Year;
        return (year.Points, year.MobilePoints);
    }

    /// <summary>Each measure counted from the accepted events by the plainest reading of its definition.</summary>
    private sealed class Counted(Candidate c)
    {
        private IEnumerable<ActivityEvent> All => c.Accepted.Select(a => a.Event);
        private IEnumerable<ActivityEvent> InWindow => c.Accepted.Where(a => a.AfterRegistration && a.Event.OccurredAt >= c.From
            && a.Event.OccurredAt.ToOffset(TimeSpan.FromHours(8)).Year == Year).Select(a => a.Event);
        private HashSet<string> Deleted => All.Select(e => e.Body).OfType<ResourceDeleted>().Select(d => d.ResourceId).ToHashSet();
        private bool NotOwner(string user) => user != c.Id;

        /// <summary>Published and never deleted: resource id → kind.</summary>
        public Dictionary<string, string> Live => All.Select(e => e.Body).OfType<ResourcePublished>()
            .Where(p => !Deleted.Contains(p.ResourceId)).GroupBy(p => p.ResourceId).ToDictionary(g => g.Key, g => g.First().Kind);

        public int Original => All.Select(e => e.Body).OfType<ResourcePublished>().Where(p => !Deleted.Contains(p.ResourceId))
            .GroupBy(p => p.ResourceId).Count(g => g.First().Original);

        public int MicroCourses(int minSpread) => Live.Where(r => r.Value == "micro_course").Count(r => minSpread == 0 || All.Select(e => e.Body)
            .OfType<ResourceSpread>().Where(s => s.ResourceId == r.Key && NotOwner(s.UserId)).Select(s => s.UserId).Distinct().Count() >= minSpread);

        public int SharingActions => All.Select(e => e.Body).OfType<ResourceSpread>()
            .Count(s => NotOwner(s.UserId) && s.Action is "download" or "share" or "repost");

        public int ProvinceApproved => InWindow.Select(e => e.Body).OfType<ResourceReviewed>()
            .Where(r => r.Level == ReviewLevel.Province && !Deleted.Contains(r.ResourceId)).Select(r => r.ResourceId).Distinct().Count();

        public int MobileTeachingDays => InWindow.Where(e => e.Client == ClientKind.Mobile && e.Body is TeachingSession)
            .DistinctBy(e => ((TeachingSession)e.Body).SessionId)
            .GroupBy(e => DateOnly.FromDateTime(e.OccurredAt.ToOffset(TimeSpan.FromHours(8)).DateTime))
            .Count(day => day.Sum(e => ((TeachingSession)e.Body).DurationSeconds) >= 600);

        public int Homework => InWindow.Select(e => e.Body).OfType<TaskPublished>().Where(t => t.Kind == "homework").Select(t => t.TaskId).Distinct().Count()
            + InWindow.Count(e => e.Body is HomeworkMarked);

        public int Interactions(string? kind) => InWindow.Select(e => e.Body).OfType<Interaction>().Count(i => kind is null || i.Kind == kind);

        public int Activities(int minStudents)
        {
            var window = InWindow.ToList();
            return window.Select((e, index) => (e, index))
                .Where(x => x.e.Body is TaskPublished { Kind: not "homework" })
                .GroupBy(x => ((TaskPublished)x.e.Body).TaskId).Select(g => g.First())
                .Count(p => window.Skip(p.index + 1).Select(e => e.Body).OfType<TaskEngagement>()
                    .Where(t => t.TaskId == ((TaskPublished)p.e.Body).TaskId).Select(t => t.StudentId).Distinct().Count() >= minStudents);
        }

        public int Followers => Current(All.Select(e => e.Body).OfType<SpaceFollowed>().Where(f => NotOwner(f.UserId)).Select(f => (f.UserId, f.Unfollowed)));

        public int Following => Current(All.Select(e => e.Body).OfType<SpaceFollowing>().Where(f => NotOwner(f.SpaceId)).Select(f => (f.SpaceId, f.Unfollowed)));

        public int Visits => All.Where(e => e.Body is SpaceVisited v && NotOwner(v.VisitorId))
            .Select(e => (((SpaceVisited)e.Body).VisitorId, e.OccurredAt.ToOffset(TimeSpan.FromHours(8)).Date)).Distinct().Count();

        public int PositiveReviews => All.Select(e => e.Body).OfType<ReviewReceived>().Count(r => r.Positive && NotOwner(r.ReviewerId));

        private static int Current(IEnumerable<(string Id, bool Removed)> toggles) =>
            toggles.GroupBy(t => t.Id).Count(g => !g.Last().Removed);
    }
}
