using ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Scoring.Tests.Properties;

/// <summary>
/// SPEC §4 "a teacher's score for a period is the sum of its awarded points in that period": what
/// <see cref="ScoreReader"/> reports for a day, month, year and the lifetime equals the sum of the ledger
/// entries dated in it (by <see cref="LedgerEntry.Day"/>), mobile points and the per-rule breakdown included.
/// Checked at the start of every acceptance day and at the end, so that every day is compared while its
/// details are live, after it closes, and while it is still within the pack's day history.
/// </summary>
public sealed class PeriodTotalsProperties
{
    [Theory]
    [MemberData(nameof(Seeds.All), MemberType = typeof(Seeds))]
    public void ReaderScoresAreTheLedgerSumsOfEachPeriod(int seed)
    {
        var stream = EventStreamGenerator.Generate(seed);
        var checkpoints = 0;
        ScoringRun.Execute(stream, checkpoint: run =>
        {
            checkpoints++;
            foreach (var teacher in stream.Teachers)
            {
                CheckTeacher(run, teacher);
            }
        });
        Assert.True(checkpoints > stream.DayCount, $"{stream}: only {checkpoints} checkpoints");
    }

    /// <summary>SPEC §3: an entry is dated by its event's occurred_at in the pack's zone, never by its arrival.</summary>
    [Theory]
    [MemberData(nameof(Seeds.All), MemberType = typeof(Seeds))]
    public void EntriesAreDatedByOccurrenceInTheZone(int seed)
    {
        var stream = EventStreamGenerator.Generate(seed);
        var run = ScoringRun.Execute(stream);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(run.Pack.TimeZone);
        foreach (var applied in stream.Teachers.SelectMany(run.Decided))
        {
            var local = TimeZoneInfo.ConvertTime(applied.Accepted.Event.OccurredAt, zone);
            Assert.True(DateOnly.FromDateTime(local.DateTime) == applied.Entry.Day,
                $"{stream}: {applied.Entry.EventId} occurred {applied.Accepted.Event.OccurredAt:O} but is dated {applied.Entry.Day}");
        }
    }

    private static void CheckTeacher(ScoringRun run, string teacher)
    {
        var state = run.States[teacher];
        var days = new Dictionary<DateOnly, Sums>();
        var months = new Dictionary<(int, int), Sums>();
        var years = new Dictionary<int, Sums>();
        var lifetime = new Sums();
        foreach (var applied in run.Decided(teacher))
        {
            var (entry, mobile) = (applied.Entry, applied.Accepted.Event.Client == ClientKind.Mobile);
            foreach (var sums in new[]
            {
                Get(days, entry.Day), Get(months, (entry.Day.Year, entry.Day.Month)), Get(years, entry.Day.Year), lifetime,
            })
            {
                sums.Add(entry, mobile);
            }
        }

        // Days older than the pack's day history are forgotten on purpose (RulePack.DayHistoryDays).
        var firstRemembered = state.HorizonDay - run.Pack.DayHistoryDays;
        var context = $"{run.Stream}, {teacher}, horizon {DateOnly.FromDayNumber(state.HorizonDay)}";
        foreach (var date in run.Dates)
        {
            var scores = run.Reader.Read(state, date);
            if (date.DayNumber >= firstRemembered)
            {
                Get(days, date).AssertMatches(scores.Day, $"{context}: day {date}");
            }
            Get(months, (date.Year, date.Month)).AssertMatches(scores.Month, $"{context}: month {date:yyyy-MM}");
            Get(years, date.Year).AssertMatches(scores.Year, $"{context}: year {date.Year}");
        }
        lifetime.AssertMatches(run.Reader.Read(state, run.Stream.LastDay).Lifetime, $"{context}: lifetime");
    }

    private static Sums Get<TKey>(Dictionary<TKey, Sums> sums, TKey key) where TKey : notnull =>
        sums.TryGetValue(key, out var found) ? found : sums[key] = new Sums();

    /// <summary>The ledger's sums over one period: in all, from mobile clients, and per rule.</summary>
    private sealed class Sums
    {
        private readonly Dictionary<string, int> _byRule = new();
        private int _points;
        private int _mobile;

        public void Add(LedgerEntry entry, bool mobile)
        {
            _points += entry.Points;
            _mobile += mobile ? entry.Points : 0;
            _byRule[entry.Rule] = _byRule.GetValueOrDefault(entry.Rule) + entry.Points;
        }

        public void AssertMatches(PeriodScore score, string what)
        {
            Assert.True(_points == score.Points, $"{what}: reader says {score.Points}, ledger sums to {_points}");
            Assert.True(_mobile == score.MobilePoints, $"{what}: reader says {score.MobilePoints} mobile, ledger sums to {_mobile}");
            // A period closed to its totals has no breakdown (PeriodScore); a live one has every rule.
            foreach (var (rule, points) in score.ByRule)
            {
                var expected = _byRule.GetValueOrDefault(rule);
                Assert.True(expected == points, $"{what}: reader says {points} {rule}, ledger sums to {expected}");
            }
        }
    }
}
