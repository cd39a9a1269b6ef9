using System.Globalization;

namespace IdentityProvider.Benchmarks.Compare;

/// <summary>
/// How the side-by-side run is driven. Defaults: a 20 s warm-up per server, then three rounds of 6 s each, one
/// server at a time, reported as medians: about 5 minutes with publishing. <c>--runs 1 --seconds 10</c> is quicker.
/// <c>--trace DIR</c> records a CPU sample profile (dotnet-trace, the repository's local tool) of our provider
/// during its first measured run, one <c>.nettrace</c> per algorithm. <c>--set KEY=VALUE</c> (repeatable) changes a
/// setting or environment variable of our provider only, to measure what it costs (<c>--set Log:MinimumLevel=Warning</c>
/// turns the request log off). <c>--twin KEY=VALUE</c> (repeatable) adds a twin of our provider with that setting changed
/// to every round and to the cold start, so a change's effect is a ratio in the same run; <c>--log-cost on</c> is the
/// twin without the request log. <c>--twin-app DIR</c> runs the twin from another published build (e.g. the commit
/// before a change: <c>dotnet publish src/IdentityProvider -c Release -p:PublishReadyToRun=true -o DIR</c> in its
/// worktree), so a code change's effect is a ratio in the same run too.
/// </summary>
public sealed record CompareOptions(int Runs, int Seconds, int WarmupSeconds, int Connections, string[] Algorithms, string? BenchDirectory, string? TraceDirectory = null, IReadOnlyDictionary<string, string>? ProviderSettings = null, IReadOnlyDictionary<string, string>? TwinSettings = null, string? TwinAppDirectory = null)
{
    public static CompareOptions Parse(string[] args)
    {
        var options = new CompareOptions(3, 6, 20, 16, ["RS256", "ES256"], null);
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--runs" => options with { Runs = Bounded(value, 1, 5) },
                "--seconds" => options with { Seconds = Bounded(value, 1, 60) },
                "--warmup" => options with { WarmupSeconds = Bounded(value, 0, 60) },
                "--connections" => options with { Connections = Bounded(value, 1, 256) },
                "--algorithms" => options with { Algorithms = value.Split(',', StringSplitOptions.RemoveEmptyEntries) },
                "--bench" => options with { BenchDirectory = value },
                "--log-cost" => value == "on" ? options with { TwinSettings = With(options.TwinSettings, "Log:MinimumLevel", "Warning") } : options,
                "--twin" when value.Split('=', 2) is [var key, var setting] => options with { TwinSettings = With(options.TwinSettings, key, setting) },
                "--twin-app" => options with { TwinAppDirectory = Path.GetFullPath(value) },
                "--trace" => options with { TraceDirectory = Path.GetFullPath(value) },
                "--set" when value.Split('=', 2) is [var key, var setting] => options with { ProviderSettings = With(options.ProviderSettings, key, setting) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return options;
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string>? settings, string key, string value) =>
        new(settings ?? new Dictionary<string, string>()) { [key] = value };

    private static int Bounded(string raw, int min, int max) =>
        int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"'{raw}' is not a whole number from {min} to {max}.");
}
