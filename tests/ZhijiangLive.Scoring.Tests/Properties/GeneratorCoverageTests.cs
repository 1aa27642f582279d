using Xunit.Abstractions;
using ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Scoring.Tests.Properties;

/// <summary>
/// Guards the properties against passing vacuously: over the seeds, the generated streams must reach
/// every cap the properties are about, arrive late and out of order, and never leave the grace window.
/// </summary>
public sealed class GeneratorCoverageTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Seeds.All), MemberType = typeof(Seeds))]
    public void StreamsAreInAcceptanceOrderAndInsideTheGraceWindow(int seed)
    {
        var pack = RulePacks.RulePackLoader.Default;
        var stream = EventStreamGenerator.Generate(seed, pack);
        Assert.All(stream.Events.Zip(stream.Events.Skip(1)), p => Assert.True(p.First.AcceptedAt <= p.Second.AcceptedAt));
        Assert.All(stream.Events, a => Assert.InRange(a.AcceptedAt - a.Event.OccurredAt, -pack.GraceEarly, pack.GraceLate));
        Assert.Equal(stream.Events.Count, stream.Events.Select(a => a.Event.EventId).Distinct().Count());
    }

    [Fact]
    public void StreamsReachEveryCapTheyAreMeantToExercise()
    {
        var counts = new Dictionary<string, int>();
        void Count(string what, bool happened)
        {
            counts[what] = counts.GetValueOrDefault(what) + (happened ? 1 : 0);
        }

        foreach (var seed in Seeds.Numbers)
        {
            var stream = EventStreamGenerator.Generate(seed);
            var run = ScoringRun.Execute(stream);
            var all = stream.Teachers.SelectMany(run.Decided).ToList();
            var notes = all.Where(a => a.Entry.Note is not null).Select(a => (a.Entry.Rule, a.Entry.Note!)).ToHashSet();
            var lates = stream.Events.Select(a => a.AcceptedAt - a.Event.OccurredAt).ToList();

            Count("events accepted > 24 h late", lates.Any(l => l > TimeSpan.FromHours(24)));
            Count("events accepted early", lates.Any(l => l < TimeSpan.Zero));
            Count("events rejected (unknown app)", stream.Teachers.SelectMany(t => run.Applied[t]).Any(a => a.Outcome.IsRejected));
            Count("stream crosses a month", stream.FirstDay.Month != stream.LastDay.Month);
            Count("stream crosses a year", stream.FirstDay.Year != stream.LastDay.Year);
            foreach (var rule in new[] { RuleIds.Login, RuleIds.MobileOp, RuleIds.ResourceSpread, RuleIds.Teaching,
                         RuleIds.Guidance, RuleIds.Interaction, RuleIds.App })
            {
                Count($"{rule} refused by a daily cap", notes.Any(n => n.Rule == rule && n.Item2.StartsWith("daily cap", StringComparison.Ordinal)));
            }
            Count("login on a 7-day streak (2 points)", all.Any(a => a.Entry.Rule == RuleIds.Login && a.Entry.Points == 2));
            Count("resource refused by its 50 cap", notes.Contains((RuleIds.ResourceSpread, "resource cap 50 reached")));
            Count("spread refused as the owner's own", notes.Contains((RuleIds.ResourceSpread, "owner's own action")));
            Count("spread after deletion", notes.Contains((RuleIds.ResourceSpread, "resource deleted")));
            Count("review level paid twice refused", notes.Contains((RuleIds.ResourceReview, "already counted")));
            Count("review after deletion", notes.Contains((RuleIds.ResourceReview, "resource deleted")));
            Count("deletion takes points back", all.Any(a => a.Entry.Rule == RuleIds.ResourceReview && a.Entry.Points < 0));
            Count("resource with all three levels paid", stream.Teachers.Any(t => (run.States[t].Resources ?? []).Values.Any(r => r.ReviewLevelsPaid == 0b1110)));
            Count("teaching session repeated", notes.Contains((RuleIds.Teaching, "already counted")));
            Count("engagement before publication", notes.Contains((RuleIds.Guidance, "task not published yet")));
            Count("guidance paid", all.Any(a => a.Entry.Rule == RuleIds.Guidance && a.Entry.Points > 0));
            Count("interaction second tier paid", all.Any(a => a.Entry.Rule == RuleIds.Interaction && a.Entry.Points == 2));
            Count("profile paid", all.Any(a => a.Entry.Rule == RuleIds.Profile && a.Entry.Points > 0));
        }

        foreach (var (what, seeds) in counts)
        {
            output.WriteLine($"{seeds,3} of {Seeds.Count} seeds: {what}");
        }
        Assert.All(counts, c => Assert.True(c.Value >= (c.Key.Contains("year") ? 1 : Seeds.Count / 2), $"only {c.Value} seeds: {c.Key}"));
    }
}
