using System.Globalization;
using IdentityProvider.Admin.Dashboard;

namespace IdentityProvider.Areas.Admin.Pages;

/// <summary>What <c>_DailyChart</c> draws: a chart with its caption and the words for its series, in the reader's language.</summary>
/// <param name="Labels">The name of each series by its key.</param>
public sealed record DailyChartView(
    string Id,
    string Caption,
    DailyChart Chart,
    IReadOnlyDictionary<string, string> Labels,
    string None,
    string TableSummary,
    string DayHeading,
    string TotalHeading)
{
    public string Label(string key) => Labels.TryGetValue(key, out var label) ? label : key;

    /// <summary>A day as the table and the bars' titles name it: "7 Dec 2026" (UTC days).</summary>
    public static string DayLabel(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>The top of the scale: the highest day's total rounded up to an even number (at least 2), so the middle line is whole.</summary>
    public static int ScaleTop(int max) => Math.Max(2, max + (max % 2));
}
