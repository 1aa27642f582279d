using System.CommandLine;
using System.Globalization;

namespace ZhijiangLive.Silo.Rebuild;

/// <summary><c>rebuild [--rule-pack file] [--date YYYY-MM-DD] [--apply] [settings]</c> on the command line.</summary>
internal static class RebuildVerb
{
    public static Command Create()
    {
        var rulePack = new Option<string>("--rule-pack")
        {
            Description = "a JSON override of zjer-2018 to rebuild with (default: Zhijiang:RulePackFile)",
            HelpName = "file",
        };
        rulePack.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } file && !File.Exists(file))
            {
                result.AddError($"the rule pack file '{file}' does not exist");
            }
        });
        var date = new Option<DateOnly?>("--date")
        {
            Description = "the day whose day, month and year scores are compared (default: today); evaluation sheets are compared for every rubric year with candidates",
            HelpName = "YYYY-MM-DD",
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    return day;
                }
                result.AddError($"--date '{text}' is not YYYY-MM-DD");
                return null;
            },
        };
        var apply = new Option<bool>("--apply")
        {
            Description = "write the rebuilt teachers (scores and rubric measures) as snapshots; stop the silo first, and start it again with the same rule pack (--Zhijiang:RulePackFile)",
        };
        var command = new Command("rebuild", "Recomputes every score and evaluation sheet from the retained journal of the configured store and prints what changed.")
        {
            rulePack, date, apply,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parsed => RebuildCommand.RunAsync(
            new RebuildArguments(parsed.GetValue(rulePack), parsed.GetValue(date), parsed.GetValue(apply), parsed.UnmatchedTokens),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }
}
