using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.State;

namespace ZhijiangLive.Scoring.Tests.Properties;

/// <summary>
/// A teacher restored from a snapshot is the teacher it was: every later event is decided the same way,
/// every date reads the same scores, and it writes the same bytes again. Comparing behaviour rather than
/// fields is what catches a field the codec forgets to write and to read alike.
/// </summary>
public sealed class SnapshotProperties
{
    [Theory]
    [MemberData(nameof(Seeds.All), MemberType = typeof(Seeds))]
    public void RestoringEveryTeacherAtEveryDayChange_DecidesEveryEventAsTheUninterruptedRun(int seed)
    {
        var stream = EventStreamGenerator.Generate(seed, dayCount: 60);
        var uninterrupted = ScoringRun.Execute(stream);
        var restarted = ScoringRun.Execute(stream, checkpoint: run =>
        {
            foreach (var teacher in stream.Teachers)
            {
                run.States[teacher] = Snapshot.RoundTrip(run.States[teacher]);
            }
        });

        foreach (var teacher in stream.Teachers)
        {
            Assert.Equal(uninterrupted.Applied[teacher].Select(a => a.Outcome), restarted.Applied[teacher].Select(a => a.Outcome));
            foreach (var date in uninterrupted.Dates.Append(stream.LastDay.AddDays(1)))
            {
                Assert.Equal(
                    ScoresDigest.Of(uninterrupted.Reader.Read(uninterrupted.States[teacher], date)),
                    ScoresDigest.Of(restarted.Reader.Read(restarted.States[teacher], date)));
            }
            Assert.Equal(Snapshot.Bytes(uninterrupted.States[teacher]), Snapshot.Bytes(restarted.States[teacher]));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds.All), MemberType = typeof(Seeds))]
    public void RestoredTeacher_DecidesFollowUpsOfEveryKindAsTheOriginal(int seed)
    {
        var (stream, before, cut) = CutStream(seed);
        foreach (var teacher in stream.Teachers)
        {
            var original = before.States[teacher];
            PrepareMobileReviews(before, original, cut);
            var restored = Snapshot.RoundTrip(original);

            var originalScorer = new TeacherScorer(before.Pack);
            var restoredScorer = new TeacherScorer(before.Pack);
            foreach (var accepted in FollowUpsOf(stream, before, teacher, cut))
            {
                var expected = originalScorer.Apply(original, accepted.Event, accepted.AcceptedAt);
                Assert.Equal(expected, restoredScorer.Apply(restored, accepted.Event, accepted.AcceptedAt));
            }

            for (var date = stream.FirstDay; date <= stream.LastDay.AddDays(5); date = date.AddDays(1))
            {
                Assert.Equal(ScoresDigest.Of(before.Reader.Read(original, date)), ScoresDigest.Of(before.Reader.Read(restored, date)));
            }
            Assert.Equal(StateDigest.Of(original), StateDigest.Of(restored));
            Assert.Equal(Snapshot.Bytes(original), Snapshot.Bytes(restored));
        }
    }

    /// <summary>Guards the follow-ups against passing vacuously: over the seeds, they must meet every kind of memory.</summary>
    [Fact]
    public void FollowUps_MeetEveryKindOfMemoryTheStateKeeps()
    {
        var seen = new HashSet<string>();
        foreach (var seed in Seeds.Numbers)
        {
            var (stream, before, cut) = CutStream(seed);
            foreach (var teacher in stream.Teachers)
            {
                var state = before.States[teacher];
                PrepareMobileReviews(before, state, cut);
                var scorer = new TeacherScorer(before.Pack);
                foreach (var accepted in FollowUpsOf(stream, before, teacher, cut))
                {
                    var outcome = scorer.Apply(state, accepted.Event, accepted.AcceptedAt);
                    seen.Add(Kind(accepted.Event.Body, outcome));
                }
            }
        }

        Assert.Superset(
            new HashSet<string>
            {
                "ResourceSpread already counted", "ResourceSpread resource deleted", "ResourceReviewed already counted",
                "ResourceDeleted taken back", "TaskEngagement already counted", "TaskPublished already counted",
                "TaskEngagement paid", "Interaction already counted", "TeachingSession already counted",
                "AppUsage daily cap 2 reached", "ProfileUpdated already counted", "Login paid 2", "MobileOperation OutOfWindow",
            },
            seen);
    }

    private static string Kind(ActivityBody body, ScoreOutcome outcome) => (body.GetType().Name, outcome) switch
    {
        (var name, { IsRejected: true }) => $"{name} {outcome.Rejection}",
        (var name, { Entry.Points: < 0 }) => $"{name} taken back",
        (nameof(Login), { Entry.Points: var points and > 0 }) => $"Login paid {points}",
        (var name, { Entry.Points: > 0 }) => $"{name} paid",
        (var name, _) => $"{name} {outcome.Entry.Note}",
    };

    /// <summary>The stream of <paramref name="seed"/> applied up to an instant about two thirds through it.</summary>
    private static (GeneratedStream Stream, ScoringRun Before, DateTimeOffset Cut) CutStream(int seed)
    {
        var stream = EventStreamGenerator.Generate(seed, dayCount: 50);
        var cut = stream.Events[stream.Events.Count * 2 / 3].AcceptedAt;
        var before = ScoringRun.Execute(stream with { Events = stream.Events.Where(e => e.AcceptedAt < cut).ToList() });
        return (stream, before, cut);
    }

    // The generator reviews on the web only; a review on mobile leaves mobile points a deletion must take back.
    private static void PrepareMobileReviews(ScoringRun before, TeacherState state, DateTimeOffset cut)
    {
        foreach (var id in (state.Resources ?? []).Keys.Order(StringComparer.Ordinal).ToList())
        {
            var review = new ActivityEvent($"prep-{id}", state.TeacherId, cut, ClientKind.Mobile, new ResourceReviewed(id, ReviewLevel.County));
            before.Scorer.Apply(state, review, cut);
        }
    }

    /// <summary>The follow-ups made from the state at the cut, merged with the rest of the teacher's stream.</summary>
    private static IEnumerable<AcceptedEvent> FollowUpsOf(GeneratedStream stream, ScoringRun before, string teacher, DateTimeOffset cut)
    {
        var namedTasks = before.Applied[teacher].Select(a => a.Accepted.Event.Body switch
        {
            TaskPublished published => published.TaskId,
            TaskEngagement engagement => engagement.TaskId,
            _ => null,
        }).OfType<string>();
        var rest = stream.Events.Where(e => e.Event.TeacherId == teacher && e.AcceptedAt >= cut);
        return FollowUpEvents.For(before.States[teacher], cut, before.Scorer, namedTasks)
            .Concat(rest)
            .OrderBy(e => e.AcceptedAt.UtcTicks)
            .ToList();
    }
}
