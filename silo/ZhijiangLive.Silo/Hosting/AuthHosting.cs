using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Hosting;

/// <summary>
/// The credentials the silo accepts (<c>Zhijiang:Auth</c>), read once at start-up. With none configured,
/// the first run's (<see cref="FirstRunCredentials"/>), except under <c>--demo</c>, which brings its own.
/// </summary>
public static class AuthHosting
{
    public static WebApplicationBuilder AddZhijiangAuth(this WebApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue<bool>("Zhijiang:Demo:Enabled")
            && FirstRunCredentials.LoadOrCreate(builder.Configuration, TimeProvider.System.GetUtcNow()) is { } firstRun)
        {
            builder.Services.AddSingleton(firstRun);
            builder.Services.AddHostedService<FirstRunNotice>();
        }
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
