using ZhijiangLive.Scoring.RulePacks;
using static ZhijiangLive.Scoring.Tests.LedgerAssert;
using static ZhijiangLive.Scoring.Tests.Shanghai;

namespace ZhijiangLive.Scoring.Tests;

/// <summary>The zjer-2018 pack carries SPEC §3–§5's numbers; an override changes them and the engine obeys.</summary>
public sealed class RulePackTests
{
    private static TeacherHarness With(string overrideJson) => new(RulePackLoader.DefaultWith(overrideJson));

    [Fact]
    public void Default_CarriesTheSpecsNumbers()
    {
        var pack = RulePackLoader.Default;
        Assert.Equal("zjer-2018", pack.Id);
        Assert.Equal("Asia/Shanghai", pack.TimeZone);
        Assert.Equal(TimeSpan.FromHours(72), pack.GraceLate);
        Assert.Equal(TimeSpan.FromMinutes(5), pack.GraceEarly);
        Assert.Equal(new ActiveThresholds(1, 30, 300), pack.ActiveThresholds);
        var r = pack.Rules;
        Assert.Equal(new StreakBonusSettings(Points: 1, DailyCap: 1, StreakDays: 7, StreakPoints: 2, StreakDailyCap: 2), r.Login);
        Assert.Equal(new OnceEverSettings(5), r.Profile);
        Assert.Equal(new PerOccurrenceSettings(Points: 1, DailyCap: 2), r.MobileOp);
        Assert.Equal(new DistinctPerItemSettings(Points: 1, DailyCap: 2, ItemCap: 50), r.ResourceSpread);
        Assert.Equal(new StagedApprovalSettings(County: 3, City: 7, Province: 10), r.ResourceReview);
        Assert.Equal(new PerOccurrenceSettings(Points: 5, DailyCap: 10), r.Teaching);
        Assert.Equal(new ThresholdPerItemSettings(Points: 5, Threshold: 10, DailyCap: 5), r.Guidance);
        Assert.Equal(5, r.Interaction.DailyCap);
        Assert.Equal([new DistinctTier(5, 3), new DistinctTier(10, 2)], r.Interaction.Tiers);
        Assert.Equal((2, 2), (r.App.Points, r.App.DailyCapPerApp));
        Assert.Equal(["mingshi-studio", "base-school", "online-research", "weike", "subject-learning"], r.App.Registry);
    }

    [Fact]
    public void Override_ChangesOnlyWhatItNames()
    {
        var pack = RulePackLoader.DefaultWith("""{ "rules": { "teaching": { "dailyCap": 15 } } }""");
        Assert.Equal(new PerOccurrenceSettings(5, 15), pack.Rules.Teaching);
        Assert.Equal(RulePackLoader.Default.Rules.MobileOp, pack.Rules.MobileOp);
        Assert.Equal(RulePackLoader.Default.Rules.Login, pack.Rules.Login);
        Assert.Equal(RulePackLoader.Default.TimeZone, pack.TimeZone);
    }

    [Fact]
    public void Override_RaisedTeachingCap_IsObeyed()
    {
        var t = With("""{ "rules": { "teaching": { "dailyCap": 15 } } }""");
        t.Teach("s1", OnDay(0, hour: 8));
        t.Teach("s2", OnDay(0, hour: 9));
        Paid(t.Teach("s3", OnDay(0, hour: 10)), "teaching", 5, Date(0));
        Refused(t.Teach("s4", OnDay(0, hour: 11)), "teaching", Date(0), "daily cap 15 reached");
    }

    [Fact]
    public void Override_KeysMatchCaseInsensitively()
    {
        var t = With("""{ "Rules": { "MobileOp": { "DailyCap": 1 } } }""");
        t.MobileOp(OnDay(0, hour: 8));
        Refused(t.MobileOp(OnDay(0, hour: 9)), "mobile_op", Date(0), "daily cap 1 reached");
    }

    [Fact]
    public void Override_ShorterLoginStreak_IsObeyed()
    {
        var t = With("""{ "rules": { "login": { "streakDays": 3 } } }""");
        Paid(t.Login(OnDay(0)), "login", 1, Date(0));
        Paid(t.Login(OnDay(1)), "login", 1, Date(1));
        Paid(t.Login(OnDay(2)), "login", 2, Date(2));
    }

    [Fact]
    public void Override_InteractionCapBelowTheTiers_PaysOnlyWhatFits()
    {
        var t = With("""{ "rules": { "interaction": { "dailyCap": 4 } } }""");
        var entries = t.InteractWith(10, OnDay(0));
        Paid(entries[4], "interaction", 3, Date(0));
        Paid(entries[9], "interaction", 1, Date(0));
        Assert.Equal(4, t.DayPoints(Date(0), "interaction"));
    }

    [Fact]
    public void Override_GuidanceThreshold_IsObeyed()
    {
        var t = With("""{ "rules": { "guidance": { "threshold": 3 } } }""");
        t.Publish("k1", OnDay(0));
        Refused(t.EngageStudents("k1", 2, OnDay(0)), "guidance", Date(0), "2 of 3 students");
        Paid(t.Engage("k1", "s3", OnDay(0)), "guidance", 5, Date(0));
    }

    [Fact]
    public void Override_ShorterGraceLate_IsObeyed()
    {
        var t = With("""{ "graceLate": "01:00:00" }""");
        t.AcceptAt = OnDay(0, hour: 11);
        Paid(t.Login(OnDay(0, hour: 10)), "login", 1, Date(0));
        Assert.Equal(RejectionReason.OutOfWindow, t.Offer(Events.Login.Instance, OnDay(0, hour: 9, minute: 59)).Rejection);
    }

    [Fact]
    public void UtcZone_MovesTheDayBoundaryToUtcMidnight()
    {
        var t = With("""{ "timeZone": "UTC" }""");
        var utc = TimeSpan.Zero;
        Paid(t.Login(new DateTimeOffset(2026, 3, 2, 15, 59, 59, utc)), "login", 1, new DateOnly(2026, 3, 2));
        Refused(t.Login(new DateTimeOffset(2026, 3, 2, 16, 0, 0, utc)), "login", new DateOnly(2026, 3, 2), "daily cap 1 reached");
        Refused(t.Login(new DateTimeOffset(2026, 3, 2, 23, 59, 59, utc)), "login", new DateOnly(2026, 3, 2), "daily cap 1 reached");
        Paid(t.Login(new DateTimeOffset(2026, 3, 3, 0, 0, 0, utc)), "login", 1, new DateOnly(2026, 3, 3));
        Assert.Equal(2, t.Scores(new DateOnly(2026, 3, 3)).LoginStreak);
    }

    [Theory]
    [InlineData("""{ "timeZone": "Mars/Olympus_Mons" }""", "timeZone 'Mars/Olympus_Mons' is unknown")]
    [InlineData("""{ "rules": { "teaching": { "dailyCap": -1 } } }""", "rules.teaching.dailyCap is negative")]
    [InlineData("""{ "rules": { "login": { "streakDailyCap": -2 } } }""", "rules.login.streakDailyCap is negative")]
    [InlineData("""{ "rules": { "resourceSpread": { "itemCap": -50 } } }""", "rules.resourceSpread.itemCap is negative")]
    [InlineData("""{ "rules": { "app": { "dailyCapPerApp": -2 } } }""", "rules.app.dailyCapPerApp is negative")]
    [InlineData("""{ "graceLate": "-01:00:00" }""", "graceLate is negative")]
    [InlineData("""{ "rules": { "login": { "streakDays": 0 } } }""", "rules.login.streakDays must be at least 1")]
    [InlineData("""{ "rules": { "guidance": { "threshold": 0 } } }""", "rules.guidance.threshold must be at least 1")]
    [InlineData("""{ "rules": { "app": { "registry": [] } } }""", "rules.app.registry is empty")]
    [InlineData("""{ "rules": { "app": { "registry": [ "weike", "weike" ] } } }""", "rules.app.registry repeats an app")]
    [InlineData("""{ "rules": { "interaction": { "tiers": [ { "at": 10, "points": 2 }, { "at": 5, "points": 3 } ] } } }""", "rules.interaction.tiers")]
    public void InvalidOverride_FailsNamingTheSetting(string overrideJson, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => RulePackLoader.DefaultWith(overrideJson));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void InvalidOverride_UnknownSetting_FailsNamingIt()
    {
        var e = Assert.Throws<InvalidDataException>(() => RulePackLoader.DefaultWith("""{ "rules": { "teaching": { "dailyCapp": 5 } } }"""));
        Assert.Contains("dailyCapp", e.Message);
    }

    [Fact]
    public void InvalidOverride_WrongType_FailsNamingTheSetting()
    {
        var e = Assert.Throws<InvalidDataException>(() => RulePackLoader.DefaultWith("""{ "rules": { "teaching": { "dailyCap": "ten" } } }"""));
        Assert.Contains("dailyCap", e.Message);
    }

    [Theory]
    [InlineData("""{ "rules": { "login": null } }""", "$.rules.login")]
    [InlineData("""{ "rules": null }""", "$.rules")]
    [InlineData("""{ "timeZone": null }""", "$.timeZone")]
    [InlineData("""{ "rules": { "interaction": { "tiers": [ null ] } } }""", "rules.interaction.tiers holds a null tier")]
    [InlineData("""{ "rules": { "app": { "registry": [ "weike", null ] } } }""", "rules.app.registry holds an empty app id")]
    public void InvalidOverride_NullWhereAValueIsNeeded_FailsNamingIt(string overrideJson, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => RulePackLoader.DefaultWith(overrideJson));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void InvalidOverride_MalformedJson_FailsAsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => RulePackLoader.DefaultWith("""{ "rules": { "teaching": """));
    }
}
