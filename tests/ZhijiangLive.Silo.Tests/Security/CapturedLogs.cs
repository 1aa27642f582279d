using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ZhijiangLive.Silo.Tests.Security;

/// <summary>Every log record a silo writes, formatted, kept for the test to read (add it through RunningSilo's configure hook).</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, string Text)> _records = new();

    public IReadOnlyList<(string Category, string Text)> Records => [.. _records];

    public IEnumerable<string> In(string category) => Records.Where(r => r.Category == category).Select(r => r.Text);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _records);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, string)> records) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            records.Enqueue((category, formatter(state, exception) + (exception is null ? "" : $"\n{exception}")));
    }
}
