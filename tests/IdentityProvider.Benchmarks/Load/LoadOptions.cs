using System.Globalization;

namespace IdentityProvider.Benchmarks.Load;

/// <summary>
/// How long and how hard to drive the provider. Every loop is bounded by these durations. <c>--trace DIR</c>
/// records a CPU sample profile of the provider (dotnet-trace) while the measured phase runs (sign-in only).
/// </summary>
public sealed record LoadOptions(int Seconds, int WarmupSeconds, int Connections, string[] Algorithms, bool Baseline = false, string? TraceDirectory = null)
{
    public static LoadOptions Parse(string[] args)
    {
        // Why a long warm-up: tiered JIT keeps recompiling the hot path for tens of seconds on two busy cores;
        // measured after 5 s, the exchange cost three times its steady-state CPU.
        var options = new LoadOptions(20, 30, 16, ["RS256", "ES256"]);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] == "--baseline")
            {
                options = options with { Baseline = true };
                i--;
                continue;
            }

            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--seconds" => options with { Seconds = Bounded(value, 1, 600) },
                "--warmup" => options with { WarmupSeconds = Bounded(value, 0, 120) },
                "--connections" => options with { Connections = Bounded(value, 1, 256) },
                "--algorithms" => options with { Algorithms = value.Split(',', StringSplitOptions.RemoveEmptyEntries) },
                "--trace" => options with { TraceDirectory = Path.GetFullPath(value) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return options;
    }

    private static int Bounded(string raw, int min, int max) =>
        int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"'{raw}' is not a whole number from {min} to {max}.");
}
