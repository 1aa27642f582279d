using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Hosting;

/// <summary>The credentials the silo accepts (<c>Zhijiang:Auth</c>), read once at start-up.</summary>
public static class AuthHosting
{
    public static WebApplicationBuilder AddZhijiangAuth(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton(new ApiKeyRing(options.ApiKeys));
        builder.Services.AddSingleton(new BureauTokens(options.TokenSigningKeys));
        builder.Services.AddSingleton(s => new Authenticator(
            s.GetRequiredService<ApiKeyRing>(), s.GetRequiredService<BureauTokens>(), s.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
