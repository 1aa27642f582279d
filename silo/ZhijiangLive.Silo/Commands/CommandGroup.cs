using System.CommandLine;

namespace ZhijiangLive.Silo.Commands;

/// <summary>A verb that only groups subcommands (<c>token create</c>): one missing or unknown is a usage error that names it.</summary>
internal static class CommandGroup
{
    public static Command Of(string name, string description, Command subcommand)
    {
        // Hidden: it only catches a word that is no subcommand, so that the error can name it.
        var unknown = new Argument<string>("command") { Arity = ArgumentArity.ZeroOrOne, Hidden = true };
        unknown.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0) result.AddError($"unknown command '{name} {result.Tokens[0].Value}'");
        });
        return new Command(name, description) { subcommand, unknown };
    }
}
