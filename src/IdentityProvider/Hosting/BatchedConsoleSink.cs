using System.Text;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace IdentityProvider.Hosting;

/// <summary>
/// Writes log events to standard output in batches, from Serilog's background batching thread.
/// </summary>
/// <remarks>
/// Why not the console sink: it formats and flushes each event under one lock on the request's thread, one
/// write system call per line; at a few thousand requests/s the request log line cost 15–20% of the PAT
/// exchange's throughput (issue 14). Here a batch is formatted into a buffer and written with one flush. The
/// queue is bounded (events beyond it are dropped rather than slowing requests), and disposing the logger at
/// shutdown writes what is still queued.
/// </remarks>
internal sealed class BatchedConsoleSink(ITextFormatter formatter) : IBatchedLogEventSink, IDisposable
{
    private readonly StreamWriter output = new(Console.OpenStandardOutput(), new UTF8Encoding(false), 64 * 1024) { AutoFlush = false };

    public static BatchingOptions Options { get; } = new()
    {
        BatchSizeLimit = 1_000,
        // Short enough that a line shows up at once for someone watching the log.
        BufferingTimeLimit = TimeSpan.FromMilliseconds(100),
        QueueLimit = 100_000,
        EagerlyEmitFirstEvent = true,
    };

    public Task EmitBatchAsync(IReadOnlyCollection<LogEvent> batch)
    {
        foreach (var logEvent in batch)
        {
            formatter.Format(logEvent, output);
        }

        output.Flush();
        return Task.CompletedTask;
    }

    public void Dispose() => output.Dispose();
}
