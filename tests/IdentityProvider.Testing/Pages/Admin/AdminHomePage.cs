using System.Globalization;

namespace IdentityProvider.Testing.Pages.Admin;

/// <summary>
/// <c>/admin</c>: the dashboard (numbers, each linking to the list behind it, adoption by role, the charts of sign-ins and
/// failures per UTC day with their tables) and a link to each section.
/// </summary>
public sealed class AdminHomePage(ProviderPage page) : PageObject(page), IPageObject<AdminHomePage>
{
    public const string Path = "/admin";

    /// <summary>The two charts, as <see cref="ChartTable"/> names them.</summary>
    public const string SignInsChart = "sign-ins";
    public const string FailuresChart = "failures";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static AdminHomePage Create(ProviderPage page) => new(page);

    public static Task<AdminHomePage> OpenAsync(ProviderClient client) => client.OpenAsync<AdminHomePage>(Path);

    /// <summary>Opens the page as anyone: the answer as it is (the sign-in page, or the access-denied page with its reason).</summary>
    public static Task<ProviderPage> TryOpenAsync(ProviderClient client) => client.GetAsync(Path);

    /// <summary>The sections' link texts, in order, as the admin area's navigation lists them (<see cref="AdminNavigation"/>).</summary>
    public IReadOnlyList<string> Sections => AdminNavigation.On(this)?.Texts ?? [];

    /// <summary>
    /// The names of the numbers shown (<c>users</c>, <c>with-device</c>, <c>two-step-off</c>, <c>in-grace</c>, <c>locked</c>,
    /// <c>suspended</c>, <c>tokens-active</c>, <c>tokens-expiring</c>, <c>hardware-in-stock</c>, <c>hardware-assigned</c>,
    /// <c>hardware-lost</c>, <c>mail-unsent</c>), in order.
    /// </summary>
    public IReadOnlyList<string> NumberNames =>
        Page.Document.QuerySelectorAll("[data-number]").Select(element => element.GetAttribute("data-number")!).ToList();

    /// <summary>A number of the dashboard by its name (<see cref="NumberNames"/>).</summary>
    public int Number(string name)
    {
        var element = Page.Document.QuerySelector($"[data-number='{name}']") ?? throw new Xunit.Sdk.XunitException($"No number {name} on {Page.Uri}");
        return int.Parse(element.GetAttribute("data-value") ?? element.TextContent.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>The text shown for a number (the adoption share's "3 (50%)").</summary>
    public string NumberText(string name) => Page.Document.QuerySelector($"[data-number='{name}']")?.TextContent.Trim() ?? "";

    /// <summary>Whether the number links to the list behind it.</summary>
    public bool NumberLinks(string name) => Page.Document.QuerySelector($"a[data-number='{name}']") is not null;

    /// <summary>Follows the link of a number to the list behind it.</summary>
    public Task<ProviderPage> FollowNumberAsync(string name)
    {
        var link = Page.Document.QuerySelector($"a[data-number='{name}']") ?? throw new Xunit.Sdk.XunitException($"Number {name} links nowhere on {Page.Uri}");
        return Client.GetAsync(new Uri(Page.Uri, link.GetAttribute("href")!).PathAndQuery);
    }

    /// <summary>Two-step adoption per role: members and members with a device, by role name.</summary>
    public IReadOnlyDictionary<string, (int Members, int WithDevice)> AdoptionByRole =>
        Page.Document.QuerySelectorAll("#adoption-by-role tbody tr").ToDictionary(
            row => row.GetAttribute("data-role")!,
            row =>
            {
                var cells = row.QuerySelectorAll("td").Take(2).Select(cell => int.Parse(cell.TextContent.Trim(), CultureInfo.InvariantCulture)).ToList();
                return (cells[0], cells[1]);
            });

    public bool HasChart(string chart) => Page.Document.QuerySelector($"figure#{chart}") is not null;

    /// <summary>
    /// A chart's table (the numbers behind its bars): per UTC day, oldest first, the count of each series by its key
    /// (sign-ins: <c>password</c>, <c>password-otp</c>, <c>external</c>, <c>external-otp</c>, <c>other</c>; failures:
    /// <c>password</c>, <c>otp</c>, <c>recovery-code</c>, <c>lockout</c>) and <c>total</c>; a series that counted nothing is absent.
    /// </summary>
    public IReadOnlyList<(DateOnly Day, IReadOnlyDictionary<string, int> Counts)> ChartTable(string chart)
    {
        var table = Page.Document.QuerySelector($"table#{chart}-table") ?? throw new Xunit.Sdk.XunitException($"No table of chart {chart} on {Page.Uri}");
        var keys = table.QuerySelectorAll("thead th[data-key]").Select(heading => heading.GetAttribute("data-key")!).ToList();
        return table.QuerySelectorAll("tbody tr").Select(row => (
            DateOnly.ParseExact(row.GetAttribute("data-day")!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            (IReadOnlyDictionary<string, int>)keys.Zip(row.QuerySelectorAll("td"), (key, cell) => (key, int.Parse(cell.TextContent.Trim(), CultureInfo.InvariantCulture)))
                .ToDictionary(pair => pair.key, pair => pair.Item2))).ToList();
    }

    /// <summary>The tooltips (<c>&lt;title&gt;</c>) of a chart's bars, in order: "7 Dec 2026: Password, 3".</summary>
    public IReadOnlyList<string> BarTitles(string chart) =>
        Page.Document.QuerySelectorAll($"figure#{chart} svg rect title").Select(title => title.TextContent.Trim()).ToList();

    /// <summary>The names of a chart's series in its legend, in order.</summary>
    public IReadOnlyList<string> Legend(string chart) =>
        Page.Document.QuerySelectorAll($"figure#{chart} ul.legend li").Select(item => item.TextContent.Trim()).ToList();

    /// <summary>The note under the charts' heading (which time zone the days are in).</summary>
    public string ChartsNote => Page.Document.QuerySelector(".charts p.hint")?.TextContent.Trim() ?? "";
}
