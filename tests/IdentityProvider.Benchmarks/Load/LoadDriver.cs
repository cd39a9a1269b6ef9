using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace IdentityProvider.Benchmarks.Load;

/// <summary>What one measured run saw.</summary>
public sealed record LoadResult(int Requests, int Failures, TimeSpan Elapsed, double P50Ms, double P99Ms, double MaxMs, string? FirstFailure)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;
}

/// <summary>
/// Drives one request shape with N concurrent connections, each sending its next request as soon as the last
/// one answered (closed loop), for a fixed time. Every loop ends at the deadline: the run is bounded.
/// </summary>
public static class LoadDriver
{
    /// <summary>Posts <paramref name="formBody"/> (application/x-www-form-urlencoded, as curl -d sends it) to <paramref name="path"/>.</summary>
    public static Task<LoadResult> PostFormAsync(Uri baseAddress, string path, string formBody, int connections, TimeSpan duration)
    {
        var body = Encoding.ASCII.GetBytes(formBody);
        return RunAsync(baseAddress, connections, duration, () =>
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
            return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        });
    }

    public static Task<LoadResult> GetAsync(Uri baseAddress, string path, int connections, TimeSpan duration) =>
        RunAsync(baseAddress, connections, duration, () => new HttpRequestMessage(HttpMethod.Get, path));

    private static async Task<LoadResult> RunAsync(Uri baseAddress, int connections, TimeSpan duration, Func<HttpRequestMessage> newRequest)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            AllowAutoRedirect = false,
        };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var latencies = new List<long>[connections];
        var failures = 0;
        string? firstFailure = null;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        async Task WorkerAsync(int index)
        {
            var own = latencies[index] = new List<long>(64 * 1024);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                using var request = newRequest();
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                var answer = await response.Content.ReadAsByteArrayAsync();
                own.Add(Stopwatch.GetTimestamp() - sent);
                if (response.StatusCode != HttpStatusCode.OK && Interlocked.Increment(ref failures) == 1)
                {
                    firstFailure = $"{(int)response.StatusCode}: {Encoding.UTF8.GetString(answer)}";
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, connections).Select(index => Task.Run(() => WorkerAsync(index))));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var all = latencies.SelectMany(list => list).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(p * all.Length))] * 1000.0 / Stopwatch.Frequency;
        return new LoadResult(all.Length, failures, elapsed, Percentile(0.50), Percentile(0.99), Percentile(1.0), firstFailure);
    }
}
