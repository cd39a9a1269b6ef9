namespace IdentityProvider.Testing.Pages.Admin;

/// <summary>
/// <c>/admin/security-log</c>: the security log filtered by user, event types and a date range typed in the reader's time
/// zone, newest first, a page at a time, with "Export CSV" of the filtered list.
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

    /// <summary>
    /// Fills the filter form (null leaves a field empty; <paramref name="from"/> and <paramref name="to"/> as a
    /// <c>datetime-local</c> input sends them, <c>2025-01-31T13:45</c> in the reader's zone, or a date alone) and submits it
    /// as the browser does (a GET); <paramref name="types"/> picks several event types.
    /// </summary>
    public Task<AdminSecurityLogPage> FilterAsync(string? user = null, string? type = null, string? from = null, string? to = null, IReadOnlyList<string>? types = null) =>
        FilterAsync(Client, user, type, from, to, types);

    /// <summary>Opens the log with this filter, as submitting the filter form does.</summary>
    public static Task<AdminSecurityLogPage> FilterAsync(
        ProviderClient client, string? user = null, string? type = null, string? from = null, string? to = null, IReadOnlyList<string>? types = null) =>
        client.OpenAsync<AdminSecurityLogPage>(FilterPath(user, type is null ? types ?? [] : [type, .. types ?? []], from, to));

    /// <summary>The same filter opened by someone who may not see it: the answer as it is.</summary>
    public static Task<ProviderPage> TryFilterAsync(ProviderClient client, string? user = null, string? type = null) =>
        client.GetAsync(FilterPath(user, type is null ? [] : [type], null, null));

    private static string FilterPath(string? user, IReadOnlyList<string> types, string? from, string? to) =>
        Path + "?" + string.Join("&", new (string Key, string? Value)[] { ("Filter.User", user), ("Filter.From", from), ("Filter.To", to) }
            .Concat(types.Select(type => (Key: "Filter.Type", Value: (string?)type)))
            .Select(field => $"{Uri.EscapeDataString(field.Key)}={Uri.EscapeDataString(field.Value ?? "")}"));

    /// <summary>"Times are in UTC; …": the zone the date fields and the rows are in.</summary>
    public string ZoneNote => Page.Document.QuerySelector("#filter-zone")?.TextContent.Trim() ?? "";

    /// <summary>The type of each date field (<c>datetime-local</c>).</summary>
    public IReadOnlyList<string> DateFieldTypes =>
        Page.Document.QuerySelectorAll("input[name='Filter.From'], input[name='Filter.To']").Select(input => input.GetAttribute("type") ?? "").ToList();

    /// <summary>The event types the filter offers, with the words each is shown with ("Wrong password (sign-in.password-failed)").</summary>
    public IReadOnlyDictionary<string, string> OfferedTypeWords =>
        Page.Document.QuerySelectorAll("select[name='Filter.Type'] option").ToDictionary(option => option.GetAttribute("value") ?? "", option => option.TextContent.Trim());

    /// <summary>The event types the filter offers.</summary>
    public IReadOnlyList<string> OfferedTypes => [.. OfferedTypeWords.Keys];

    /// <summary>The rows shown, in order.</summary>
    public IReadOnlyList<SecurityLogRow> Rows =>
        Page.Document.QuerySelectorAll("#security-events tbody tr")
            .Select(row => (Kind: row.GetAttribute("data-kind") ?? "", Cells: row.QuerySelectorAll("td").ToArray()))
            .Select(row => new SecurityLogRow(row.Cells[0].TextContent.Trim(), row.Kind, row.Cells[2].TextContent.Trim(), row.Cells[3].TextContent.Trim(),
                row.Cells[4].TextContent.Trim(), row.Cells[5].TextContent.Trim(), WordsOf(row.Cells[1])))
            .ToList();

    // The event's words: the cell's text without the type's code beside it.
    private static string WordsOf(AngleSharp.Dom.IElement cell) =>
        (cell.TextContent.Replace(cell.QuerySelector("code")?.TextContent ?? "", "", StringComparison.Ordinal)).Trim();

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

/// <summary>
/// A row of the security log as the page shows it: when (the reader's language and time zone), the event's type (its code),
/// user, by whom, address, detail, and the event in words.
/// </summary>
public sealed record SecurityLogRow(string When, string Kind, string User, string Actor, string Address, string Detail, string Event);
