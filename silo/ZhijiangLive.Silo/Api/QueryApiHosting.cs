namespace ZhijiangLive.Silo.Api;

/// <summary>What the JSON API needs beside its routes: its per-token rate limit (<c>Zhijiang:Limits</c>).</summary>
public static class QueryApiHosting
{
    public static WebApplicationBuilder AddQueryApi(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(ApiLimitOptions.Section).Get<ApiLimitOptions>() ?? new ApiLimitOptions();
        builder.Services.AddSingleton(limits);
        builder.Services.AddSingleton<ApiRateLimiter>();
        return builder;
    }
}
