using System.Globalization;
using IdentityProvider.Benchmarks.Load;

namespace IdentityProvider.Benchmarks.Documents;

/// <summary>
/// The discovery document and the JWKS, which every relying party and resource server fetches (docs/PERFORMANCE.md:
/// Performance): each driven by N connections after a warm-up, on a provider process of its own.
/// </summary>
public static class DocumentsBenchmark
{
    private static readonly string[] Paths = ["/.well-known/openid-configuration", "/.well-known/jwks"];

    public static async Task<int> RunAsync(LoadOptions options)
    {
        Console.WriteLine($"Documents: {options.Connections} connections, {options.WarmupSeconds} s warm-up, {options.Seconds} s measured, "
            + $"{Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var folder = Directory.CreateTempSubdirectory("idp-documents-");
        try
        {
            await using var provider = await MeasuredProvider.StartAsync(new Dictionary<string, string>
            {
                ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(folder.FullName, "identityprovider.db")}",
                ["Server:RequireHttps"] = "false",
                ["Log:Format"] = "Json",
            });
            Console.WriteLine("| Document | Requests/s | p50 (ms) | p99 (ms) | max (ms) | Provider CPU per request (ms) | Failures |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            var failed = false;
            foreach (var path in Paths)
            {
                await LoadDriver.GetAsync(provider.BaseAddress, path, options.Connections, TimeSpan.FromSeconds(options.WarmupSeconds));
                var cpuBefore = provider.CpuTime;
                var result = await LoadDriver.GetAsync(provider.BaseAddress, path, options.Connections, TimeSpan.FromSeconds(options.Seconds));
                var cpuMs = (provider.CpuTime - cpuBefore).TotalMilliseconds / Math.Max(1, result.Requests);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {path} | {result.RequestsPerSecond:F0} | {result.P50Ms:F1} | {result.P99Ms:F1} | {result.MaxMs:F1} | {cpuMs:F3} | {result.Failures} |"));
                if (result.Failures > 0)
                {
                    Console.Error.WriteLine($"{path}: {result.Failures} failed requests, first: {result.FirstFailure}");
                    failed = true;
                }
            }

            return failed ? 1 : 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
