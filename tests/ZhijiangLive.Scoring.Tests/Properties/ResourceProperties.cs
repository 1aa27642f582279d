using ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Scoring.Tests.Properties;

/// <summary>SPEC §4 resource_spread and resource_review: per-resource caps, deletion, and the exact spread count.</summary>
public sealed class ResourceProperties
{
    private const int SpreadCapPerResource = 50;
    private const int ReviewPointsPerResource = 3 + 7 + 10;

    [Theory]
    [MemberData(nameof(Seeds.All), MemberType = typeof(Seeds))]
    public void NoResourceEarnsMoreThanFiftySpreadPoints(int seed)
    {
        var stream = EventStreamGenerator.Generate(seed);
        var run = ScoringRun.Execute(stream);
        foreach (var teacher in stream.Teachers)
        {
            var perResource = run.Decided(teacher)
                .Where(a => a.Entry.Rule == RuleIds.ResourceSpread)
                .GroupBy(a => ResourceOf(a.Accepted.Event.Body), a => a.Entry.Points);
            foreach (var resource in perResource)
            {
                var sum = resource.Sum();
                Assert.True(sum <= SpreadCapPerResource, $"{stream}: {resource.Key} earned {sum} spread points");
                Assert.Equal(sum, run.States[teacher].Resources![resource.Key].SpreadPoints);
            }
        }
    }

    /// <summary>
    /// A resource's review points never exceed 20 at any moment, never go negative, and are 0 from its
    /// deletion on (the deletion's negative entry takes back exactly what its reviews earned).
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds.All), MemberType = typeof(Seeds))]
    public void ReviewPointsStayWithinTwentyAndDeletionTakesThemBack(int seed)
    {
        var stream = EventStreamGenerator.Generate(seed);
        var run = ScoringRun.Execute(stream);
        foreach (var teacher in stream.Teachers)
        {
            var held = new Dictionary<string, int>();
            var deleted = new HashSet<string>();
            foreach (var applied in run.Decided(teacher).Where(a => a.Entry.Rule == RuleIds.ResourceReview))
            {
                var resource = ResourceOf(applied.Accepted.Event.Body);
                var points = held.GetValueOrDefault(resource) + applied.Entry.Points;
                held[resource] = points;
                if (applied.Accepted.Event.Body is ResourceDeleted)
                {
                    deleted.Add(resource);
                }
                Assert.True(points is >= 0 and <= ReviewPointsPerResource,
                    $"{stream}: {resource} holds {points} review points after {applied.Entry.EventId}");
                Assert.True(!deleted.Contains(resource) || points == 0,
                    $"{stream}: deleted {resource} holds {points} review points after {applied.Entry.EventId}");
            }
            foreach (var (resource, points) in held)
            {
                Assert.Equal(points, run.States[teacher].Resources![resource].ReviewPoints);
            }
            Assert.All(deleted, resource => Assert.True(run.States[teacher].Resources![resource].Deleted));
        }
    }

    /// <summary>
    /// 传播数 is exact: the distinct users other than the owner that spread the resource, in acceptance
    /// order, before its deletion was accepted — paid or not, past the 50 cap included.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds.All), MemberType = typeof(Seeds))]
    public void SpreadCountIsTheDistinctNonOwnerSpreadersBeforeDeletion(int seed)
    {
        var stream = EventStreamGenerator.Generate(seed);
        var run = ScoringRun.Execute(stream);
        foreach (var teacher in stream.Teachers)
        {
            var spreaders = new Dictionary<string, HashSet<string>>();
            var deleted = new HashSet<string>();
            foreach (var applied in run.Decided(teacher))
            {
                switch (applied.Accepted.Event.Body)
                {
                    case ResourceDeleted d:
                        deleted.Add(d.ResourceId);
                        break;
                    case ResourceSpread s when s.UserId != teacher && !deleted.Contains(s.ResourceId):
                        (spreaders.TryGetValue(s.ResourceId, out var users) ? users : spreaders[s.ResourceId] = []).Add(s.UserId);
                        break;
                }
            }
            var resources = run.States[teacher].Resources ?? [];
            foreach (var (resource, record) in resources)
            {
                var expected = spreaders.TryGetValue(resource, out var users) ? users.Count : 0;
                Assert.True(expected == record.SpreadCount,
                    $"{stream}: {resource} has spread count {record.SpreadCount}, expected {expected}");
            }
            Assert.All(spreaders.Keys, resource => Assert.True(resources.ContainsKey(resource), $"{resource} is not in the state"));
        }
    }

    private static string ResourceOf(ActivityBody body) => body switch
    {
        ResourceSpread s => s.ResourceId,
        ResourceReviewed r => r.ResourceId,
        ResourceDeleted d => d.ResourceId,
        _ => throw new ArgumentException($"{body} names no resource"),
    };
}
