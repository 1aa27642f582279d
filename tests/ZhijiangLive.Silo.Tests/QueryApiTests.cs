using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Silo.Tests;

/// <summary>The JSON query API over real HTTP against a running silo, with the province token that RunningSilo's client carries.</summary>
public sealed class QueryApiTests : IAsyncLifetime
{
    private RunningSilo _silo = null!;

    public async Task InitializeAsync()
    {
        _silo = await RunningSilo.StartAsync();
        await _silo.Cluster.UpsertRosterAsync(new RosterBatch(
            [
                new RegionEntry("330000", "浙江省", RegionLevel.Province, null),
                new RegionEntry("330100", "杭州市", RegionLevel.City, "330000"),
                new RegionEntry("330106", "西湖区", RegionLevel.County, "330100"),
            ],
            [new SchoolEntry("S1", "学军中学", "330106"), new SchoolEntry("S2", "杭州二中", "330106")],
            [new TeacherEntry("T1", "王老师", "S1", "数学", false), new TeacherEntry("T2", "李老师", "S2", "语文", false)]));
        var now = RunningSilo.Now;
        await _silo.Cluster.PublishAsync(
        [
            new ActivityEvent("e1", "T1", now, ClientKind.Pc, new TeachingSession("s1", 2400)),
            new ActivityEvent("e2", "T1", now, ClientKind.Mobile, Login.Instance),
            new ActivityEvent("e3", "T2", now, ClientKind.Pc, new TeachingSession("s2", 2400)),
            new ActivityEvent("e4", "T1", now, ClientKind.Pc, Login.Instance),
        ]);
        await _silo.Cluster.FlushAsync();
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task Shortlist_OfACity_RanksItsTeachersByYearScore()
    {
        var response = await _silo.Http.GetFromJsonAsync<JsonElement>("/api/shortlists/330100?kind=teacher-spaces");

        var entries = response.GetProperty("entries").EnumerateArray()
            .Select(e => (e.GetProperty("rank").GetInt32(), e.GetProperty("id").GetString(), e.GetProperty("name").GetString(), e.GetProperty("score").GetDouble()))
            .ToList();
        Assert.Equal([(1, "T1", "王老师", 6.0), (2, "T2", "李老师", 5.0)], entries);
    }

    [Theory]
    [InlineData("/api/shortlists/330106", HttpStatusCode.NotFound, "no city '330106'")]
    [InlineData("/api/shortlists/330100?kind=best", HttpStatusCode.BadRequest, "kind 'best' is not one of")]
    public async Task Shortlist_OfANonCityOrUnknownKind_IsAProblem(string path, HttpStatusCode status, string detail)
    {
        var response = await _silo.Http.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(detail, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Teacher_ReturnsScoresAndBreakdown()
    {
        var teacher = await _silo.Http.GetFromJsonAsync<JsonElement>("/api/teachers/T1");

        Assert.Equal("王老师", teacher.GetProperty("name").GetString());
        Assert.Equal(6, teacher.GetProperty("day").GetInt64());
        Assert.Equal(5, teacher.GetProperty("dayByRule").GetProperty("teaching").GetInt32());
        Assert.Equal(1, teacher.GetProperty("dayByRule").GetProperty("login").GetInt32());
        Assert.Equal(1, teacher.GetProperty("loginStreak").GetInt32());
        Assert.True(teacher.GetProperty("activeDay").GetBoolean());
    }

    [Fact]
    public async Task TeacherLedger_ListsTheDaysDecisionsInOrder_WithTheNoteOfARefusal()
    {
        var ledger = await _silo.Http.GetFromJsonAsync<JsonElement>("/api/teachers/T1/ledger?date=2026-03-02");

        Assert.Equal(("T1", "2026-03-02", true, true), (ledger.GetProperty("id").GetString(), ledger.GetProperty("date").GetString(),
            ledger.GetProperty("kept").GetBoolean(), ledger.GetProperty("complete").GetBoolean()));
        Assert.Equal(
        [
            ("e1", "teaching", 5, "2026-03-02", null),
            ("e2", "login", 1, "2026-03-02", null),
            ("e4", "login", 0, "2026-03-02", "daily cap 1 reached"),
        ], ledger.GetProperty("entries").EnumerateArray().Select(LedgerEntry));
    }

    [Fact]
    public async Task TeacherLedger_OfADayNoLongerKept_SaysSo()
    {
        var ledger = await _silo.Http.GetFromJsonAsync<JsonElement>("/api/teachers/T1/ledger?date=2026-02-26");

        Assert.False(ledger.GetProperty("kept").GetBoolean());
        Assert.Equal(0, ledger.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task Region_ReturnsItsFigures()
    {
        var region = await _silo.Http.GetFromJsonAsync<JsonElement>("/api/regions/330100");

        Assert.Equal(2, region.GetProperty("teachers").GetInt32());
        Assert.Equal(11, region.GetProperty("day").GetProperty("total").GetInt64());
        Assert.Equal(1.0, region.GetProperty("day").GetProperty("activeRatio").GetDouble());
        Assert.Equal(2, region.GetProperty("schools").GetInt32());
    }

    [Fact]
    public async Task Leaderboard_ListsRankedEntriesWithNames()
    {
        var board = await _silo.Http.GetFromJsonAsync<JsonElement>("/api/leaderboards/330000?kind=teachers&period=day&limit=5");

        var entries = board.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(2, board.GetProperty("total").GetInt32());
        Assert.Equal(("T1", "王老师", 1, 6.0), Entry(entries[0]));
        Assert.Equal(("T2", "李老师", 2, 5.0), Entry(entries[1]));
    }

    [Theory]
    // 10:00 on 2 March with 72 h of grace: 27 February can still change, so February is provisional; January is published.
    [InlineData("day&date=2026-03-02", true)]
    [InlineData("day&date=2026-02-27", true)]
    [InlineData("day&date=2026-02-26", false)]
    [InlineData("month&date=2026-02-15", true)]
    [InlineData("month&date=2026-01-15", false)]
    [InlineData("year&date=2025-06-01", false)]
    public async Task Leaderboard_OfAKeptDate_SaysWhetherItIsProvisional(string query, bool provisional)
    {
        var board = await _silo.Http.GetFromJsonAsync<JsonElement>($"/api/leaderboards/330000?kind=schools&period={query}");

        Assert.Equal(provisional, board.GetProperty("provisional").GetBoolean());
        Assert.Equal(2, board.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/teachers/nobody", HttpStatusCode.Forbidden, "teacher 'nobody' is outside this token's region")]
    [InlineData("/api/teachers/nobody/ledger", HttpStatusCode.Forbidden, "teacher 'nobody' is outside this token's region")]
    [InlineData("/api/teachers/T1/ledger?date=yesterday", HttpStatusCode.BadRequest, "date 'yesterday' is not a date of the form YYYY-MM-DD")]
    [InlineData("/api/schools/S9", HttpStatusCode.Forbidden, "school 'S9' is outside this token's region")]
    [InlineData("/api/regions/330000?date=2026-13-01", HttpStatusCode.BadRequest, "date '2026-13-01' is not a date of the form YYYY-MM-DD")]
    [InlineData("/api/leaderboards/330000?kind=cities", HttpStatusCode.BadRequest, "kind 'cities' is not one of teachers, schools, regions")]
    [InlineData("/api/leaderboards/330000?period=week", HttpStatusCode.BadRequest, "period 'week' is not one of day, month, year")]
    [InlineData("/api/leaderboards/330000?limit=1001", HttpStatusCode.BadRequest, "limit must be between 1 and 1000")]
    [InlineData("/api/leaderboards/330000?period=day&date=2020-01-01", HttpStatusCode.BadRequest, "the day of 2020-01-01 is not kept; rankings are answered for days 2026-01-23 to 2026-03-02, months 2025-01 to 2026-03 and years 2025 to 2026")]
    [InlineData("/api/leaderboards/nowhere", HttpStatusCode.Forbidden, "scope 'nowhere' is outside this token's region")]
    [InlineData("/api/shortlists/330106", HttpStatusCode.NotFound, "no city '330106' on the roster")]
    public async Task BadRequests_AnswerWithAProblemDocument(string path, HttpStatusCode status, string detail)
    {
        var response = await _silo.Http.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
    }

    private static (string, string, int, string, string?) LedgerEntry(JsonElement e) =>
        (e.GetProperty("eventId").GetString()!, e.GetProperty("rule").GetString()!, e.GetProperty("points").GetInt32(),
            e.GetProperty("day").GetString()!, e.GetProperty("note").GetString());

    private static (string, string, int, double) Entry(JsonElement e) =>
        (e.GetProperty("id").GetString()!, e.GetProperty("name").GetString()!, e.GetProperty("rank").GetInt32(), e.GetProperty("score").GetDouble());
}
