using System.Diagnostics;

namespace IdentityProvider.Benchmarks.Compare;

/// <summary>
/// A comparison server (the node peer or the Kestrel ceiling) in its own process on 127.0.0.1, ready once its
/// discovery document answers; stopped by its process id on dispose.
/// </summary>
public sealed class AnchorProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Task drain;

    private AnchorProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
        // Why: read both pipes so a chatty server never blocks on a full pipe.
        drain = Task.WhenAll(process.StandardOutput.BaseStream.CopyToAsync(Stream.Null), process.StandardError.BaseStream.CopyToAsync(Stream.Null));
    }

    public Uri BaseAddress { get; }

    /// <summary>The server's resident memory (RSS) now.</summary>
    public long ResidentBytes
    {
        get
        {
            process.Refresh();
            return process.WorkingSet64;
        }
    }

    public static async Task<AnchorProcess> StartAsync(string fileName, string[] arguments, string workingDirectory, int port, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var anchor = new AnchorProcess(Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}."), new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await anchor.WaitUntilReadyAsync();
            return anchor;
        }
        catch
        {
            await anchor.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.StartInfo.FileName} exited with code {process.ExitCode} while starting.");
            }

            try
            {
                if ((await http.GetAsync(".well-known/openid-configuration")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{process.StartInfo.FileName} was not ready within 30 seconds.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        await drain.ContinueWith(_ => { }, TaskScheduler.Default);
        process.Dispose();
    }
}
