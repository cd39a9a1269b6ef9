namespace IdentityProvider.Testing.Pages.Admin;

/// <summary><c>/admin/users</c>: users found by e-mail address or name, a page at a time, each linking to the user's page and tabs.</summary>
public sealed class AdminUsersPage(ProviderPage page) : PageObject(page), IPageObject<AdminUsersPage>
{
    public const string Path = "/admin/users";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static AdminUsersPage Create(ProviderPage page) => new(page);

    /// <summary>Opens the list (as a non-administrator: the refusal as it is).</summary>
    public static Task<ProviderPage> OpenAsync(ProviderClient client) => client.GetAsync(Path);

    /// <summary>Searches by part of an e-mail address or name.</summary>
    public static Task<AdminUsersPage> SearchAsync(ProviderClient client, string search) =>
        client.OpenAsync<AdminUsersPage>($"{Path}?search={Uri.EscapeDataString(search)}");

    /// <summary>Page <paramref name="pageNumber"/> (as typed) of a search.</summary>
    public static Task<AdminUsersPage> SearchAsync(ProviderClient client, string search, string pageNumber) =>
        client.OpenAsync<AdminUsersPage>($"{Path}?search={Uri.EscapeDataString(search)}&pageNumber={Uri.EscapeDataString(pageNumber)}");

    /// <summary>
    /// The list narrowed by <paramref name="filter"/> (<c>UserListFilters</c>: two-step off, locked, suspended; empty for everyone)
    /// and ordered by <paramref name="sort"/> (by address when empty, or by last sign-in), as the list's form asks.
    /// </summary>
    public static Task<AdminUsersPage> FilterAsync(ProviderClient client, string filter, string sort = "", string search = "") =>
        client.OpenAsync<AdminUsersPage>(
            $"{Path}?search={Uri.EscapeDataString(search)}&filter={Uri.EscapeDataString(filter)}&sort={Uri.EscapeDataString(sort)}");

    /// <summary>The same, as anyone: the page as it is (a refusal of an unknown filter shows as its <see cref="Message"/>).</summary>
    public static Task<ProviderPage> TryFilterAsync(ProviderClient client, string filter, string sort = "") =>
        client.GetAsync($"{Path}?filter={Uri.EscapeDataString(filter)}&sort={Uri.EscapeDataString(sort)}");

    /// <summary>The filter and the order the form shows chosen (values, not words).</summary>
    public (string Filter, string Sort) Chosen =>
        (Page.Document.QuerySelector("#search select[name=filter] option[selected]")?.GetAttribute("value") ?? "",
         Page.Document.QuerySelector("#search select[name=sort] option[selected]")?.GetAttribute("value") ?? "");

    /// <summary>The ids of the users listed, in order.</summary>
    public IReadOnlyList<string> UserIds =>
        Page.Document.QuerySelectorAll("#users tr[data-user-id]").Select(row => row.GetAttribute("data-user-id")!).ToList();

    /// <summary>The text of a listed user's row (e-mail, name, roles, two-step, locked, disabled, last sign-in), or null when not listed.</summary>
    public string? RowOf(string userId) =>
        Page.Document.QuerySelectorAll("#users tr[data-user-id]").FirstOrDefault(row => row.GetAttribute("data-user-id") == userId)?.TextContent.Trim();

    /// <summary>The cells of a listed user's row, in the order of the headings.</summary>
    public IReadOnlyList<string> CellsOf(string userId) =>
        Page.Document.QuerySelectorAll("#users tr[data-user-id]").FirstOrDefault(row => row.GetAttribute("data-user-id") == userId)
            ?.QuerySelectorAll("td").Select(cell => cell.TextContent.Trim()).ToList()
        ?? throw new Xunit.Sdk.XunitException($"User {userId} is not listed on {Page.Uri}");

    /// <summary>The column headings of the list.</summary>
    public IReadOnlyList<string> Headings => Page.Document.QuerySelectorAll("#users thead th").Select(cell => cell.TextContent.Trim()).ToList();

    /// <summary>The text of each listed user's row, in order.</summary>
    public IReadOnlyList<string> UserRows =>
        Page.Document.QuerySelectorAll("#users tr[data-user-id]").Select(row => row.TextContent.Trim()).ToList();

    /// <summary>"N users, page P of Q."</summary>
    public string Total => Page.Document.QuerySelector("#users-total")?.TextContent.Trim() ?? "";

    /// <summary>Whether "Create user" is offered (an administrator's view).</summary>
    public bool OffersCreate => Page.Document.QuerySelector("a#create-user") is not null;

    public bool OffersNextPage => Page.Document.QuerySelector("#pager a[rel=next]") is not null;

    public bool OffersPreviousPage => Page.Document.QuerySelector("#pager a[rel=prev]") is not null;

    public Task<AdminUsersPage> NextPageAsync() => FollowAsync("#pager a[rel=next]").As<AdminUsersPage>();

    public Task<AdminUsersPage> PreviousPageAsync() => FollowAsync("#pager a[rel=prev]").As<AdminUsersPage>();

    /// <summary>Follows the link of a listed user's e-mail address to the user's page.</summary>
    public async Task<AdminUserPage> OpenUserPageAsync(string userId) =>
        await FollowAsync($"#users tr[data-user-id='{userId}'] a.user-link").As<AdminUserPage>();

    /// <summary>Follows the two-step status of a listed user's row to that user's two-step tab.</summary>
    public async Task<AdminUserTwoStepPage> OpenUserAsync(string userId)
    {
        var row = Page.Document.QuerySelectorAll("#users tr[data-user-id]").FirstOrDefault(candidate => candidate.GetAttribute("data-user-id") == userId)
            ?? throw new Xunit.Sdk.XunitException($"User {userId} is not listed on {Page.Uri}");
        var link = row.QuerySelectorAll("a").FirstOrDefault(anchor => anchor.GetAttribute("href")!.EndsWith("/two-step", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"No two-step link in the row of user {userId} on {Page.Uri}");
        var tab = await Client.OpenAsync<AdminUserTwoStepPage>(new Uri(Page.Uri, link.GetAttribute("href")!).PathAndQuery);
        Xunit.Assert.Equal(userId, tab.UserId);
        return tab;
    }

    /// <summary>"Create user".</summary>
    public Task<AdminCreateUserPage> OpenCreateAsync() => FollowAsync("a#create-user").As<AdminCreateUserPage>();

    /// <summary>The message above the list ("No user's e-mail address or name contains that.").</summary>
    public string Message => Page.Document.QuerySelector("#users-message")?.TextContent.Trim() ?? "";

    private Task<ProviderPage> FollowAsync(string selector)
    {
        var link = Page.Document.QuerySelector(selector) ?? throw new Xunit.Sdk.XunitException($"No link {selector} on {Page.Uri}");
        return Client.GetAsync(new Uri(Page.Uri, link.GetAttribute("href")!).PathAndQuery);
    }
}
