using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using ZhijiangLive.Grains.Serialization;
using ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Grains.Tests.Serialization;

/// <summary>Events between grains: each body kind through Orleans' serializer and back, on its pinned wire kind.</summary>
public sealed class ActivityEventSurrogateTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(ActivityEventConverter).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    /// <summary>The kinds the evaluation rubrics measure, by their wire kind (12 on: appended, never renumbered).</summary>
    public static TheoryData<byte, ActivityBody> MeasuredBodies => new()
    {
        { 12, new ResourcePublished("r1", "micro_course", Original: true) },
        { 12, new ResourcePublished("r2", "courseware", Original: false) },
        { 13, new HomeworkMarked("k1", "学生1") },
        { 14, new SpaceFollowed("u1", Unfollowed: false) },
        { 14, new SpaceFollowed("u1", Unfollowed: true) },
        { 15, new SpaceFollowing("space-2", Unfollowed: false) },
        { 15, new SpaceFollowing("space-2", Unfollowed: true) },
        { 16, new SpaceVisited("u2") },
        { 17, new ReviewReceived("u3", "like", Positive: true) },
        { 17, new ReviewReceived("u4", "resource", Positive: false) },
    };

    [Theory]
    [MemberData(nameof(MeasuredBodies))]
    public void MeasuredBody_RoundTripsThroughTheSerializer(byte kind, ActivityBody body)
    {
        var e = new ActivityEvent("e1", "T1", At, ClientKind.Mobile, body);

        var back = Serializer.Deserialize<ActivityEvent>(Serializer.SerializeToArray(e));

        Assert.Equal(e, back);
        Assert.Equal(kind, new ActivityEventConverter().ConvertToSurrogate(e).Kind);
    }

    [Theory]
    [MemberData(nameof(MeasuredBodies))]
    public void MeasuredBody_RoundTripsThroughTheSurrogate(byte kind, ActivityBody body)
    {
        var converter = new ActivityEventConverter();
        var e = new ActivityEvent("e1", "T1", At, ClientKind.Web, body);

        var surrogate = converter.ConvertToSurrogate(e);

        Assert.Equal(kind, surrogate.Kind);
        Assert.Equal(e, converter.ConvertFromSurrogate(surrogate));
    }

    [Fact]
    public void ScoredBodies_KeepTheirWireKinds()
    {
        var converter = new ActivityEventConverter();
        ActivityBody[] bodies =
        [
            Login.Instance, new ProfileUpdated(true, true, true, true), new MobileOperation("message"),
            new ResourceSpread("r", "u", "view"), new ResourceReviewed("r", ReviewLevel.City), new ResourceDeleted("r"),
            new TeachingSession("s", 2400), new TaskPublished("k", "homework"), new TaskEngagement("k", "s", true),
            new Interaction("c", "message"), new AppUsage("weike"),
        ];

        var kinds = bodies.Select(b => converter.ConvertToSurrogate(new ActivityEvent("e", "T1", At, ClientKind.Pc, b)).Kind);

        Assert.Equal(Enumerable.Range(1, 11).Select(i => (byte)i), kinds);
    }
}
