using ZhijiangLive.Silo;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(SiloApplication.Help);
    return;
}

var app = SiloApplication.Build(args);
app.Run();
