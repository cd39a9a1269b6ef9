using System.Globalization;

namespace IdentityProvider.Benchmarks.Compare;

/// <summary>
/// How the side-by-side run is driven. Defaults: one run of 10 s after a 20 s warm-up per server (about 3.5
/// minutes with publishing); <c>--runs 3 --seconds 8</c> gives the median of three in under 5 minutes.
/// </summary>
public sealed record CompareOptions(int Runs, int Seconds, int WarmupSeconds, int Connections, string[] Algorithms, string? BenchDirectory)
{
    public static CompareOptions Parse(string[] args)
    {
        var options = new CompareOptions(1, 10, 20, 16, ["RS256", "ES256"], null);
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
