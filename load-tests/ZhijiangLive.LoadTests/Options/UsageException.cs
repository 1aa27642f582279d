namespace ZhijiangLive.LoadTests.Options;

/// <summary>A command line the tool cannot run: the message says which option and why (exit code 2).</summary>
public sealed class UsageException(string message) : Exception(message);
