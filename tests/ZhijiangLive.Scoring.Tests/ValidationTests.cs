using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.RulePacks;
using static ZhijiangLive.Scoring.Tests.LedgerAssert;
using static ZhijiangLive.Scoring.Tests.Shanghai;

namespace ZhijiangLive.Scoring.Tests;

/// <summary>Events with missing or invalid fields are rejected before they reach any rule, leaving no trace.</summary>
public sealed class ValidationTests
{
    private readonly TeacherHarness _t = new();

    /// <summary>A body with one required field left empty, by the field it names.</summary>
    private static readonly Dictionary<string, ActivityBody> _bodiesMissing = new()
    {
        ["resource_spread.resource_id"] = new ResourceSpread("", "u1", "download"),
        ["resource_spread.user_id"] = new ResourceSpread("r1", "", "download"),
        ["resource_reviewed.resource_id"] = new ResourceReviewed("", ReviewLevel.County),
        ["resource_deleted.resource_id"] = new ResourceDeleted(""),
        ["teaching_session.session_id"] = new TeachingSession("", 2700),
        ["task_published.task_id"] = new TaskPublished("", "homework"),
        ["task_engagement.task_id"] = new TaskEngagement("", "s1", true),
        ["task_engagement.student_id"] = new TaskEngagement("k1", "", true),
        ["interaction.counterpart_id"] = new Interaction("", "message"),
        ["app_usage.app_id"] = new AppUsage(""),
        ["resource_published.resource_id"] = new ResourcePublished("", "micro_course", true),
        ["resource_published.kind"] = new ResourcePublished("r1", "", true),
        ["homework_marked.task_id"] = new HomeworkMarked("", "s1"),
        ["homework_marked.student_id"] = new HomeworkMarked("k1", ""),
        ["space_followed.user_id"] = new SpaceFollowed("", false),
        ["space_following.space_id"] = new SpaceFollowing("", false),
        ["space_visited.visitor_id"] = new SpaceVisited(""),
        ["review_received.reviewer_id"] = new ReviewReceived("", "like", true),
    };

    private void AssertRejected(ScoreOutcome outcome, RejectionReason reason, string detail)
    {
        Assert.Equal(reason, outcome.Rejection);
        Assert.Contains(detail, outcome.Detail);
        Assert.Equal(default, outcome.Entry);
        Assert.Empty(_t.Ledger);
        Assert.Empty(_t.State.Days.Live);
        Assert.Equal(0, _t.State.Lifetime.Total);
    }

    [Theory]
    [InlineData("resource_spread.resource_id")]
    [InlineData("resource_spread.user_id")]
    [InlineData("resource_reviewed.resource_id")]
    [InlineData("resource_deleted.resource_id")]
    [InlineData("teaching_session.session_id")]
    [InlineData("task_published.task_id")]
    [InlineData("task_engagement.task_id")]
    [InlineData("task_engagement.student_id")]
    [InlineData("interaction.counterpart_id")]
    [InlineData("app_usage.app_id")]
    [InlineData("resource_published.resource_id")]
    [InlineData("resource_published.kind")]
    [InlineData("homework_marked.task_id")]
    [InlineData("homework_marked.student_id")]
    [InlineData("space_followed.user_id")]
    [InlineData("space_following.space_id")]
    [InlineData("space_visited.visitor_id")]
    [InlineData("review_received.reviewer_id")]
    public void MissingBodyField_RejectedAsMissingField(string field)
    {
        AssertRejected(_t.Offer(_bodiesMissing[field], OnDay(0)), RejectionReason.MissingField, $"{field} is required");
    }

    [Fact]
    public void MissingEventId_RejectedAsMissingField()
    {
        var outcome = _t.Offer(new ActivityEvent("", TeacherHarness.TeacherId, OnDay(0), ClientKind.Pc, Login.Instance));
        AssertRejected(outcome, RejectionReason.MissingField, "event_id is required");
        Assert.Equal("MISSING_FIELD", outcome.Rejection.ToCode());
    }

    [Fact]
    public void MissingTeacherId_RejectedAsMissingField()
    {
        AssertRejected(_t.Offer(new ActivityEvent("e1", "", OnDay(0), ClientKind.Pc, Login.Instance)),
            RejectionReason.MissingField, "teacher_id is required");
    }

    [Fact]
    public void MissingOccurredAt_RejectedAsMissingField()
    {
        _t.AcceptAt = OnDay(0);
        AssertRejected(_t.Offer(new ActivityEvent("e1", TeacherHarness.TeacherId, default, ClientKind.Pc, Login.Instance)),
            RejectionReason.MissingField, "occurred_at is required");
    }

    [Fact]
    public void MissingBody_RejectedAsMissingField()
    {
        AssertRejected(_t.Offer(new ActivityEvent("e1", TeacherHarness.TeacherId, OnDay(0), ClientKind.Pc, null!)),
            RejectionReason.MissingField, "body is required");
    }

    [Theory]
    [InlineData(ReviewLevel.Unspecified)]
    [InlineData((ReviewLevel)4)]
    [InlineData((ReviewLevel)(-1))]
    public void UnspecifiedOrUnknownReviewLevel_RejectedAsInvalidField(ReviewLevel level)
    {
        var outcome = _t.Offer(new ResourceReviewed("r1", level), OnDay(0));
        AssertRejected(outcome, RejectionReason.InvalidField, "resource_reviewed.level");
        Assert.Equal("INVALID_FIELD", outcome.Rejection.ToCode());
        Assert.Null(_t.State.Resources);
    }

    [Fact]
    public void NegativeTeachingDuration_RejectedAsInvalidField()
    {
        AssertRejected(_t.Offer(new TeachingSession("s1", -1), OnDay(0)),
            RejectionReason.InvalidField, "teaching_session.duration_seconds is negative");
    }

    [Fact]
    public void ZeroTeachingDuration_IsAccepted()
    {
        Paid(_t.Score(new TeachingSession("s1", 0), OnDay(0)), "teaching", 5, Date(0));
    }

    [Fact]
    public void RejectedSessionId_CanStillCountWhenItArrivesValid()
    {
        Assert.True(_t.Offer(new TeachingSession("s1", -60), OnDay(0, hour: 8)).IsRejected);
        Paid(_t.Teach("s1", OnDay(0, hour: 9)), "teaching", 5, Date(0));
    }

    [Fact]
    public void Validator_NeedsNoTeacherState()
    {
        var validator = new EventValidator(RulePackLoader.Default);
        var e = new ActivityEvent("e1", "anyone", OnDay(0), ClientKind.Mobile, new AppUsage("weike"));
        Assert.Equal((RejectionReason.None, ""), validator.Validate(e, OnDay(0)));
        Assert.Equal(RejectionReason.UnknownApp, validator.Validate(e with { Body = new AppUsage("qq") }, OnDay(0)).Reason);
    }

    [Fact]
    public void EventOfAnotherTeacher_IsAProgrammingError()
    {
        var e = new ActivityEvent("e1", "t2", OnDay(0), ClientKind.Pc, Login.Instance);
        Assert.Throws<ArgumentException>(() => _t.Scorer.Apply(_t.State, e, OnDay(0)));
        Assert.Empty(_t.State.Days.Live);
    }

    [Theory]
    [InlineData(RejectionReason.None, "")]
    [InlineData(RejectionReason.OutOfWindow, "OUT_OF_WINDOW")]
    [InlineData(RejectionReason.UnknownApp, "UNKNOWN_APP")]
    [InlineData(RejectionReason.MissingField, "MISSING_FIELD")]
    [InlineData(RejectionReason.InvalidField, "INVALID_FIELD")]
    [InlineData(RejectionReason.UnknownTeacher, "UNKNOWN_TEACHER")]
    [InlineData(RejectionReason.TeacherLocked, "TEACHER_LOCKED")]
    public void RejectionReason_HasItsPublicCode(RejectionReason reason, string code)
    {
        Assert.Equal(code, reason.ToCode());
    }
}
