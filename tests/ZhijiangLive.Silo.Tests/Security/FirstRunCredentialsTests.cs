using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Silo.Grpc;
using ZhijiangLive.Silo.Hosting;
using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Tests.Security;

/// <summary>A silo with no credentials configured makes its own on the first start, keeps them private, and reuses them.</summary>
public sealed class FirstRunCredentialsTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("zhijiang-first-run-");

    private string AuthFile => Path.Combine(_directory.FullName, FirstRunCredentials.AuthFileName);
    private string CredentialsFile => Path.Combine(_directory.FullName, FirstRunCredentials.CredentialsFileName);

    [Fact]
    public async Task AFreshSilo_WritesAKeyAndAProvinceToken_ThatItAccepts()
    {
        var app = SiloApplication.Build(["--urls", "http://127.0.0.1:0", "--Zhijiang:Grpc:Url=http://127.0.0.1:0", "--Zhijiang:Store:Provider=memory",
            "--Logging:LogLevel:Default=Warning", $"--Zhijiang:Auth:FirstRunDirectory={_directory.FullName}"]);
        await app.StartAsync();
        try
        {
            var (key, token) = ReadCredentials();
            var address = app.Services.GetRequiredService<GrpcEndpoint>().Address;
            using var platform = TestClients.Platform(address, key);
            using var bureau = TestClients.Bureau(address, token);

            var roster = await platform.UpsertRosterAsync(new RosterBatch { Regions = { new Region { Id = "330000", Name = "浙江省", Level = RegionLevel.Province } } });
            var province = await bureau.GetRegionAsync(new GetRequest { Id = "330000" });

            Assert.Equal(1, roster.Regions);
            Assert.Equal("浙江省", province.Name);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public void BothFiles_AreReadableByTheirOwnerOnly()
    {
        FirstRunCredentials.LoadOrCreate(Configuration(), RunningSilo.Now);

        // The service runs on Linux; Windows has no such modes to check.
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(AuthFile));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(CredentialsFile));
        }
    }

    [Fact]
    public void ALaterStart_ReusesAuthJson_AndWritesNoNewCredentials()
    {
        var first = FirstRunCredentials.LoadOrCreate(Configuration(), RunningSilo.Now)!;
        var (key, _) = ReadCredentials();
        File.Delete(CredentialsFile);
        var later = Configuration();

        var again = FirstRunCredentials.LoadOrCreate(later, RunningSilo.Now)!;

        Assert.Equal((first.AuthPath, (string?)null), (again.AuthPath, again.CredentialsPath));
        Assert.False(File.Exists(CredentialsFile));
        Assert.Equal(FirstRunCredentials.KeyName, new ApiKeyRing(later.GetSection(AuthOptions.Section).Get<AuthOptions>()!.ApiKeys).Find(key));
    }

    [Fact]
    public void ConfiguredCredentials_OrDemo_MakeNoFiles()
    {
        var configured = Configuration(TestCredentials.SiloSettings);
        var demo = WebApplication.CreateBuilder(["--Zhijiang:Demo:Enabled=true", $"--Zhijiang:Auth:FirstRunDirectory={_directory.FullName}"]);

        var outcome = FirstRunCredentials.LoadOrCreate(configured, RunningSilo.Now);
        demo.AddZhijiangAuth();

        Assert.Null(outcome);
        Assert.Empty(_directory.GetFiles());
    }

    private ConfigurationManager Configuration(params string[] settings)
    {
        var configuration = new ConfigurationManager();
        configuration.AddCommandLine([$"--Zhijiang:Auth:FirstRunDirectory={_directory.FullName}", .. settings]);
        return configuration;
    }

    private (string Key, string Token) ReadCredentials()
    {
        var lines = File.ReadAllLines(CredentialsFile).Select(l => l.Trim()).ToList();
        return (lines.Single(l => l.StartsWith("zlk_", StringComparison.Ordinal)), lines.Single(l => l.StartsWith(BureauTokens.Prefix, StringComparison.Ordinal)));
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
