using ZhijiangLive.Silo.Commands;

return await SiloCommandLine.InvokeAsync(args, Console.Out, Console.Error);
