using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace ZhijiangLive.Silo.Tests.Security;

/// <summary>
/// Every log record of every category at every level, as text: the category, the formatted message, each
/// structured value (which may carry what the message leaves out), the scopes and the exception.
/// </summary>
internal sealed class LogSecretsCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<(string Category, string Text)> _records = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<(string Category, string Text)> Records => [.. _records];

    public string AllText => string.Join('\n', _records.Select(r => $"{r.Category}: {r.Text}"));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogSecretsCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder($"[{logLevel}] {formatter(state, exception)}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    text.Append($" {key}={value}");
                }
            }
            capture._scopes.ForEachScope((scope, builder) =>
            {
                builder.Append($" scope={scope}");
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    builder.AppendJoin(' ', pairs.Select(p => $"{p.Key}={p.Value}"));
                }
            }, text);
            if (exception is not null)
            {
                text.Append(' ').Append(exception);
            }
            capture._records.Enqueue((category, text.ToString()));
        }
    }
}
