using System.Globalization;
using IdentityProvider.Benchmarks.Load;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Testing;

namespace IdentityProvider.Benchmarks.PatExchange;

/// <summary>
/// The personal access token exchange at /connect/token against PostgreSQL (docs/PERFORMANCE.md): for each
/// signing algorithm a fresh database and provider process, a user and a token made through the pages, a
/// warm-up, then a measured run. Prints requests/s, p50, p99 and the provider's CPU per exchange.
/// </summary>
public static class PatExchangeBenchmark
{
    internal const string ClientId = "bench-cli";
    internal const string Email = "bench@example.com";
    internal const string Password = "bench-password-long-enough";

    public static async Task<int> RunAsync(LoadOptions options)
    {
        Console.WriteLine($"PAT exchange: {options.Connections} connections, {options.WarmupSeconds} s warm-up, {options.Seconds} s measured, "
            + $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, load average before: {LoadAverage()}");
        await using var postgres = await PostgresServer.StartAsync();
        var results = new List<(string Algorithm, LoadResult Result, double CpuMsPerRequest)>();
        foreach (var algorithm in options.Algorithms)
        {
            var database = await postgres.CreateDatabaseAsync("bench_pat_" + algorithm.ToLowerInvariant());
            await using var provider = await MeasuredProvider.StartAsync(Settings(database, algorithm));
            var token = await TokenSetup.CreateTokenAsync(provider.BaseAddress, Email, Password);
            // The body of the README's curl line.
            var form = $"grant_type={PersonalAccessTokenProtocol.GrantType}&token={token}&client_id={ClientId}";

            var signedWith = await SigningAlgorithmAsync(provider.BaseAddress, form);
            if (signedWith != algorithm)
            {
                Console.Error.WriteLine($"{algorithm}: the provider signed with {signedWith}.");
                return 1;
            }

            var warmup = await LoadDriver.PostFormAsync(provider.BaseAddress, "/connect/token", form, options.Connections, TimeSpan.FromSeconds(options.WarmupSeconds));
            if (warmup.Failures > 0)
            {
                Console.Error.WriteLine($"{algorithm}: the warm-up failed: {warmup.FirstFailure}");
                return 1;
            }

            var cpuBefore = provider.CpuTime;
            var result = await LoadDriver.PostFormAsync(provider.BaseAddress, "/connect/token", form, options.Connections, TimeSpan.FromSeconds(options.Seconds));
            var cpuMs = (provider.CpuTime - cpuBefore).TotalMilliseconds / Math.Max(1, result.Requests);
            results.Add((algorithm, result, cpuMs));
            Console.WriteLine(Format(algorithm, result, cpuMs));
            if (options.Baseline)
            {
                // The same process answering a cached document: what the machine gives any request right now
                // (other processes on the same cores show up here too).
                cpuBefore = provider.CpuTime;
                var baseline = await LoadDriver.GetAsync(provider.BaseAddress, "/.well-known/jwks", options.Connections, TimeSpan.FromSeconds(options.WarmupSeconds + 5));
                var baselineCpu = (provider.CpuTime - cpuBefore).TotalMilliseconds / Math.Max(1, baseline.Requests);
                results.Add(("JWKS (baseline)", baseline, baselineCpu));
                Console.WriteLine(Format("  baseline GET /.well-known/jwks", baseline, baselineCpu));
            }
            if (result.Failures > 0)
            {
                Console.Error.WriteLine($"{algorithm}: {result.Failures} failed requests, first: {result.FirstFailure}");
            }
        }

        Console.WriteLine($"Load average after: {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| Request | Requests/s | p50 (ms) | p99 (ms) | max (ms) | Provider CPU per exchange (ms) | Failures |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (algorithm, result, cpuMs) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {algorithm} | {result.RequestsPerSecond:F0} | {result.P50Ms:F1} | {result.P99Ms:F1} | {result.MaxMs:F1} | {cpuMs:F2} | {result.Failures} |"));
        }

        return results.All(entry => entry.Result.Failures == 0) ? 0 : 1;
    }

    /// <summary>The <c>alg</c> of the access token one exchange returns, so each run measures the algorithm it names.</summary>
    internal static async Task<string?> SigningAlgorithmAsync(Uri baseAddress, string form)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        using var content = new StringContent(form, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        using var response = await http.PostAsync("/connect/token", content);
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var accessToken = json.TryGetProperty("access_token", out var value) ? value.GetString() : null;
        return accessToken is null ? $"nothing ({json})" : new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(accessToken).Alg;
    }

    /// <summary>The 1-minute load average (Linux), to tell a quiet machine from a busy one when reading the figures.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static string Format(string algorithm, LoadResult result, double cpuMs) => string.Create(CultureInfo.InvariantCulture,
        $"{algorithm}: {result.Requests} exchanges in {result.Elapsed.TotalSeconds:F1} s = {result.RequestsPerSecond:F0}/s, "
        + $"p50 {result.P50Ms:F1} ms, p99 {result.P99Ms:F1} ms, max {result.MaxMs:F1} ms, provider CPU {cpuMs:F2} ms/exchange");

    /// <summary>Production defaults, except what a benchmark on plain HTTP with one client address needs.</summary>
    internal static Dictionary<string, string> Settings(string connectionString, string algorithm) => new()
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Default"] = connectionString,
        ["Server:RequireHttps"] = "false",
        ["Server:SigningAlgorithm"] = algorithm,
        // Every request comes from 127.0.0.1: the per-address limit would otherwise be what is measured.
        ["RateLimiting:TokenPerMinute"] = "10000000",
        ["Tokens:AllowSignInByToken"] = "true",
        ["Log:Format"] = "Json",
        ["Seed:Users:0:Email"] = Email,
        ["Seed:Users:0:Password"] = Password,
        ["Seed:Users:0:Name"] = "Benchmark",
        ["Seed:Clients:0:ClientId"] = ClientId,
        ["Seed:Clients:0:GrantTypes:0"] = "personal_access_token",
        ["Seed:Clients:0:Scopes:0"] = "api",
    };
}
