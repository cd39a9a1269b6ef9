using System.Globalization;

namespace IdentityProvider.Testing.Pages;

/// <summary>One event as <c>/Manage/Activity</c> shows it.</summary>
/// <param name="Kind">The security log's event name (the row's data attribute; the page shows a sentence).</param>
/// <param name="Otp">The one-time password column: "Entered", "Not asked", or empty for other events.</param>
public sealed record ActivityRow(string Kind, long EventId, string When, string What, string Browser, string Address, string Otp, bool ByAdministrator);

/// <summary><c>/Manage/Activity</c>: the signed-in user's own security events, newest first, a page at a time.</summary>
public sealed class ActivityPage(ProviderPage page) : PageObject(page), IPageObject<ActivityPage>
{
    public const string Path = "/Manage/Activity";

    public const string NotMeLink = "This wasn't me";
    public const string OlderLink = "Older events";
    public const string NewerLink = "Newer events";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static ActivityPage Create(ProviderPage page) => new(page);

    public static Task<ActivityPage> OpenAsync(ProviderClient client) => client.OpenAsync<ActivityPage>(Path);

    /// <summary>Page <paramref name="number"/>, written as given (so a test can send nonsense).</summary>
    public static Task<ProviderPage> OpenPageAsync(ProviderClient client, string number) =>
        client.GetAsync($"{Path}?page={Uri.EscapeDataString(number)}");

    public static Task<ActivityPage> OpenPageAsync(ProviderClient client, int number) =>
        OpenPageAsync(client, number.ToString(CultureInfo.InvariantCulture)).As<ActivityPage>();

    public IReadOnlyList<ActivityRow> Rows =>
        Page.Document.QuerySelectorAll("#activity tbody tr").Select(row => new ActivityRow(
            row.GetAttribute("data-kind") ?? "",
            long.Parse(row.GetAttribute("data-event-id") ?? "0", CultureInfo.InvariantCulture),
            Cell(row, "when"),
            Cell(row, "what"),
            Cell(row, "browser"),
            Cell(row, "address"),
            Cell(row, "otp"),
            row.QuerySelector(".by-admin") is not null)).ToList();

    /// <summary>The machine-readable moment of each row (the &lt;time datetime&gt;), in page order.</summary>
    public IReadOnlyList<DateTimeOffset> Moments =>
        Page.Document.QuerySelectorAll("#activity tbody tr td.when time")
            .Select(time => DateTimeOffset.Parse(time.GetAttribute("datetime")!, CultureInfo.InvariantCulture)).ToList();

    public bool HasOlder => HasLink(OlderLink);

    public bool HasNewer => HasLink(NewerLink);

    public Task<ActivityPage> OpenOlderAsync() => FollowLinkAsync(OlderLink).As<ActivityPage>();

    public Task<ActivityPage> OpenNewerAsync() => FollowLinkAsync(NewerLink).As<ActivityPage>();

    /// <summary>Whether the "This wasn't me" section also links the device and remembered-browser pages.</summary>
    public bool LinksToDevicesAndBrowsers =>
        Page.Document.QuerySelector($"#not-me a[href='{DevicesPage.Path}']") is not null
        && Page.Document.QuerySelector($"#not-me a[href='{RememberedBrowsersPage.Path}']") is not null;

    /// <summary>The explanation next to "This wasn't me".</summary>
    public string NotMeExplanation => Page.Document.QuerySelector("#not-me p")?.TextContent.Trim() ?? "";

    public Task<ChangePasswordPage> ThisWasNotMeAsync() => FollowLinkAsync(NotMeLink).As<ChangePasswordPage>();

    private static string Cell(AngleSharp.Dom.IElement row, string name) =>
        string.Join(' ', (row.QuerySelector($"td.{name}")?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
