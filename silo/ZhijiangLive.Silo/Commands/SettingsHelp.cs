using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace ZhijiangLive.Silo.Commands;

/// <summary>
/// <c>--help</c> of a command that passes ASP.NET configuration settings through ends with what they are,
/// after System.CommandLine's generic "additional arguments": the silo's own help lists every setting.
/// </summary>
internal sealed class SettingsHelp(HelpAction help, string rootSettings) : SynchronousCommandLineAction
{
    public const string ForCommands = """
        Settings:
          --Zhijiang:<section>:<name>=<value> (or a space before the value) and the other settings of the silo's
          --help, read as the silo reads them: appsettings.json, the environment (Zhijiang__Store__Provider=...),
          then this command line.
        """;

    // As System.CommandLine's own help: "token create --help" is help, not a missing --region.
    public override bool ClearsParseErrors => true;

    public static void Apply(RootCommand root, string rootSettings)
    {
        var option = root.Options.OfType<HelpOption>().Single();
        option.Action = new SettingsHelp((HelpAction)option.Action!, rootSettings);
    }

    public override int Invoke(ParseResult parseResult)
    {
        var code = help.Invoke(parseResult);
        var command = parseResult.CommandResult.Command;
        if (!command.TreatUnmatchedTokensAsErrors)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(command is RootCommand ? rootSettings : ForCommands);
        }
        return code;
    }
}
