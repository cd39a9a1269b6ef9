using System.Globalization;

namespace IdentityProvider.Benchmarks.Load;

/// <summary>
/// The whole machine's busy CPU time so far (Linux <c>/proc/stat</c>, every core): what the provider, the load
/// driver, PostgreSQL and the kernel's network work share when they run on the same cores.
/// </summary>
public static class MachineCpu
{
    // Why 10 ms: /proc/stat counts in USER_HZ ticks, 100 per second on every Linux the benchmark runs on.
    private const double MillisecondsPerTick = 10;

    public static TimeSpan Busy
    {
        get
        {
            // "cpu user nice system idle iowait irq softirq steal …": idle and iowait are the cores doing nothing.
            var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Skip(1).Take(8).Select(ticksOfKind => long.Parse(ticksOfKind, CultureInfo.InvariantCulture)).ToArray();
            return TimeSpan.FromMilliseconds((ticks.Sum() - ticks[3] - ticks[4]) * MillisecondsPerTick);
        }
    }
}
