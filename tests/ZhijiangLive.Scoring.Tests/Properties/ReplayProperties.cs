using ZhijiangLive.Scoring.State;

namespace ZhijiangLive.Scoring.Tests.Properties;

/// <summary>
/// SPEC §3: the same accepted sequence always yields the same scores. Each teacher's accepted events are
/// replayed on their own, through a scorer of their own (so nothing the first scorer remembered across
/// teachers, such as its calendar's cached day, can help), into a fresh state.
/// </summary>
public sealed class ReplayProperties
{
    [Theory]
    [MemberData(nameof(Seeds.All), MemberType = typeof(Seeds))]
    public void ReplayingTheAcceptedSequenceReproducesLedgerScoresAndState(int seed)
    {
        var stream = EventStreamGenerator.Generate(seed);
        var run = ScoringRun.Execute(stream);
        foreach (var teacher in stream.Teachers)
        {
            var scorer = new TeacherScorer(run.Pack);
            var replayed = new TeacherState(teacher);
            foreach (var original in run.Decided(teacher))
            {
                var accepted = original.Accepted;
                var outcome = scorer.Apply(replayed, accepted.Event, accepted.AcceptedAt);
                Assert.Equal(original.Outcome, outcome);
            }

            var state = run.States[teacher];
            foreach (var date in run.Dates.Append(stream.LastDay.AddDays(1)))
            {
                Assert.Equal(ScoresDigest.Of(run.Reader.Read(state, date)), ScoresDigest.Of(new ScoreReader(run.Pack).Read(replayed, date)));
            }
            Assert.Equal(StateDigest.Of(state), StateDigest.Of(replayed));
        }
    }
}
