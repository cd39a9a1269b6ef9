using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IdentityProvider.Testing;

/// <summary>
/// Keeps every log event the provider writes: the rendered message, each structured property and the
/// exception, so a test can prove that no secret reached any of them. Every line is also kept in
/// <see cref="RunLines"/>, for the whole run, so that lines of providers already stopped can still be searched.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private static readonly ConcurrentQueue<string> Run = new();

    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyCollection<string> Lines => lines;

    /// <summary>Every line captured by every provider of this test process so far.</summary>
    public static IReadOnlyCollection<string> RunLines => Run;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Select(pair => $"{pair.Key}={pair.Value}"))
                : "";
            var line = $"{logLevel} {category}: {formatter(state, exception)} | {properties} | {exception}";
            lines.Enqueue(line);
            Run.Enqueue(line);
        }
    }
}
