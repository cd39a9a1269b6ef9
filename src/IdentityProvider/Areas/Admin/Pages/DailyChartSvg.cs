using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace IdentityProvider.Areas.Admin.Pages;

/// <summary>
/// Draws a <see cref="DailyChartView"/> as SVG on the server (no script): a stacked bar a day with a <c>&lt;title&gt;</c> per
/// part, a scale of 0, half and the top, and the day of the month under each bar (the month under the first day and the 1st).
/// </summary>
public static class DailyChartSvg
{
    private const int Left = 36;
    private const int Top = 10;
    private const int BarWidth = 22;
    private const int Gap = 8;
    private const int PlotHeight = 140;
    private const int Bottom = 34;

    public static IHtmlContent Write(DailyChartView view)
    {
        var chart = view.Chart;
        var width = Left + Gap + (chart.Days.Count * (BarWidth + Gap));
        var height = Top + PlotHeight + Bottom;
        var max = Enumerable.Range(0, chart.Days.Count).Select(chart.TotalOn).DefaultIfEmpty(0).Max();
        var scaleTop = DailyChartView.ScaleTop(max);
        double Y(int value) => Top + PlotHeight - ((double)value * PlotHeight / scaleTop);

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{Encode(view.Id)}-title\" xmlns=\"http://www.w3.org/2000/svg\">"));
        svg.Append(Invariant($"<title id=\"{Encode(view.Id)}-title\">{Encode(view.Caption)}</title>"));
        foreach (var tick in new[] { 0, scaleTop / 2, scaleTop })
        {
            svg.Append(Invariant($"<line class=\"grid\" x1=\"{Left}\" x2=\"{width - (Gap / 2)}\" y1=\"{Y(tick):0.#}\" y2=\"{Y(tick):0.#}\"/>"));
            svg.Append(Invariant($"<text class=\"axis\" x=\"{Left - 4}\" y=\"{Y(tick) + 4:0.#}\" text-anchor=\"end\">{tick}</text>"));
        }

        for (var day = 0; day < chart.Days.Count; day++)
        {
            var x = Left + Gap + (day * (BarWidth + Gap));
            var below = 0;
            for (var index = 0; index < chart.Series.Count; index++)
            {
                var count = chart.Series[index].Counts[day];
                if (count > 0)
                {
                    var title = $"{DailyChartView.DayLabel(chart.Days[day])}: {view.Label(chart.Series[index].Key)}, {count}";
                    svg.Append(Invariant($"<rect class=\"series-{index}\" x=\"{x}\" y=\"{Y(below + count):0.#}\" width=\"{BarWidth}\" height=\"{Y(below) - Y(below + count):0.#}\"><title>{Encode(title)}</title></rect>"));
                    below += count;
                }
            }

            var middle = x + (BarWidth / 2);
            svg.Append(Invariant($"<text class=\"axis\" x=\"{middle}\" y=\"{Top + PlotHeight + 14}\" text-anchor=\"middle\">{chart.Days[day].Day}</text>"));
            if (day == 0 || chart.Days[day].Day == 1)
            {
                var month = chart.Days[day].ToString("MMM", CultureInfo.CurrentCulture);
                svg.Append(Invariant($"<text class=\"axis\" x=\"{middle}\" y=\"{Top + PlotHeight + 28}\" text-anchor=\"middle\">{Encode(month)}</text>"));
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
