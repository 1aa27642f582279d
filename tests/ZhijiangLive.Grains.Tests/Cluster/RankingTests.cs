using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Grains.Regions;
using static ZhijiangLive.Grains.Tests.Cluster.ClusterHarness;

namespace ZhijiangLive.Grains.Tests.Cluster;

public sealed class RankingTests : IAsyncLifetime
{
    private readonly ClusterHarness _h = new();

    public async Task InitializeAsync()
    {
        await _h.BuildTreeAsync();
        await _h.AddTeachersAsync(Teacher("T1", "S1"), Teacher("T2", "S1"), Teacher("T3", "S2"), Teacher("T4", "S3"), Teacher("T5", "S5"));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Teachers_TiedScores_ShareARankAndAreListedById()
    {
        await _h.PublishAsync(_h.Teach("T4"), _h.Teach("T4"), _h.Teach("T2"), _h.Teach("T1"), _h.Teach("T3"));

        var page = await Ranking("P", RankingKind.Teachers, Period.Day);

        Assert.Equal([(1, "T4", 10.0), (2, "T1", 5.0), (2, "T2", 5.0), (2, "T3", 5.0), (5, "T5", 0.0)],
            page.Entries.Select(e => (e.Rank, e.Id, e.Score)));
        Assert.Equal(5, page.Total);
    }

    [Fact]
    public async Task Teachers_PageAndNeighbours_FollowTheListingOrder()
    {
        await _h.PublishAsync(_h.Teach("T4"), _h.Teach("T4"), _h.Teach("T2"), _h.Teach("T1"));

        var second = await Ranking("P", RankingKind.Teachers, Period.Day, offset: 2, limit: 2);
        var around = await Ranking("P", RankingKind.Teachers, Period.Day, limit: 3, around: "T2");

        Assert.Equal(["T2", "T3"], second.Entries.Select(e => e.Id));
        Assert.Equal(["T1", "T2", "T3"], around.Entries.Select(e => e.Id));
    }

    [Fact]
    public async Task Schools_RankByMeanScore_EvenWithNoTeachers()
    {
        await _h.PublishAsync(_h.Teach("T1"), _h.Teach("T1"), _h.Teach("T3"));

        var page = await Ranking("C1", RankingKind.Schools, Period.Day);

        // S1: (10 + 0) / 2 = 5; S2: 5 / 1 = 5; S3 and S4 score 0, S4 with no teacher at all.
        Assert.Equal([(1, "S1", 5.0), (1, "S2", 5.0), (3, "S3", 0.0), (3, "S4", 0.0)], page.Entries.Select(e => (e.Rank, e.Id, e.Score)));
    }

    [Fact]
    public async Task Rollover_At1600Utc_StartsANewDayButKeepsTheMonth()
    {
        _h.SetNow(new DateTimeOffset(2026, 3, 2, 15, 59, 0, TimeSpan.Zero));
        await _h.PublishAsync(_h.Teach("T1"));
        Assert.Equal(5L, (await _h.Cluster.GetRegionAsync("P"))!.Day.Total);

        _h.SetNow(new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.Zero));
        await _h.Cluster.FlushAsync();

        var province = (await _h.Cluster.GetRegionAsync("P"))!;
        Assert.Equal((0L, 5L), (province.Day.Total, province.Month.Total));
        Assert.All((await Ranking("P", RankingKind.Teachers, Period.Day)).Entries, e => Assert.Equal(0.0, e.Score));
        var yesterday = (await _h.Cluster.GetRegionAsync("P", new DateOnly(2026, 3, 2)))!;
        Assert.Equal(5L, yesterday.Day.Total);
    }

    [Theory]
    [InlineData(1)] // yesterday: late events can still reach it, so its ranking is kept current
    [InlineData(5)] // five days ago: outside the grace window, its ranking is built once
    public async Task APastDay_AnswersPagesAndNeighbours_LikeToday(int daysLater)
    {
        await _h.PublishAsync(_h.Teach("T4"), _h.Teach("T4"), _h.Teach("T2"), _h.Teach("T1"));
        var monday = new DateOnly(2026, 3, 2);
        var today = await Ranking("P", RankingKind.Teachers, Period.Day);
        _h.SetNow(Start + TimeSpan.FromDays(daysLater));

        var top = await Ranking("P", RankingKind.Teachers, Period.Day, date: monday);
        var second = await Ranking("P", RankingKind.Teachers, Period.Day, offset: 2, limit: 2, date: monday);
        var around = await Ranking("P", RankingKind.Teachers, Period.Day, limit: 3, around: "T2", date: monday);

        Assert.Equal(today.Entries, top.Entries);
        Assert.Equal((5, daysLater == 1), (top.Total, top.Provisional));
        Assert.Equal(["T2", "T3"], second.Entries.Select(e => e.Id));
        Assert.Equal(["T1", "T2", "T3"], around.Entries.Select(e => e.Id));
        Assert.All((await Ranking("P", RankingKind.Teachers, Period.Day)).Entries, e => Assert.Equal(0.0, e.Score));
    }

    [Fact]
    public async Task AClosedMonth_KeepsItsOwnSchoolRanking_BesideTheNewMonths()
    {
        _h.SetNow(new DateTimeOffset(2026, 3, 31, 8, 0, 0, TimeSpan.Zero));
        await _h.PublishAsync(_h.Teach("T3"), _h.Teach("T3"));
        _h.SetNow(new DateTimeOffset(2026, 3, 31, 16, 0, 0, TimeSpan.Zero)); // 1 April, 00:00 in Shanghai
        await _h.Cluster.FlushAsync();
        await _h.PublishAsync(_h.Teach("T1"));

        var march = await Ranking("C1", RankingKind.Schools, Period.Month, date: new DateOnly(2026, 3, 15));
        var april = await Ranking("C1", RankingKind.Schools, Period.Month);

        Assert.Equal([("S2", 10.0), ("S1", 0.0), ("S3", 0.0), ("S4", 0.0)], march.Entries.Select(e => (e.Id, e.Score)));
        Assert.Equal([("S1", 2.5), ("S2", 0.0), ("S3", 0.0), ("S4", 0.0)], april.Entries.Select(e => (e.Id, e.Score)));
    }

    [Fact]
    public async Task Ranking_OfADayNoLongerKept_IsRefused_SayingWhichDatesAre()
    {
        // 10:00 on 2 March with 72 h of grace and 35 days of history: days from 23 January are kept.
        var request = new RankingRequest("P", RankingKind.Teachers, Period.Day, Date: new DateOnly(2026, 1, 22));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _h.Cluster.GetRankingAsync(request));
        Assert.Equal(
            "the day of 2026-01-22 is not kept; rankings are answered for days 2026-01-23 to 2026-03-02, months 2025-01 to 2026-03 and years 2025 to 2026",
            error.Message);

        var kept = await _h.Cluster.GetRankingAsync(request with { Date = new DateOnly(2026, 1, 23) });
        Assert.False(kept!.Provisional);
    }

    [Theory]
    [InlineData(Period.Day, 2026, 3, 3)]
    [InlineData(Period.Month, 2024, 12, 31)]
    [InlineData(Period.Year, 2024, 6, 1)]
    public async Task Ranking_OfAnUnkeptOrFuturePeriod_IsRefused(Period period, int year, int month, int day)
    {
        var request = new RankingRequest("P", RankingKind.Schools, period, Date: new DateOnly(year, month, day));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _h.Cluster.GetRankingAsync(request));
        Assert.Contains("is not kept", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task Ranking_LimitOutOfRange_IsRefused(int limit)
    {
        var request = new RankingRequest("P", RankingKind.Teachers, Period.Day, Limit: limit);
        await Assert.ThrowsAsync<ArgumentException>(() => _h.Cluster.GetRankingAsync(request));
    }

    [Fact]
    public async Task Shortlist_UsesTheCityQuota()
    {
        await _h.PublishAsync(_h.Teach("T1"), _h.Teach("T5"));

        var hangzhou = await _h.Cluster.GetShortlistAsync("C1", ShortlistKind.TeacherSpaces);
        var zhoushanSchools = await _h.Cluster.GetShortlistAsync("C2", ShortlistKind.ClubSpaces);

        Assert.Equal("T1", hangzhou!.Entries[0].Id);
        Assert.Equal(4, hangzhou.Entries.Count); // quota 80, four teachers in 杭州
        Assert.Equal(["S5", "S6"], zhoushanSchools!.Entries.Select(e => e.Id)); // quota 4, two schools in 舟山
        Assert.Equal(new CityQuota(20, 8, 4), CityQuotas.ForCityName("舟山市"));
        Assert.Equal(new CityQuota(70, 16, 8), CityQuotas.ForCityName("丽水市"));
    }

    private async Task<RankingPage> Ranking(string scope, RankingKind kind, Period period, int offset = 0, int limit = 10,
        string? around = null, DateOnly? date = null) =>
        (await _h.Cluster.GetRankingAsync(new RankingRequest(scope, kind, period, date, offset, limit, around)))!;
}
