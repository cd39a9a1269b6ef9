using System.Diagnostics;

namespace IdentityProvider.Benchmarks.Load;

/// <summary>
/// dotnet-trace (the repository's local tool, <c>dotnet tool restore</c>) sampling a process's CPU for a fixed
/// time; on dispose it waits for the file to be written. The sampling itself costs some throughput: the figures of
/// a traced run are not the ones to report.
/// </summary>
public sealed class Profiler : IAsyncDisposable
{
    private readonly Process process;
    private readonly Task drain;

    private Profiler(Process process)
    {
        this.process = process;
        drain = Task.WhenAll(process.StandardOutput.BaseStream.CopyToAsync(Stream.Null), process.StandardError.BaseStream.CopyToAsync(Stream.Null));
    }

    public static async Task<Profiler> StartAsync(int processId, string output, int seconds)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        // Why the build output: the tool manifest is found from it, up in the repository.
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "tool", "run", "dotnet-trace", "--", "collect", "--format", "Speedscope", "-p", processId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--profile", "dotnet-sampled-thread-time", "--duration", TimeSpan.FromSeconds(seconds).ToString(@"dd\:hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture), "-o", output })
        {
            info.ArgumentList.Add(argument);
        }

        var profiler = new Profiler(Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet-trace."));
        // Why: the session takes a moment to attach; the load should not start before it samples.
        await Task.Delay(TimeSpan.FromSeconds(2));
        return profiler;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        await drain.ContinueWith(_ => { }, TaskScheduler.Default);
        process.Dispose();
    }
}
