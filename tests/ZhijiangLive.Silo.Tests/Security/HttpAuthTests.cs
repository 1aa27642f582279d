using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using static ZhijiangLive.Silo.Tests.Security.HttpScopeRoster;

namespace ZhijiangLive.Silo.Tests.Security;

/// <summary>
/// Every route of the JSON API without credentials, with refused ones, with a platform key and with another
/// region's token: the right status, a problem document, and nothing of the roster in the body.
/// </summary>
public sealed class HttpAuthTests(HttpAuthTests.Silo silo) : IClassFixture<HttpAuthTests.Silo>
{
    /// <summary>One silo with <see cref="HttpScopeRoster"/> for the whole class: the tests only read.</summary>
    public sealed class Silo : IAsyncLifetime
    {
        internal RunningSilo Running { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Running = await RunningSilo.StartAsync();
            await SeedAsync(Running.Cluster);
        }

        public async Task DisposeAsync() => await Running.DisposeAsync();
    }

    private static readonly HttpClient Bare = new();

    /// <summary>Every route, each reading something of 西湖区.</summary>
    public static readonly string[] Routes =
    [
        "/api/session", "/api/teachers/T1", "/api/teachers/T1/ledger", "/api/schools/S1", "/api/regions/330106",
        "/api/leaderboards/330106?kind=teachers", "/api/leaderboards/330100?around=T1", "/api/shortlists/330100",
    ];

    public static TheoryData<string> EveryRoute() => [.. Routes];

    public static TheoryData<string, string> EveryRouteWithEveryRefusedCredential()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in Routes)
        {
            foreach (var credential in new[] { "expired", "foreign", "garbage", "wrong key" })
            {
                data.Add(route, credential);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRoute))]
    public async Task WithoutCredentials_Is401WithABearerChallenge(string route)
    {
        using var response = await GetAsync(route, credential: null);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("no credentials", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [MemberData(nameof(EveryRouteWithEveryRefusedCredential))]
    public async Task WithARefusedCredential_Is401_SayingWhyWithoutEchoingIt(string route, string kind)
    {
        var (credential, reason) = kind switch
        {
            "expired" => (ExpiredToken(Province), "the token has expired"),
            "foreign" => (ForeignToken(Province), "the token's signature does not verify"),
            "garbage" => ("zlt1.not-a.token", "the credential is not a bureau token"),
            _ => ("zlk_not-a-key-of-this-silo", "the key is not valid"),
        };

        using var response = await GetAsync(route, credential);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized, credential);
        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.Single().ToString());
        Assert.Equal(reason, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [MemberData(nameof(EveryRoute))]
    public async Task WithAPlatformKey_Is403(string route)
    {
        using var response = await GetAsync(route, TestCredentials.PlatformKey);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden, TestCredentials.PlatformKey);
        Assert.Equal("a platform key cannot read: queries take a bureau token", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/teachers/T1", "teacher 'T1'")]
    [InlineData("/api/teachers/T1/ledger", "teacher 'T1'")]
    [InlineData("/api/schools/S1", "school 'S1'")]
    [InlineData("/api/regions/330106", "region '330106'")]
    [InlineData("/api/regions/330100", "region '330100'")]
    [InlineData("/api/leaderboards/330106", "scope '330106'")]
    [InlineData("/api/leaderboards/S1?kind=teachers", "scope 'S1'")]
    [InlineData("/api/leaderboards/330108?around=T1", "member 'T1'")]
    [InlineData("/api/shortlists/330100", "city '330100'")]
    public async Task AnotherRegionsToken_Is403(string route, string what)
    {
        using var response = await GetAsync(route, TestCredentials.TokenFor(Binjiang));

        var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal($"{what} is outside this token's region", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/teachers/{0}", "T1", "T404")]
    [InlineData("/api/teachers/{0}/ledger", "T1", "T404")]
    [InlineData("/api/schools/{0}", "S1", "S404")]
    [InlineData("/api/regions/{0}", "330106", "339999")]
    [InlineData("/api/leaderboards/{0}", "330106", "339999")]
    [InlineData("/api/leaderboards/330108?around={0}", "T1", "T404")]
    [InlineData("/api/shortlists/{0}", "330200", "339900")]
    public async Task OutsideTheRegion_TheAnswerIsTheSameWhetherOrNotTheIdExists(string route, string existing, string missing)
    {
        var token = TestCredentials.TokenFor(Binjiang);

        using var there = await GetAsync(string.Format(route, existing), token);
        using var nowhere = await GetAsync(string.Format(route, missing), token);

        var (a, b) = (await AssertProblemAsync(there, HttpStatusCode.Forbidden), await AssertProblemAsync(nowhere, HttpStatusCode.Forbidden));
        Assert.Equal(
            (a.GetProperty("title").GetString(), a.GetProperty("detail").GetString()!.Replace(existing, "ID")),
            (b.GetProperty("title").GetString(), b.GetProperty("detail").GetString()!.Replace(missing, "ID")));
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/app.js", "text/javascript")]
    public async Task TheDashboardsPageAndFiles_NeedNoCredentials(string path, string mediaType)
    {
        using var response = await GetAsync(path, credential: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ACountysToken_ReadsItsOwnTeachersSchoolsAndRankings()
    {
        var token = TestCredentials.TokenFor(Xihu);

        var teacher = await ReadAsync("/api/teachers/T1", token);
        var school = await ReadAsync("/api/schools/S1", token);
        var board = await ReadAsync("/api/leaderboards/330106?kind=teachers&around=T1", token);
        var session = await ReadAsync("/api/session", token);

        Assert.Equal("区甲老师", teacher.GetProperty("name").GetString());
        Assert.Equal(1, school.GetProperty("teachers").GetInt32());
        Assert.Equal(["区甲老师"], board.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal((Xihu, "西湖区"), (session.GetProperty("regionId").GetString(), session.GetProperty("regionName").GetString()));
    }

    [Fact]
    public async Task ACitysToken_RanksOnlyItsOwnTeachers()
    {
        var board = await ReadAsync("/api/leaderboards/330100?kind=teachers&period=day", TestCredentials.TokenFor(Hangzhou));

        Assert.Equal(["区甲老师", "区乙老师"], board.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
    }

    /// <summary>A GET carrying only <paramref name="credential"/>, not the province token of the fixture's own client.</summary>
    private async Task<HttpResponseMessage> GetAsync(string route, string? credential)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(silo.Running.Http.BaseAddress!, route));
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }
        return await Bare.SendAsync(request);
    }

    private async Task<JsonElement> ReadAsync(string route, string token)
    {
        using var response = await GetAsync(route, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A problem document of <paramref name="status"/>, naming nobody of the roster and not echoing <paramref name="credential"/>.</summary>
    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? credential = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.All(Names, name => Assert.DoesNotContain(name, body));
        if (credential is not null)
        {
            Assert.DoesNotContain(credential, body);
        }
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(problem.TryGetProperty("entries", out _));
        return problem;
    }
}
