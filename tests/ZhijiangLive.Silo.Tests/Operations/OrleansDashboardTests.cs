using System.Net;
using ZhijiangLive.Silo.Operations;
using ZhijiangLive.Silo.Tests.Durability;

namespace ZhijiangLive.Silo.Tests.Operations;

/// <summary>Orleans' dashboard at /orleans, when enabled, for the province's token only; off by default.</summary>
public sealed class OrleansDashboardTests
{
    [Fact]
    public async Task Dashboard_IsForTheProvincesToken_AndItsPageWorksFromTheCookieTheFirstVisitLeft()
    {
        await using var silo = await RunningSilo.StartAsync("--Zhijiang:OrleansDashboard:Enabled=true");
        using var client = silo.PlatformClient();
        await client.UpsertRosterAsync(CrashRoster.Batch());
        // A browser's requests: no authorization header of their own, and cookies only as the test sends them.
        using var browser = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = silo.Http.BaseAddress };

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/orleans/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(browser, "/orleans/", "authorization", $"Bearer {TestCredentials.TokenFor("330106")}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(browser, "/orleans/", "authorization", $"Bearer {TestCredentials.PlatformKey}")).StatusCode);

        using var page = await browser.GetAsync($"/orleans/?access_token={TestCredentials.ProvinceToken}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Orleans Dashboard", await page.Content.ReadAsStringAsync());
        var cookie = Assert.Single(page.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"{OrleansDashboardAccess.Cookie}=", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/orleans", cookie, StringComparison.OrdinalIgnoreCase);

        var token = cookie[(cookie.IndexOf('=') + 1)..cookie.IndexOf(';')];
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(browser, "/orleans/index.min.js", "cookie", $"{OrleansDashboardAccess.Cookie}={token}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(browser, "/orleans/index.min.js", "cookie", $"{OrleansDashboardAccess.Cookie}=zlt1.forged")).StatusCode);
    }

    [Fact]
    public async Task Dashboard_IsOffByDefault()
    {
        await using var silo = await RunningSilo.StartAsync();

        using var page = await silo.Http.GetAsync($"/orleans/?access_token={TestCredentials.ProvinceToken}");

        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("Orleans Dashboard", await page.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient browser, string path, string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation(header, value);
        return await browser.SendAsync(request);
    }
}
