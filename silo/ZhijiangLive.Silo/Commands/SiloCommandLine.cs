using System.CommandLine;
using ZhijiangLive.Silo.Demo;
using ZhijiangLive.Silo.Rebuild;

namespace ZhijiangLive.Silo.Commands;

/// <summary>
/// The silo's command line: with no verb it runs the server, and <c>rebuild</c>, <c>token</c> and <c>key</c>
/// are commands. Whatever is not an option of theirs is an ASP.NET configuration setting
/// (<c>--Zhijiang:Store:Provider=memory</c>) and goes to the configuration in its order.
/// </summary>
public static class SiloCommandLine
{
    public static RootCommand Create()
    {
        var demo = new Option<bool>(DemoHosting.Flag)
        {
            Description = "a generated Zhejiang and simulated traffic on the memory store; prints a province token and the dashboard's link with it",
        };
        var root = new RootCommand("ZhijiangLive silo: scores teachers' activity and serves live figures and rankings.")
        {
            demo, RebuildVerb.Create(), TokenCommand.Create(), KeyCommand.Create(),
        };
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction(async parsed =>
        {
            string[] settings = [.. parsed.UnmatchedTokens, .. parsed.GetValue(demo) ? [DemoHosting.Flag] : Array.Empty<string>()];
            await SiloApplication.Build(settings).RunAsync();
            return 0;
        });
        SettingsHelp.Apply(root, SiloHelp.Settings);
        return root;
    }

    public static Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error) =>
        CommandLineRun.InvokeAsync(CommandLineRun.Parse(Create(), args), output, error);
}
