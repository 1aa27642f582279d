using ZhijiangLive.Silo;
using ZhijiangLive.Silo.Commands;
using ZhijiangLive.Silo.Rebuild;

if (args is ["rebuild", ..])
{
    if (args.Contains("--help") || args.Contains("-h"))
    {
        Console.WriteLine(RebuildCommand.Help);
        return 0;
    }
    return await RebuildCommand.RunAsync(args[1..], Console.Out, Console.Error);
}
if (args is ["token", ..])
{
    return TokenCommand.Run(args[1..], Console.Out, Console.Error);
}
if (args is ["key", ..])
{
    return KeyCommand.Run(args[1..], Console.Out, Console.Error);
}
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(SiloApplication.Help);
    return 0;
}

var app = SiloApplication.Build(args);
await app.RunAsync();
return 0;
