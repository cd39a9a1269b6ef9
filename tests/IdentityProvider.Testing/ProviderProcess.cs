using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace IdentityProvider.Testing;

/// <summary>
/// The built provider run as an OS process of its own (<c>dotnet IdentityProvider.dll</c>, Production, plain HTTP on a
/// loopback port), so a test can kill it with SIGKILL and start it again on the same port and database. The app is the
/// one the test project was built with: the test output folder holds <c>IdentityProvider.dll</c> with its
/// <c>deps.json</c> and <c>runtimeconfig.json</c> (the test drivers reference the provider project).
/// </summary>
public sealed class ProviderProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, string?> settings;
    private readonly ConcurrentQueue<string> output = new();
    private Process? process;

    /// <param name="settings">Configuration keys (<c>Section:Key</c>) on top of the Production defaults.</param>
    public ProviderProcess(IReadOnlyDictionary<string, string?> settings)
    {
        Port = FreePort.Next();
        this.settings = new Dictionary<string, string?>(settings);
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>Every line the process wrote so far (both runs), for a failure message.</summary>
    public string Output => string.Join('\n', output);

    /// <summary>Starts the process and returns once <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync()
    {
        var app = Path.Combine(AppContext.BaseDirectory, "IdentityProvider.dll");
        if (!File.Exists(app))
        {
            throw new InvalidOperationException($"The built provider is not at {app}.");
        }

        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(app);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString();
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the provider.");
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartLimit)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The provider exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var ready = await http.GetAsync("/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"The provider was not ready within {StartLimit.TotalSeconds} s:\n{Output}");
    }

    /// <summary>SIGKILL: the process ends at once, no shutdown code runs; returns once it is gone.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    /// <summary>A browser of this provider: keeps cookies in <paramref name="cookies"/> (a jar of its own when null), follows no redirects itself.</summary>
    public ProviderClient CreateClient(CookieContainer? cookies = null) =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new CookieContainer() })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(20),
        });

    public async ValueTask DisposeAsync() => await KillAsync();

    private void Keep(string? line)
    {
        if (line is not null && output.Count < 5000)
        {
            output.Enqueue(line);
        }
    }
}
