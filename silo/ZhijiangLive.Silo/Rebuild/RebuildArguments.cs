namespace ZhijiangLive.Silo.Rebuild;

/// <summary>The rebuild command's own flags; everything else is a silo setting.</summary>
internal sealed record RebuildArguments(string? RulePackFile, DateOnly? Date, bool Apply, string[] Settings)
{
    public static bool TryParse(string[] args, out RebuildArguments parsed, out string problem)
    {
        string? rulePack = null;
        DateOnly? date = null;
        var apply = false;
        var settings = new List<string>();
        parsed = new RebuildArguments(null, null, false, []);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rule-pack" when i + 1 < args.Length:
                    rulePack = args[++i];
                    if (!File.Exists(rulePack))
                    {
                        problem = $"the rule pack file '{rulePack}' does not exist";
                        return false;
                    }
                    break;
                case "--date" when i + 1 < args.Length:
                    if (!DateOnly.TryParseExact(args[++i], "yyyy-MM-dd", out var day))
                    {
                        problem = $"--date '{args[i]}' is not YYYY-MM-DD";
                        return false;
                    }
                    date = day;
                    break;
                case "--apply":
                    apply = true;
                    break;
                case "--rule-pack" or "--date":
                    problem = $"{args[i]} needs a value";
                    return false;
                default:
                    settings.Add(args[i]);
                    break;
            }
        }
        parsed = new RebuildArguments(rulePack, date, apply, [.. settings]);
        problem = "";
        return true;
    }
}
