namespace IdentityProvider.Testing.Pages.Admin;

/// <summary><c>/admin/users/{id}/tokens</c>: a user's personal access tokens and the per-user "sign-in by token" override.</summary>
public sealed class AdminUserTokensPage(ProviderPage page) : PageObject(page), IPageObject<AdminUserTokensPage>
{
    /// <summary>The override choices the form offers.</summary>
    public const string Allow = "allow";
    public const string Deny = "deny";
    public const string Follow = "follow";

    public static string PathFor(string userId) => $"/admin/users/{Uri.EscapeDataString(userId)}/tokens";

    public static bool IsAt(string path) => path.StartsWith("/admin/users/", StringComparison.OrdinalIgnoreCase) && path.EndsWith("/tokens", StringComparison.OrdinalIgnoreCase);

    public static AdminUserTokensPage Create(ProviderPage page) => new(page);

    public static Task<AdminUserTokensPage> OpenAsync(ProviderClient client, string userId) => client.OpenAsync<AdminUserTokensPage>(PathFor(userId));

    /// <summary>Opens the tab for any id (unknown, or as a non-administrator): the answer as it is.</summary>
    public static Task<ProviderPage> TryOpenAsync(ProviderClient client, string userId) => client.GetAsync(PathFor(userId));

    /// <summary>"Currently allowed: …" or "Currently not allowed: …".</summary>
    public string EffectivePermission => Page.Document.QuerySelector("#effective-permission")?.TextContent.Trim() ?? "";

    /// <summary>The choice checked in the form.</summary>
    public string? CheckedChoice => Page.Document.QuerySelector("input[name='Choice'][checked]")?.GetAttribute("value");

    /// <summary>The text of each listed token's row (label, scopes, dates, status).</summary>
    public IReadOnlyList<string> TokenRows => Page.Document.QuerySelectorAll("#tokens tbody tr").Select(row => row.TextContent.Trim()).ToList();

    /// <summary>Saves the override: <see cref="Allow"/>, <see cref="Deny"/>, <see cref="Follow"/> (or anything, to test refusal).</summary>
    public Task<ProviderPage> ChooseAsync(string choice) => SubmitAsync(new Dictionary<string, string> { ["Choice"] = choice }, formSelector: "form#permission");

    /// <summary>The ids of the tokens listed with a Revoke button (the unrevoked ones).</summary>
    public IReadOnlyList<Guid> RevocableTokenIds =>
        Page.Document.QuerySelectorAll("form.revoke-token input[name='TokenId']").Select(input => Guid.Parse(input.GetAttribute("value")!)).ToList();

    /// <summary>The text of a listed token's row, or null when it is not listed.</summary>
    public string? RowOf(Guid tokenId) =>
        Page.Document.QuerySelectorAll("#tokens tbody tr").FirstOrDefault(row => row.GetAttribute("data-token-id") == tokenId.ToString())?.TextContent.Trim();

    /// <summary>Revoke on the token's row (or, for a token not offered, the first row's form with that id).</summary>
    public Task<ProviderPage> RevokeAsync(Guid tokenId) =>
        SubmitAsync(new Dictionary<string, string> { ["TokenId"] = tokenId.ToString() }, formSelector:
            Page.Document.QuerySelector($"tr[data-token-id='{tokenId}'] form.revoke-token") is not null ? $"tr[data-token-id='{tokenId}'] form.revoke-token" : "form.revoke-token");

    /// <summary>Posts the override even when the page does not offer it.</summary>
    public Task<ProviderPage> ForgeChooseAsync(string choice) =>
        AdminForgery.PostAsync(Page, PathFor(UserId), fields: new Dictionary<string, string> { ["Choice"] = choice });

    /// <summary>Posts "Revoke" for <paramref name="tokenId"/> even when the page does not offer it.</summary>
    public Task<ProviderPage> ForgeRevokeAsync(Guid tokenId) =>
        AdminForgery.PostAsync(Page, PathFor(UserId), "Revoke", new Dictionary<string, string> { ["TokenId"] = tokenId.ToString() });

    /// <summary>Whether the tab offers any change at all (a user-manager on an administrator's tab sees none).</summary>
    public bool OffersAnyChange => Page.Document.QuerySelector("main form") is not null;

    /// <summary>The tab says that only an administrator can change this account.</summary>
    public bool SaysAdministratorsOnly => Page.Document.QuerySelector("#administrator-note") is not null;

    private string UserId => Uri.UnescapeDataString(Page.Uri.AbsolutePath.Split('/')[3]);
}
