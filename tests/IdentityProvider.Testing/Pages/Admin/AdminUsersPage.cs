namespace IdentityProvider.Testing.Pages.Admin;

/// <summary><c>/admin/users</c>: users found by e-mail address, each linking to its tabs.</summary>
public sealed class AdminUsersPage(ProviderPage page) : PageObject(page), IPageObject<AdminUsersPage>
{
    public const string Path = "/admin/users";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static AdminUsersPage Create(ProviderPage page) => new(page);

    /// <summary>Opens the list (as a non-administrator: the refusal as it is).</summary>
    public static Task<ProviderPage> OpenAsync(ProviderClient client) => client.GetAsync(Path);

    /// <summary>Searches by part of an e-mail address.</summary>
    public static Task<AdminUsersPage> SearchAsync(ProviderClient client, string email) =>
        client.OpenAsync<AdminUsersPage>($"{Path}?Email={Uri.EscapeDataString(email)}");

    /// <summary>The ids of the users listed, in order.</summary>
    public IReadOnlyList<string> UserIds =>
        Page.Document.QuerySelectorAll("#users tr[data-user-id]").Select(row => row.GetAttribute("data-user-id")!).ToList();

    /// <summary>The text of a listed user's row (e-mail, name, two-step status), or null when not listed.</summary>
    public string? RowOf(string userId) =>
        Page.Document.QuerySelectorAll("#users tr[data-user-id]").FirstOrDefault(row => row.GetAttribute("data-user-id") == userId)?.TextContent.Trim();

    /// <summary>The text of each listed user's row, in order.</summary>
    public IReadOnlyList<string> UserRows =>
        Page.Document.QuerySelectorAll("#users tr[data-user-id]").Select(row => row.TextContent.Trim()).ToList();

    /// <summary>Follows the link of a listed user's row to that user's two-step tab.</summary>
    public async Task<AdminUserTwoStepPage> OpenUserAsync(string userId)
    {
        var row = Page.Document.QuerySelectorAll("#users tr[data-user-id]").FirstOrDefault(candidate => candidate.GetAttribute("data-user-id") == userId)
            ?? throw new Xunit.Sdk.XunitException($"User {userId} is not listed on {Page.Uri}");
        var link = row.QuerySelector("a") ?? throw new Xunit.Sdk.XunitException($"No link in the row of user {userId} on {Page.Uri}");
        var tab = await Client.OpenAsync<AdminUserTwoStepPage>(new Uri(Page.Uri, link.GetAttribute("href")!).PathAndQuery);
        Xunit.Assert.Equal(userId, tab.UserId);
        return tab;
    }

    /// <summary>The message above the list ("No user's e-mail address contains that.").</summary>
    public string Message => Page.Document.QuerySelector("#users-message")?.TextContent.Trim() ?? "";
}
