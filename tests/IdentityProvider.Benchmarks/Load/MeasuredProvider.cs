using System.Diagnostics;
using IdentityProvider.Testing;

namespace IdentityProvider.Benchmarks.Load;

/// <summary>
/// The provider as operators run it: its own process (Release build, server GC, Kestrel) listening on
/// 127.0.0.1 only, configured through environment variables. Stopped, by its own process id, on dispose.
/// </summary>
public sealed class MeasuredProvider : IAsyncDisposable
{
    private readonly Process process;
    private readonly Task drainOutput;
    private readonly Task drainErrors;

    private MeasuredProvider(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
        // Why: read both pipes, so the provider's log lines never block it on a full pipe.
        drainOutput = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        drainErrors = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
    }

    public Uri BaseAddress { get; }

    /// <summary>The provider's process id (for a profiler to attach to).</summary>
    public int Id => process.Id;

    /// <summary>From starting the process to the first successful <c>/health/ready</c>.</summary>
    public TimeSpan StartedIn { get; private set; }

    /// <summary>The provider's resident memory (RSS) now.</summary>
    public long ResidentBytes
    {
        get
        {
            process.Refresh();
            return process.WorkingSet64;
        }
    }

    /// <summary>The CPU time the provider has used so far, all threads.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// Starts <c>IdentityProvider.dll</c> from <paramref name="appDirectory"/> (default: this build's output) in
    /// <paramref name="environment"/> (<c>Production</c> for a published app, as operators run it).
    /// </summary>
    public static async Task<MeasuredProvider> StartAsync(IReadOnlyDictionary<string, string> settings, string? appDirectory = null, string environment = "Benchmark")
    {
        appDirectory ??= AppContext.BaseDirectory;
        var port = FreePort.Next();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = appDirectory,
        };
        info.ArgumentList.Add(Path.Combine(appDirectory, "IdentityProvider.dll"));
        info.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the provider.");
        var provider = new MeasuredProvider(process, baseAddress);
        try
        {
            await provider.WaitUntilReadyAsync();
            provider.StartedIn = Stopwatch.GetElapsedTime(started);
            return provider;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The provider exited with code {process.ExitCode} while starting.");
            }

            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting slowly.
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The provider was not ready within 60 seconds.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        await Task.WhenAll(drainOutput, drainErrors).ContinueWith(_ => { }, TaskScheduler.Default);
        process.Dispose();
    }
}
