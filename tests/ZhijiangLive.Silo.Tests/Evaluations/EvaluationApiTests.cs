using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ZhijiangLive.Contracts.V1;
using static ZhijiangLive.Silo.Tests.Evaluations.EvaluationFixtures;

namespace ZhijiangLive.Silo.Tests.Evaluations;

/// <summary>The evaluation API over HTTP and JSON answers as the gRPC service does, and refuses as it does.</summary>
public sealed class EvaluationApiTests : EvaluationSilo
{
    private const string Base = "/api/evaluations/guizhou-2021/2026";

    [Fact]
    public async Task RegisterScoreAndRead_OverJson_AgreeWithGrpc()
    {
        using var platform = Silo.PlatformClient();
        using var grpc = Silo.QueryClient();

        var registered = await Post($"{Base}/candidates", new { candidates = new[] { new { teacherId = "T00" }, new { teacherId = "T01" } } });
        await platform.PublishAsync(Activity(RunningSilo.Now));
        var scored = await Post($"{Base}/expert-scores", new { scores = new[] { new { teacherId = "T00", itemId = "typical_case", points = 7.5 } } });
        var sheet = await Silo.Http.GetFromJsonAsync<JsonElement>($"{Base}/candidates/T00");
        var ranking = await Silo.Http.GetFromJsonAsync<JsonElement>($"{Base}/ranking?region=330100");
        var grpcSheet = await grpc.GetSheetAsync(new SheetRequest { RubricId = Rubric, Year = Year, TeacherId = "T00" });

        Assert.Equal((2, 0), (registered.GetProperty("candidates").GetInt32(), registered.GetProperty("rejections").GetArrayLength()));
        Assert.Equal(1, scored.GetProperty("expertScores").GetInt32());
        Assert.Equal((15.5, 1, 2), (sheet.GetProperty("total").GetDouble(), sheet.GetProperty("rank").GetInt32(), sheet.GetProperty("candidates").GetInt32()));
        Assert.Equal(
            grpcSheet.Items.Select(i => (i.Id, i.Points, i.HasMeasured ? i.Measured : (long?)null)),
            sheet.GetProperty("items").EnumerateArray().Select(i => (
                i.GetProperty("id").GetString()!, i.GetProperty("points").GetDouble(),
                i.GetProperty("measured").ValueKind == JsonValueKind.Null ? (long?)null : i.GetProperty("measured").GetInt64())));
        var homework = sheet.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "homework");
        Assert.Equal(("作业管理", 3L, 5.0), (homework.GetProperty("name").GetString(), homework.GetProperty("measured").GetInt64(), homework.GetProperty("cap").GetDouble()));
        Assert.Equal(("homework", 1L), (homework.GetProperty("next").GetProperty("measure").GetString(), homework.GetProperty("next").GetProperty("more").GetInt64()));
        Assert.Equal(["T00", "T01"], ranking.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("teacherId").GetString()));
    }

    [Fact]
    public async Task ACountyToken_OverJson_IsRefusedOutsideItsRegion()
    {
        using var xihu = new HttpClient { BaseAddress = Silo.Http.BaseAddress };
        xihu.DefaultRequestHeaders.Authorization = new("Bearer", TestCredentials.TokenFor(Xihu));

        var own = await xihu.PostAsJsonAsync($"{Base}/candidates", new { candidates = new[] { new { teacherId = "T00" } } });
        var other = await xihu.PostAsJsonAsync($"{Base}/candidates", new { candidates = new[] { new { teacherId = "T20" } } });
        var otherScore = await xihu.PostAsJsonAsync($"{Base}/expert-scores", new { scores = new[] { new { teacherId = "T20", itemId = "typical_case", points = 3 } } });
        var otherRanking = await xihu.GetAsync($"{Base}/ranking?region={Shangcheng}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        foreach (var refused in new[] { other, otherScore, otherRanking })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        Assert.Contains("'T20' is outside this token's region", (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/candidates", "{}", HttpStatusCode.BadRequest, "at least one candidate")]
    [InlineData("/candidates", """{"candidates":[{"teacherId":"T00","from":"next tuesday"}]}""", HttpStatusCode.BadRequest, "is not an ISO 8601 instant")]
    [InlineData("/candidates", """{"candidates":[{"teacherId":"T00","from":"2026-01-05T00:00:00+08:00"}]}""", HttpStatusCode.BadRequest, "is before today")]
    [InlineData("/expert-scores", """{"scores":[]}""", HttpStatusCode.BadRequest, "at least one score")]
    public async Task ABadBody_IsAProblemWithItsReason(string path, string body, HttpStatusCode status, string detail)
    {
        var response = await Silo.Http.PostAsync(Base + path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(detail, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task UnknownRubricAndNonCandidate_AreNotFound_AndTheRubricsAreListed()
    {
        var unknown = await Silo.Http.GetAsync($"/api/evaluations/nope/{Year}/ranking");
        var notCandidate = await Silo.Http.GetAsync($"{Base}/candidates/T05");
        var rubrics = await Silo.Http.GetFromJsonAsync<JsonElement>("/api/evaluations");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknown.StatusCode, notCandidate.StatusCode));
        Assert.Equal(["featured-2018", "guizhou-2021"], rubrics.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    private async Task<JsonElement> Post(string path, object body)
    {
        var response = await Silo.Http.PostAsJsonAsync(path, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
