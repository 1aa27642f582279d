using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ZhijiangLive.Silo.Tests.Fuzz;

/// <summary>
/// A logger provider, added to a running silo's logger factory, that keeps what its categories log at Error
/// or above: an error logged while fuzzing is a failure the client was not told about.
/// </summary>
internal sealed class ErrorLogCounter(string categoryPrefix) : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly string _categoryPrefix = categoryPrefix;

    public IReadOnlyCollection<string> Errors => _errors;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ErrorLogCounter counter, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error && category.StartsWith(counter._categoryPrefix, StringComparison.Ordinal);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                counter._errors.Enqueue($"{category}: {formatter(state, exception)} {exception?.GetType().Name}: {exception?.Message}");
            }
        }
    }
}
