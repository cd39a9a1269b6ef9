using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using IdentityProvider.Benchmarks.Load;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace IdentityProvider.Benchmarks.SignIn;

/// <summary>
/// Full two-step sign-ins against PostgreSQL (docs/PERFORMANCE.md): authorize, password, TOTP code and code
/// exchange by a confidential client, each by a fresh browser, compared with this machine's password-hash rate
/// (ASP.NET Identity's default PBKDF2, on every core). Every user signs in once: a TOTP code is single use.
/// </summary>
public static class SignInBenchmark
{
    private const int Users = 300;
    private const string Password = "bench-password-long-enough";
    private const string Client = "web";
    private const string ClientSecret = "bench-web-client-secret";
    private const string RedirectUri = "https://rp.example/signin-oidc";

    public static async Task<int> RunAsync(LoadOptions options)
    {
        var connections = Math.Min(options.Connections, 2 * Environment.ProcessorCount);
        Console.WriteLine($"Two-step sign-in: {connections} browsers, {options.Seconds} s measured, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        await using var postgres = await PostgresServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync("bench_sign_in");
        await using var provider = await MeasuredProvider.StartAsync(Settings(database));
        Console.WriteLine($"Provider ready (seeding {Users} users) in {provider.StartedIn.TotalSeconds:F0} s; enrolling their authenticator apps…");

        var secrets = new ConcurrentDictionary<string, byte[]>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Users), new ParallelOptions { MaxDegreeOfParallelism = connections },
            async (index, _) => secrets[Email(index)] = await EnrolAsync(provider.BaseAddress, Email(index)));

        // Warm-up: the runtime compiles the sign-in path's methods again, optimised, over its first few hundred uses.
        var warmUp = await RunPhaseAsync(provider, secrets, connections, TimeSpan.FromSeconds(options.WarmupSeconds), traceFile: null);
        if (warmUp.FirstFailure is not null)
        {
            Console.Error.WriteLine($"The warm-up failed: {warmUp.FirstFailure}");
            return 1;
        }

        Console.WriteLine($"Warm-up: {warmUp.Latencies.Length} sign-ins; measuring from the next 30 s step…");
        // Right before and after the load, with the provider idle (while it starts and seeds, the two would share
        // the cores): the machine's speed drifts by a quarter within minutes, so the rate is the mean of both.
        var hashesBefore = PasswordHashRate(TimeSpan.FromSeconds(6));
        var traceFile = options.TraceDirectory is { } traces ? Path.Combine(traces, "ours-sign-in.nettrace") : null;
        var result = await RunPhaseAsync(provider, secrets, connections, TimeSpan.FromSeconds(options.Seconds), traceFile);
        var rate = result.Latencies.Length / result.Elapsed.TotalSeconds;
        var hashesAfter = PasswordHashRate(TimeSpan.FromSeconds(6));
        var hashesPerSecond = (hashesBefore + hashesAfter) / 2;
        var secretChecksPerSecond = ClientSecretCheckRate(TimeSpan.FromSeconds(5));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Password hash rate (all cores): {hashesPerSecond:F1}/s ({hashesBefore:F1} before, {hashesAfter:F1} after); OpenIddict's client-secret check (PBKDF2-SHA256, 10,000 rounds): {secretChecksPerSecond:F0}/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| Full two-step sign-ins/s | Hash rate/s | Ratio | p50 (ms) | p99 (ms) | Provider CPU per sign-in (ms) | Driver CPU per sign-in (ms) | Failures |\n"
            + $"|---:|---:|---:|---:|---:|---:|---:|---:|\n"
            + $"| {rate:F1} | {hashesPerSecond:F1} | {rate / hashesPerSecond:P0} | {Percentile(result.Latencies, 0.5):F0} | {Percentile(result.Latencies, 0.99):F0} "
            + $"| {result.CpuMsPerSignIn:F0} | {result.DriverCpuMsPerSignIn:F0} | {result.Failures} |"));
        // What one sign-in's CPU is made of: the password hash and the confidential client's secret check at the
        // code exchange (both PBKDF2, at the rates measured above on every core), and everything else.
        var hashMs = 1000.0 * Environment.ProcessorCount / hashesPerSecond;
        var secretMs = 1000.0 * Environment.ProcessorCount / secretChecksPerSecond;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Provider CPU per sign-in {result.CpuMsPerSignIn:F1} ms: password hash {hashMs:F1} ms ({hashMs / result.CpuMsPerSignIn:P0}), "
            + $"client-secret check {secretMs:F1} ms ({secretMs / result.CpuMsPerSignIn:P0}), everything else {result.CpuMsPerSignIn - hashMs - secretMs:F1} ms "
            + $"({(result.CpuMsPerSignIn - hashMs - secretMs) / result.CpuMsPerSignIn:P0}). Hash CPU ÷ sign-in CPU: {hashMs / result.CpuMsPerSignIn:F2}."));
        // The ratio's bound: the hash's share of all the CPU a sign-in takes on this machine, the driver's and
        // PostgreSQL's included, since they share the cores.
        var restMs = result.MachineCpuMsPerSignIn - result.CpuMsPerSignIn - result.DriverCpuMsPerSignIn;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Machine CPU per sign-in {result.MachineCpuMsPerSignIn:F1} ms: provider {result.CpuMsPerSignIn:F1} ms, driver {result.DriverCpuMsPerSignIn:F1} ms, "
            + $"PostgreSQL, kernel and other processes {restMs:F1} ms. Password hash ÷ machine CPU per sign-in (the best ratio this machine allows): {hashMs / result.MachineCpuMsPerSignIn:P0}."));
        if (result.RanOutOfUsers)
        {
            Console.Error.WriteLine($"All {Users} users signed in before the time was up: the rate is a lower bound.");
        }

        if (result.FirstFailure is not null)
        {
            Console.Error.WriteLine($"{result.Failures} sign-ins failed, first: {result.FirstFailure}");
            return 1;
        }

        return 0;
    }

    /// <summary>
    /// Signs users in, each at most once, until the time is up. It starts on a fresh 30 s step: a code accepted
    /// before (at enrolment, in the warm-up) cannot sign in again within its own step.
    /// </summary>
    private static async Task<PhaseResult> RunPhaseAsync(
        MeasuredProvider provider, IReadOnlyDictionary<string, byte[]> secrets, int connections, TimeSpan duration, string? traceFile)
    {
        await Task.Delay(TimeSpan.FromSeconds(30 - DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 30 + 1));
        await using var trace = traceFile is null ? null : await Profiler.StartAsync(provider.Id, traceFile, (int)duration.TotalSeconds);
        var waiting = new ConcurrentQueue<string>(secrets.Keys);
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        string? firstFailure = null;
        var cpuBefore = provider.CpuTime;
        var driverCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var machineCpuBefore = MachineCpu.Busy;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < deadline && waiting.TryDequeue(out var email))
            {
                var sent = Stopwatch.GetTimestamp();
                var failure = await SignInAsync(provider.BaseAddress, email, secrets[email]);
                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (failure is not null && Interlocked.Increment(ref failures) == 1)
                {
                    firstFailure = failure;
                }
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpuMs = (provider.CpuTime - cpuBefore).TotalMilliseconds / Math.Max(1, latencies.Count);
        var driverCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - driverCpuBefore).TotalMilliseconds / Math.Max(1, latencies.Count);
        var machineCpuMs = (MachineCpu.Busy - machineCpuBefore).TotalMilliseconds / Math.Max(1, latencies.Count);
        return new PhaseResult(latencies.Order().ToArray(), elapsed, cpuMs, driverCpuMs, machineCpuMs, failures, firstFailure, waiting.IsEmpty);
    }

    private sealed record PhaseResult(
        double[] Latencies, TimeSpan Elapsed, double CpuMsPerSignIn, double DriverCpuMsPerSignIn, double MachineCpuMsPerSignIn,
        int Failures, string? FirstFailure, bool RanOutOfUsers);

    /// <summary>Identity's default hasher verifying one password over and over on every core.</summary>
    private static double PasswordHashRate(TimeSpan duration)
    {
        var hasher = new PasswordHasher<object>();
        var hash = hasher.HashPassword(new object(), Password);
        var count = 0;
        var started = Stopwatch.GetTimestamp();
        Parallel.For(0, Environment.ProcessorCount, _ =>
        {
            while (Stopwatch.GetElapsedTime(started) < duration)
            {
                hasher.VerifyHashedPassword(new object(), hash, Password);
                Interlocked.Increment(ref count);
            }
        });
        return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>
    /// OpenIddict's check of a confidential client's secret (PBKDF2 with SHA-256 and 10,000 rounds, as
    /// <c>OpenIddictApplicationManager</c> stores it) over and over on every core.
    /// </summary>
    private static double ClientSecretCheckRate(TimeSpan duration)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var count = 0;
        var started = Stopwatch.GetTimestamp();
        Parallel.For(0, Environment.ProcessorCount, _ =>
        {
            while (Stopwatch.GetElapsedTime(started) < duration)
            {
                Rfc2898DeriveBytes.Pbkdf2(ClientSecret, salt, 10_000, HashAlgorithmName.SHA256, 32);
                Interlocked.Increment(ref count);
            }
        });
        return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>Signs in with the password and adds an authenticator app on the account page; returns its secret.</summary>
    private static async Task<byte[]> EnrolAsync(Uri baseAddress, string email)
    {
        using var client = Browser(baseAddress);
        await UserStories.SignInWithPasswordAsync(client, email, Password);
        var add = await AddDevicePage.OpenAsync(client);
        var scan = await add.BeginAsync("Phone", "Totp");
        var secret = Base32Encoding.ToBytes(scan.ShownSecret);
        await scan.ConfirmAsync(new Totp(secret).ComputeTotp());
        return secret;
    }

    /// <summary>One whole sign-in by a new browser; null when the client got an id_token saying "mfa".</summary>
    private static async Task<string?> SignInAsync(Uri baseAddress, string email, byte[] secret)
    {
        using var client = Browser(baseAddress);
        var request = new AuthorizationRequest(Client, RedirectUri, "openid profile");
        var otpPage = await (await LoginPage.OpenAsync(client, request)).SignInAsync(email, Password);
        if (!otpPage.Is<TwoStepPage>())
        {
            return $"{email}: no one-time password step, ended on {otpPage.Uri.AbsolutePath}";
        }

        var redirect = await otpPage.As<TwoStepPage>().SubmitCodeAsync(new Totp(secret).ComputeTotp());
        if (redirect.ExternalRedirect is null || redirect.RedirectQuery.Count == 0)
        {
            return $"{email}: no code after {otpPage.Uri.AbsolutePath} and {redirect.Uri.AbsolutePath}";
        }

        var tokens = await TokenResponse.ExchangeCodeAsync(client.Http, request, redirect.Code, ClientSecret);
        return tokens.Status == HttpStatusCode.OK && tokens.Acr == "mfa"
            ? null
            : $"{email}: {(int)tokens.Status} {tokens.Json}";
    }

    private static ProviderClient Browser(Uri baseAddress) =>
        new(new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress });

    private static string Email(int index) => $"user{index}@bench.example";

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    /// <summary>Production defaults, except plain HTTP, one client address and the seeded users and client.</summary>
    private static Dictionary<string, string> Settings(string connectionString)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Default"] = connectionString,
            ["Server:RequireHttps"] = "false",
            ["RateLimiting:SignInPerMinute"] = "1000000",
            ["RateLimiting:TokenPerMinute"] = "10000000",
            ["Log:Format"] = "Json",
            ["Seed:Clients:0:ClientId"] = Client,
            ["Seed:Clients:0:ClientSecret"] = ClientSecret,
            ["Seed:Clients:0:RedirectUris:0"] = RedirectUri,
            ["Seed:Clients:0:GrantTypes:0"] = "authorization_code",
            ["Seed:Clients:0:Scopes:0"] = "openid",
            ["Seed:Clients:0:Scopes:1"] = "profile",
            ["Seed:Clients:0:ConsentType"] = "implicit",
        };
        for (var index = 0; index < Users; index++)
        {
            settings[$"Seed:Users:{index}:Email"] = Email(index);
            settings[$"Seed:Users:{index}:Password"] = Password;
            settings[$"Seed:Users:{index}:Name"] = $"User {index}";
        }

        return settings;
    }
}
