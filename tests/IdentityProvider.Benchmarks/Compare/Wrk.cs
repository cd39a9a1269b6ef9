using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace IdentityProvider.Benchmarks.Compare;

/// <summary>One wrk run as its script's <c>WRKJSON</c> summary line reports it.</summary>
public sealed record WrkResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Errors);

/// <summary>
/// Runs the Debian <c>wrk</c> (one thread, N connections) with one of the anchors' scripts (<c>Anchors/wrk</c>), the same driver for
/// every server so the figures compare. Bounded by its duration plus a grace period.
/// </summary>
public static class Wrk
{
    /// <summary>Whether <c>wrk</c> is on the PATH: asked before anything starts, so that a missing driver is a sentence, not a stack trace.</summary>
    public static bool IsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, "wrk")));

    public static async Task<WrkResult> RunAsync(string script, Uri url, int connections, int seconds, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-t1", $"-c{connections}", $"-d{seconds}s", "--latency", "-s", script, url.ToString() })
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start wrk (Debian: apt-get install -y wrk).");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds + 30));
        await process.WaitForExitAsync(timeout.Token);
        var line = (await output).Split('\n').FirstOrDefault(l => l.StartsWith("WRKJSON ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no summary: {await output} {await errors}");
        var json = JsonDocument.Parse(line["WRKJSON ".Length..]).RootElement;

        // The scripts differ in how they split errors: count every non-2xx answer and every socket error.
        long errorCount = 0;
        foreach (var property in json.EnumerateObject())
        {
            if (property.Name is "non2xx" or "errors" || property.Name.StartsWith("err_", StringComparison.Ordinal))
            {
                errorCount += property.Value.GetInt64();
            }
        }

        return new WrkResult(json.GetProperty("rps").GetDouble(), json.GetProperty("p50_us").GetDouble() / 1000,
            json.GetProperty("p99_us").GetDouble() / 1000, errorCount);
    }

    public static string Describe(WrkResult result) => string.Create(CultureInfo.InvariantCulture,
        $"{result.RequestsPerSecond:F0}/s, p50 {result.P50Ms:F1} ms, p99 {result.P99Ms:F1} ms, {result.Errors} errors");
}
