using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ZhijiangLive.Silo.Tests.Security;

/// <summary>The JSON API's per-token rate limit: one token's flood is its own 429s, another token reads on.</summary>
public sealed class HttpRateLimitTests
{
    [Fact]
    public async Task ATokenPastItsBurst_Gets429WithRetryAfter_WhileAnotherTokenIsServed()
    {
        await using var silo = await RunningSilo.StartAsync(
            "--Zhijiang:Limits:ApiRequestsPerSecondPerToken=2", "--Zhijiang:Limits:ApiBurstPerToken=3");
        await HttpScopeRoster.SeedAsync(silo.Cluster);
        var (flooding, honest) = (TestCredentials.TokenFor(HttpScopeRoster.Xihu), TestCredentials.TokenFor(HttpScopeRoster.Xihu));

        // Ten at once: the bucket holds three, and at most a few more drip in while they are answered.
        var flood = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => GetAsync(silo, flooding)));
        using var other = await GetAsync(silo, honest);

        var refused = flood.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.InRange(refused.Count, 1, 7);
        Assert.All(flood, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        var first = refused[0];
        Assert.InRange(first.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.Equal("application/problem+json", first.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(await first.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.StartsWith("too many requests for this token", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        foreach (var response in flood)
        {
            response.Dispose();
        }
    }

    private static Task<HttpResponseMessage> GetAsync(RunningSilo silo, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/teachers/T1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return silo.Http.SendAsync(request);
    }
}
