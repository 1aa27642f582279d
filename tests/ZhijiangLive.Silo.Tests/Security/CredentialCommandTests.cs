using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Silo.Commands;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Security;

/// <summary><c>token create</c> and <c>key create</c> print credentials that a silo with the same settings accepts.</summary>
public sealed class CredentialCommandTests
{
    [Fact]
    public async Task TokenCreate_PrintsATokenTheSiloAccepts_ForItsRegionOnly()
    {
        var (code, output, _) = Run(["token", "create", "--region", "330106", "--days", "2", .. TestCredentials.SiloSettings]);
        await using var silo = await RunningSilo.StartAsync();
        await SeedRosterAsync(silo.Cluster);
        using var client = silo.QueryClient(output.Trim());

        var teacher = await client.GetTeacherAsync(new GetRequest { Id = "T1" });
        var city = await Record.ExceptionAsync(() => client.GetRegionAsync(new GetRequest { Id = "330100" }));

        Assert.Equal(0, code);
        Assert.Single(output.Trim().Split('\n'));
        Assert.Equal("王老师", teacher.Name);
        Assert.Contains("outside this token's region", city?.Message);
    }

    [Fact]
    public async Task KeyCreate_PrintsAKeyAndTheSettingsThatAddIt_AfterTheKeysAlreadyConfigured()
    {
        var (code, output, _) = Run(["key", "create", "--name", "ops", .. TestCredentials.SiloSettings]);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        var settings = lines.Single(l => l.StartsWith("--Zhijiang:Auth:ApiKeys:2:Name=ops ", StringComparison.Ordinal)).Split(' ');
        await using var silo = await RunningSilo.StartAsync(settings);
        await SeedRosterAsync(silo.Cluster);
        using var created = silo.PlatformClient(lines[0]);
        using var existing = silo.PlatformClient();

        var replies = await Task.WhenAll(created.PublishAsync(Batch(Login("new-key"))), existing.PublishAsync(Batch(Login("old-key", teacher: "T2"))));

        Assert.Equal(0, code);
        Assert.StartsWith("zlk_", lines[0]);
        Assert.Equal([1, 1], replies.Select(r => r.Accepted));
    }

    [Theory]
    [InlineData("Option '--region' is required", "create")]
    [InlineData("Required argument missing for option: '--region'", "create", "--region")]
    [InlineData("--region '--days' is not a region id", "create", "--region", "--days", "2")]
    [InlineData("--days '0' is not a whole number of days from 1 to 3650", "create", "--region", "330106", "--days", "0")]
    [InlineData("--days 'many' is not a whole number of days from 1 to 3650", "create", "--region", "330106", "--days", "many")]
    [InlineData("unknown command 'token revoke'", "revoke", "--region", "330106")]
    [InlineData("Required command was not provided")]
    public void TokenCreate_WithBadInput_SaysWhyAndExitsWith2(string reason, params string[] args)
    {
        var (code, output, error) = Run(["token", .. args]);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(reason, error);
        Assert.Contains("Usage:", error);
    }

    [Theory]
    [InlineData("Required argument missing for option: '--name'", "create", "--name")]
    [InlineData("--name 'two words' must be 1 to 64 letters, digits, '-', '_' or '.'", "create", "--name", "two words")]
    [InlineData("unknown command 'key list'", "list")]
    public void KeyCreate_WithBadInput_SaysWhyAndExitsWith2(string reason, params string[] args)
    {
        var (code, output, error) = Run(["key", .. args]);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(reason, error);
        Assert.Contains("Usage:", error);
    }

    [Fact]
    public void TokenCreate_WithoutASigningKey_SaysHowToGetOne()
    {
        var empty = Directory.CreateTempSubdirectory("zhijiang-no-auth-");
        try
        {
            var (code, output, error) = Run(["token", "create", "--region", "330106", $"--Zhijiang:Auth:FirstRunDirectory={empty.FullName}"]);

            Assert.Equal(1, code);
            Assert.Empty(output);
            Assert.Contains("TokenSigningKeys", error);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("token create", "--region <id> (REQUIRED)", "--days <n>")]
    [InlineData("key create", "--name <name>")]
    public void Help_ListsTheCommandsOptions_AndTheSettingsItReads(string command, params string[] options)
    {
        var (code, output, error) = Run([.. command.Split(' '), "--help"]);

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Matches($@"Usage:\n  \S+ {command} \[options\]", output.ReplaceLineEndings("\n"));
        Assert.All(options, option => Assert.Contains(option, output));
        Assert.Contains("--Zhijiang:<section>:<name>=<value>", output);
    }

    [Theory]
    [InlineData("token")]
    [InlineData("key")]
    public void Help_OfTheGroup_NamesItsCreateCommand(string command)
    {
        var (code, output, _) = Run([command, "--help"]);

        Assert.Equal(0, code);
        Assert.Contains("create", output);
    }

    private static (int Code, string Output, string Error) Run(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = SiloCommandLine.InvokeAsync(args, output, error).GetAwaiter().GetResult();
        return (code, output.ToString(), error.ToString());
    }
}
