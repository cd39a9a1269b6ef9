namespace IdentityProvider.Testing.Pages.Admin;

/// <summary>
/// <c>/admin/security-log</c>: the security log filtered by user, event type and date range (UTC), newest first,
/// a page at a time, with "Export CSV" of the filtered list.
/// </summary>
public sealed class AdminSecurityLogPage(ProviderPage page) : PageObject(page), IPageObject<AdminSecurityLogPage>
{
    public const string Path = "/admin/security-log";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static AdminSecurityLogPage Create(ProviderPage page) => new(page);

    /// <summary>Opens the log (as a non-administrator: the refusal as it is).</summary>
    public static Task<ProviderPage> TryOpenAsync(ProviderClient client) => client.GetAsync(Path);

    /// <summary>Opens the log, unfiltered, and checks that it is this page.</summary>
    public static Task<AdminSecurityLogPage> OpenAsync(ProviderClient client) => client.OpenAsync<AdminSecurityLogPage>(Path);

    /// <summary>Fills the filter form (null leaves a field empty) and submits it as the browser does (a GET).</summary>
    public Task<AdminSecurityLogPage> FilterAsync(string? user = null, string? type = null, string? from = null, string? to = null) =>
        FilterAsync(Client, user, type, from, to);

    /// <summary>Opens the log with this filter, as submitting the filter form does.</summary>
    public static Task<AdminSecurityLogPage> FilterAsync(ProviderClient client, string? user = null, string? type = null, string? from = null, string? to = null) =>
        client.OpenAsync<AdminSecurityLogPage>(FilterPath(user, type, from, to));

    /// <summary>The same filter opened by someone who may not see it: the answer as it is.</summary>
    public static Task<ProviderPage> TryFilterAsync(ProviderClient client, string? user = null, string? type = null) =>
        client.GetAsync(FilterPath(user, type, null, null));

    private static string FilterPath(string? user, string? type, string? from, string? to) =>
        Path + "?" + string.Join("&", new Dictionary<string, string?>
            {
                ["Filter.User"] = user,
                ["Filter.Type"] = type,
                ["Filter.From"] = from,
                ["Filter.To"] = to,
            }
            .Select(field => $"{Uri.EscapeDataString(field.Key)}={Uri.EscapeDataString(field.Value ?? "")}"));

    /// <summary>The event types the filter offers (without "Every event").</summary>
    public IReadOnlyList<string> OfferedTypes =>
        Page.Document.QuerySelectorAll("select[name='Filter.Type'] option").Select(option => option.GetAttribute("value") ?? "").Where(value => value.Length > 0).ToList();

    /// <summary>The rows shown, in order.</summary>
    public IReadOnlyList<SecurityLogRow> Rows =>
        Page.Document.QuerySelectorAll("#security-events tbody tr")
            .Select(row => row.QuerySelectorAll("td").Select(cell => cell.TextContent.Trim()).ToArray())
            .Select(cells => new SecurityLogRow(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]))
            .ToList();

    /// <summary>The moment of each row as the page gives it to machines (the <c>datetime</c> of its <c>time</c>), in order.</summary>
    public IReadOnlyList<DateTimeOffset> Moments =>
        Page.Document.QuerySelectorAll("#security-events tbody time[datetime]")
            .Select(time => DateTimeOffset.Parse(time.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

    /// <summary>"N events, newest first. Page P of M."; empty when nothing matched.</summary>
    public string Summary => Page.Document.QuerySelector("#events-summary")?.TextContent.Trim() ?? "";

    public bool HasOlder => Page.Document.QuerySelector("a[rel=next]") is not null;

    public bool HasNewer => Page.Document.QuerySelector("a[rel=prev]") is not null;

    /// <summary>"Older events": the next page of the same filter.</summary>
    public Task<AdminSecurityLogPage> OlderAsync() => FollowLinkAsync("Older events").As<AdminSecurityLogPage>();

    public Task<AdminSecurityLogPage> NewerAsync() => FollowLinkAsync("Newer events").As<AdminSecurityLogPage>();

    /// <summary>"Export CSV": the raw answer (a download of every event of the filter).</summary>
    public async Task<HttpResponseMessage> ExportCsvAsync()
    {
        var link = Page.Document.QuerySelector("a#export-csv") ?? throw new Xunit.Sdk.XunitException($"No \"Export CSV\" link on {Page.Uri}: {Text.Trim()}");
        return await Client.Http.GetAsync(new Uri(Page.Uri, link.GetAttribute("href")!));
    }
}

/// <summary>A row of the security log as the page shows it: when (the reader's language and time zone), event, user, by whom, address, detail.</summary>
public sealed record SecurityLogRow(string When, string Kind, string User, string Actor, string Address, string Detail);
