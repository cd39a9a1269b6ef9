using System.Globalization;
using IdentityProvider.Benchmarks.Load;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Users;

namespace IdentityProvider.Benchmarks.Startup;

/// <summary>
/// Start to ready and idle memory on the embedded SQLite database (docs/PERFORMANCE.md): the first start,
/// which creates, migrates and seeds the database, then several starts on the existing database; after the
/// last, one sign-in page is served and the resident memory is read once the process has been idle.
/// By default the build output runs; <c>--app DIR</c> runs a published copy instead (the container image's
/// ReadyToRun publish, say).
/// </summary>
public static class StartupBenchmark
{
    private const int Restarts = 5;
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(string? appDirectory)
    {
        Console.WriteLine($"Start-up of {appDirectory ?? "the build output"}: {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var folder = Directory.CreateTempSubdirectory("idp-startup-");
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(folder.FullName, "identityprovider.db")}",
                // Plain HTTP on loopback: with HTTPS required, the secure-only antiforgery cookie refuses to render a form.
                ["Server:RequireHttps"] = "false",
                ["Seed:Users:0:Email"] = "admin@example.com",
                ["Seed:Users:0:Password"] = "benchmark-password-long-enough",
                ["Seed:Users:0:Name"] = "Admin",
                ["Seed:Users:0:Roles:0"] = ProviderRoles.Administrator,
                ["Seed:Users:1:Email"] = "user@example.com",
                ["Seed:Users:1:Password"] = "benchmark-password-long-enough",
                ["Seed:Users:1:Name"] = "User",
            };

            await using (var first = await MeasuredProvider.StartAsync(settings, appDirectory))
            {
                Console.WriteLine(Ms("First start (creates, migrates, seeds)", first.StartedIn));
            }

            var starts = new List<TimeSpan>();
            long residentBytes = 0;
            for (var run = 1; run <= Restarts; run++)
            {
                await using var provider = await MeasuredProvider.StartAsync(settings, appDirectory);
                starts.Add(provider.StartedIn);
                if (run == Restarts)
                {
                    using var client = new ProviderClient(new HttpClient { BaseAddress = provider.BaseAddress });
                    await LoginPage.OpenAsync(client);
                    await Task.Delay(Idle);
                    residentBytes = provider.ResidentBytes;
                }
            }

            starts.Sort();
            Console.WriteLine(Ms($"Start on the existing database, median of {Restarts}", starts[Restarts / 2])
                + string.Create(CultureInfo.InvariantCulture, $" (fastest {starts[0].TotalMilliseconds:F0} ms, slowest {starts[^1].TotalMilliseconds:F0} ms)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Resident memory {Idle.TotalSeconds:F0} s after one sign-in page: {residentBytes / 1024.0 / 1024.0:F0} MiB"));
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Ms(string what, TimeSpan time) =>
        string.Create(CultureInfo.InvariantCulture, $"{what}: {time.TotalMilliseconds:F0} ms");
}
