using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace InclusionCases.IntegrationTests.Infrastructure;

/// <summary>
/// A logger provider that keeps every line a host writes, as a log sink would store it: category,
/// message, structured values, the scopes around it and the exception's full text. The lines go into
/// a queue the test owns, since the host's container owns (and disposes) the provider.
/// </summary>
public sealed class CapturedLogs(ConcurrentQueue<string> lines) : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = lines;
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private static void AppendValues(StringBuilder line, object? state)
    {
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            foreach (var (key, value) in values)
            {
                line.Append(CultureInfo.InvariantCulture, $" {key}={value}");
            }
        }
        else if (state is not null)
        {
            line.Append(' ').Append(state);
        }
    }

    private sealed class Logger(CapturedLogs sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => sink._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{logLevel} {category}: {formatter(state, exception)} |");
            AppendValues(line, state);
            sink._scopes.ForEachScope((scope, builder) => { builder.Append(" scope:"); AppendValues(builder, scope); }, line);
            if (exception is not null)
            {
                line.Append(" exception: ").Append(exception);
            }

            sink._lines.Enqueue(line.ToString());
        }
    }
}
