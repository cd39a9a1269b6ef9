using System.Globalization;
using IdentityProvider.Benchmarks.Load;
using IdentityProvider.Benchmarks.PatExchange;
using IdentityProvider.Testing;

namespace IdentityProvider.Benchmarks.Compare;

/// <summary>
/// Issue 14's side-by-side run: our PAT exchange (published Release, Production, PostgreSQL), the node
/// oidc-provider peer and the bare-Kestrel ceiling, each warmed up, then driven one at a time by the same wrk
/// with the same connections, for RS256 and ES256. Absolute figures move from day to day on a shared machine;
/// the ratios measured in one run do not, so they are what the table leads with.
/// </summary>
public static class CompareBenchmark
{
    private sealed record Target(string Name, Uri Url, string Script, IReadOnlyDictionary<string, string> Environment);

    private sealed record Sample(string Algorithm, string Server, int Run, WrkResult Result);

    /// <summary>A fresh instance of ours: start to ready, and its first seconds under load against the warm figure.</summary>
    private sealed record ColdStart(string Algorithm, string Server, TimeSpan StartedIn, WrkResult FirstSeconds);

    /// <summary>Resident memory of ours and the peer, idle after start (ours has served the pages that made the PAT).</summary>
    private sealed record IdleMemory(string Algorithm, long Ours, long Peer);

    /// <summary>How long ours and the peer sit idle before their memory is read.</summary>
    private const int IdleSeconds = 5;

    /// <summary>The cold-start window: what a fresh instance serves in its first seconds after it is ready.</summary>
    private const int ColdSeconds = 10;

    public static async Task<int> RunAsync(CompareOptions options)
    {
        if (!Wrk.IsInstalled())
        {
            Console.Error.WriteLine("wrk is not on the PATH: install it first (Debian: apt-get install -y wrk).");
            return 2;
        }

        var started = DateTime.UtcNow;
        var repository = FindRepository();
        var bench = Path.GetFullPath(options.BenchDirectory ?? Path.Combine(repository, "tests", "IdentityProvider.Benchmarks", "Anchors"));
        var workspace = await CompareWorkspace.PrepareAsync(repository, bench);
        Console.WriteLine($"Side by side: {options.Connections} connections, {options.WarmupSeconds} s warm-up each, {options.Runs} × {options.Seconds} s measured, "
            + $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

        var samples = new List<Sample>();
        var coldStarts = new List<ColdStart>();
        var memory = new List<IdleMemory>();
        await using var postgres = await PostgresServer.StartAsync();
        foreach (var algorithm in options.Algorithms)
        {
            var database = await postgres.CreateDatabaseAsync("bench_compare_" + algorithm.ToLowerInvariant());
            var settings = PatExchangeBenchmark.Settings(database, algorithm);
            // Production refuses keys kept in the database unless told; the signing cost is the same as with certificates.
            settings["Keys:AllowDevelopmentKeys"] = "true";
            foreach (var (key, value) in options.ProviderSettings ?? new Dictionary<string, string>())
            {
                settings[key] = value;
                Console.WriteLine($"Our provider: {key}={value}");
            }

            await using var ours = await MeasuredProvider.StartAsync(settings, workspace.AppDirectory, "Production");
            var token = await TokenSetup.CreateTokenAsync(ours.BaseAddress, PatExchangeBenchmark.Email, PatExchangeBenchmark.Password);
            var signedWith = await PatExchangeBenchmark.SigningAlgorithmAsync(ours.BaseAddress,
                $"grant_type={PersonalAccessTokens.PersonalAccessTokenProtocol.GrantType}&token={token}&client_id={PatExchangeBenchmark.ClientId}");
            if (signedWith != algorithm)
            {
                Console.Error.WriteLine($"{algorithm}: the provider signed with {signedWith}.");
                return 1;
            }

            var peerPort = FreePort.Next();
            await using var peer = await AnchorProcess.StartAsync("node", ["oidc-peer.mjs"], workspace.PeerDirectory, peerPort, new Dictionary<string, string>
            {
                ["PEER_ALG"] = algorithm,
                ["PEER_PORT"] = peerPort.ToString(CultureInfo.InvariantCulture),
                ["PEER_JWKS_FILE"] = Path.Combine(workspace.KeysDirectory, "peer-jwks.json"),
            });
            var ceilingPort = FreePort.Next();
            await using var ceiling = await AnchorProcess.StartAsync("dotnet", [workspace.CeilingDll], Path.GetDirectoryName(workspace.CeilingDll)!, ceilingPort, new Dictionary<string, string>
            {
                ["ANCHOR_ALG"] = algorithm,
                ["ANCHOR_PORT"] = ceilingPort.ToString(CultureInfo.InvariantCulture),
                ["ANCHOR_KEYS_DIR"] = Path.Combine(workspace.KeysDirectory, "ceiling"),
            });

            await Task.Delay(TimeSpan.FromSeconds(IdleSeconds));
            memory.Add(new IdleMemory(algorithm, ours.ResidentBytes, peer.ResidentBytes));

            var patExchange = new Dictionary<string, string> { ["PAT"] = token, ["CLIENT_ID"] = PatExchangeBenchmark.ClientId };
            List<Target> targets =
            [
                new("ours", new Uri(ours.BaseAddress, "connect/token"), Path.Combine(workspace.WrkDirectory, "pat-exchange.lua"), patExchange),
                new("peer", new Uri(peer.BaseAddress, "token"), Path.Combine(workspace.WrkDirectory, "token-client-credentials.lua"), new Dictionary<string, string>()),
                new("ceiling", new Uri(ceiling.BaseAddress, "token"), Path.Combine(workspace.WrkDirectory, "token-client-credentials.lua"), new Dictionary<string, string>()),
            ];
            var twinSettings = options.TwinSettings is { Count: > 0 } changes ? WithChanges(settings, changes)
                : options.TwinAppDirectory is not null ? settings : null;
            var twinApp = options.TwinAppDirectory ?? workspace.AppDirectory;
            await using var twin = twinSettings is null ? null : await MeasuredProvider.StartAsync(twinSettings, twinApp, "Production");
            if (twin is not null)
            {
                targets.Add(new("twin", new Uri(twin.BaseAddress, "connect/token"), targets[0].Script, patExchange));
            }

            // One server under load at a time; the other two sit idle.
            foreach (var target in targets)
            {
                var warmup = await Wrk.RunAsync(target.Script, target.Url, options.Connections, options.WarmupSeconds, target.Environment);
                Console.WriteLine($"{algorithm} {target.Name,-7} warm-up: {Wrk.Describe(warmup)}");
            }

            for (var run = 1; run <= options.Runs; run++)
            {
                foreach (var target in targets)
                {
                    await using var trace = run == 1 && target.Name == "ours" && options.TraceDirectory is { } traces
                        ? await Profiler.StartAsync(ours.Id, Path.Combine(traces, $"ours-{algorithm}.nettrace"), options.Seconds)
                        : null;
                    var result = await Wrk.RunAsync(target.Script, target.Url, options.Connections, options.Seconds, target.Environment);
                    samples.Add(new Sample(algorithm, target.Name, run, result));
                    Console.WriteLine($"{algorithm} {target.Name,-7} run {run}: {Wrk.Describe(result)}");
                }
            }

            // A second instance on the same database, as a rolling deploy or a scale-out starts one: loaded the
            // moment it is ready, without any warm-up (and one of the twin, so that a change's effect on it shows).
            foreach (var (server, freshSettings, app) in new[] { ("ours", settings, workspace.AppDirectory), ("twin", twinSettings, twinApp) })
            {
                if (freshSettings is null)
                {
                    continue;
                }

                await using var fresh = await MeasuredProvider.StartAsync(freshSettings, app, "Production");
                var first = await Wrk.RunAsync(targets[0].Script, new Uri(fresh.BaseAddress, "connect/token"), options.Connections, ColdSeconds, targets[0].Environment);
                coldStarts.Add(new ColdStart(algorithm, server, fresh.StartedIn, first));
                Console.WriteLine($"{algorithm} {server,-7} cold start: ready in {fresh.StartedIn.TotalSeconds:F2} s, first {ColdSeconds} s: {Wrk.Describe(first)}");
            }
        }

        PrintTable(samples, options, started);
        PrintColdStartsAndMemory(samples, coldStarts, memory);
        return samples.Any(sample => sample.Result.Errors > 0) || coldStarts.Any(cold => cold.FirstSeconds.Errors > 0) ? 1 : 0;
    }

    private static void PrintTable(List<Sample> samples, CompareOptions options, DateTime started)
    {
        var labels = new Dictionary<string, string>
        {
            ["ours"] = "this provider, PAT exchange (PostgreSQL)",
            ["peer"] = "node oidc-provider, client_credentials (in memory)",
            ["ceiling"] = "bare Kestrel ceiling, client_credentials (in memory)",
            ["twin"] = options.TwinAppDirectory is { } twinApp && options.TwinSettings is not { Count: > 0 }
                ? $"this provider built in {twinApp} (ours ÷ this: the change's effect)"
                : $"this provider with {string.Join(", ", (options.TwinSettings ?? new Dictionary<string, string>()).Select(change => $"{change.Key}={change.Value}"))} (ours ÷ this: the change's effect)",
        };
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{started:yyyy-MM-dd HH:mm} UTC, nproc {Environment.ProcessorCount}, wrk -t1 -c{options.Connections}, {options.WarmupSeconds} s warm-up, median of {options.Runs} × {options.Seconds} s, {(DateTime.UtcNow - started).TotalSeconds:F0} s in all"));
        Console.WriteLine("| alg | server | requests/s | p50 (ms) | p99 (ms) | errors | ours ÷ this |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var algorithm in samples.Select(sample => sample.Algorithm).Distinct())
        {
            foreach (var server in labels.Keys.Where(server => samples.Any(sample => sample.Server == server)))
            {
                var own = samples.Where(sample => sample.Algorithm == algorithm && sample.Server == server).ToList();
                // Why the median of per-run ratios: the machine's speed drifts between runs, a ratio within one run does not.
                var ratio = server == "ours" ? "—" : string.Create(CultureInfo.InvariantCulture, $"{Median(own.Select(sample =>
                    samples.Single(o => o.Algorithm == algorithm && o.Server == "ours" && o.Run == sample.Run).Result.RequestsPerSecond / sample.Result.RequestsPerSecond)):F2}×");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {algorithm} | {labels[server]} | {Median(own.Select(s => s.Result.RequestsPerSecond)):F0} | {Median(own.Select(s => s.Result.P50Ms)):F1} | {Median(own.Select(s => s.Result.P99Ms)):F1} | {own.Sum(s => s.Result.Errors)} | {ratio} |"));
            }
        }
    }

    private static void PrintColdStartsAndMemory(List<Sample> samples, List<ColdStart> coldStarts, List<IdleMemory> memory)
    {
        Console.WriteLine();
        Console.WriteLine($"| alg | server | start to ready (PostgreSQL) | first {ColdSeconds} s after ready, requests/s | ÷ its warm median | idle RSS ours | idle RSS peer |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var cold in coldStarts)
        {
            var warm = Median(samples.Where(sample => sample.Algorithm == cold.Algorithm && sample.Server == cold.Server).Select(sample => sample.Result.RequestsPerSecond));
            var idle = memory.Single(entry => entry.Algorithm == cold.Algorithm);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {cold.Algorithm} | {cold.Server} | {cold.StartedIn.TotalSeconds:F2} s | {cold.FirstSeconds.RequestsPerSecond:F0} | {cold.FirstSeconds.RequestsPerSecond / warm:F2}× | {idle.Ours / 1048576.0:F0} MiB | {idle.Peer / 1048576.0:F0} MiB |"));
        }
    }

    private static Dictionary<string, string> WithChanges(IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string> changes)
    {
        var changed = new Dictionary<string, string>(settings);
        foreach (var (key, value) in changes)
        {
            changed[key] = value;
        }

        return changed;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The repository root (the folder with the solution), found from the benchmark's build output.</summary>
    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "IdentityProvider.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from the repository's build output (no IdentityProvider.sln above it).");
    }
}
