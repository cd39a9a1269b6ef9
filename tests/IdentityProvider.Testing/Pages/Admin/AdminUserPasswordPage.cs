namespace IdentityProvider.Testing.Pages.Admin;

/// <summary><c>/admin/users/{id}/password</c>: a new password typed twice, or a one-time set-password link shown once.</summary>
public sealed class AdminUserPasswordPage(ProviderPage page) : PageObject(page), IPageObject<AdminUserPasswordPage>
{
    public static string PathFor(string userId) => $"/admin/users/{Uri.EscapeDataString(userId)}/password";

    public static bool IsAt(string path) => path.StartsWith("/admin/users/", StringComparison.OrdinalIgnoreCase) && path.EndsWith("/password", StringComparison.OrdinalIgnoreCase);

    public static AdminUserPasswordPage Create(ProviderPage page) => new(page);

    public static Task<AdminUserPasswordPage> OpenAsync(ProviderClient client, string userId) => client.OpenAsync<AdminUserPasswordPage>(PathFor(userId));

    /// <summary>The link just issued, shown once; null otherwise.</summary>
    public string? SetPasswordLink => Page.Document.QuerySelector("input#set-password-link")?.GetAttribute("value");

    public Task<ProviderPage> SetPasswordAsync(string password, string? confirmation = null) =>
        SubmitAsync(new Dictionary<string, string> { ["Input.NewPassword"] = password, ["Input.ConfirmPassword"] = confirmation ?? password },
            formSelector: "form#set-password");

    public Task<AdminUserPasswordPage> IssueLinkAsync() => SubmitAsync(formSelector: "form#password-link").As<AdminUserPasswordPage>();

    /// <summary>E-mails a one-time link to the user instead of showing it; where that leads (the user's page).</summary>
    public Task<ProviderPage> EmailLinkAsync() => SubmitAsync(formSelector: "form#password-link-by-email");

    /// <summary>Posts a new password even when the page does not offer it.</summary>
    public Task<ProviderPage> ForgeSetPasswordAsync(string password) =>
        AdminForgery.PostAsync(Page, PathFor(UserId), "Set",
            new Dictionary<string, string> { ["Input.NewPassword"] = password, ["Input.ConfirmPassword"] = password });

    /// <summary>Posts "Issue a link" even when the page does not offer it.</summary>
    public Task<ProviderPage> ForgeIssueLinkAsync() => AdminForgery.PostAsync(Page, PathFor(UserId), "Link");

    /// <summary>Whether the tab offers any change at all (a user-manager on an administrator's tab sees none).</summary>
    public bool OffersAnyChange => Page.Document.QuerySelector("main form") is not null;

    /// <summary>The tab says that only an administrator can change this account.</summary>
    public bool SaysAdministratorsOnly => Page.Document.QuerySelector("#administrator-note") is not null;

    private string UserId => Uri.UnescapeDataString(Page.Uri.AbsolutePath.Split('/')[3]);
}
