namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Manage</c>: the account page, linking its sections by their visible texts (DESIGN's HTML contract).</summary>
public sealed class ManagePage(ProviderPage page) : PageObject(page), IPageObject<ManagePage>
{
    public const string Path = "/Manage";

    public const string TwoStepLink = "Two-step sign-in";
    public const string RecoveryCodesLink = "Recovery codes";
    public const string RememberedBrowsersLink = "Remembered browsers";
    public const string TokensLink = "Manage tokens";
    public const string ChangePasswordLink = "Change password";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static ManagePage Create(ProviderPage page) => new(page);

    /// <summary>Opens the account page: this page with a session, the password page without (see <see cref="HasSessionAsync"/>).</summary>
    public static Task<ProviderPage> OpenAsync(ProviderClient client) => client.GetAsync(Path);

    /// <summary>Whether the browser holds a provider session: the account page opens rather than sending to the password page.</summary>
    public static async Task<bool> HasSessionAsync(ProviderClient client) => (await OpenAsync(client)).Is<ManagePage>();

    public string ProfileName => Page.Document.QuerySelector("#profile-name")?.TextContent.Trim() ?? "";

    public string ProfileEmail => Page.Document.QuerySelector("#profile-email")?.TextContent.Trim() ?? "";

    /// <summary>Whether a link points at the change-password page's address.</summary>
    public bool LinksToChangePassword => Page.Document.QuerySelector($"a[href='{ChangePasswordPage.Path}']") is not null;

    public Task<DevicesPage> OpenTwoStepAsync() => FollowLinkAsync(TwoStepLink).As<DevicesPage>();

    public Task<RecoveryCodesPage> OpenRecoveryCodesAsync() => FollowLinkAsync(RecoveryCodesLink).As<RecoveryCodesPage>();

    public Task<RememberedBrowsersPage> OpenRememberedBrowsersAsync() => FollowLinkAsync(RememberedBrowsersLink).As<RememberedBrowsersPage>();

    public Task<TokensPage> OpenTokensAsync() => FollowLinkAsync(TokensLink).As<TokensPage>();

    public Task<ChangePasswordPage> OpenChangePasswordAsync() => FollowLinkAsync(ChangePasswordLink).As<ChangePasswordPage>();

    public Task<NotificationsPage> OpenNotificationsAsync() => FollowLinkAsync(NotificationsPage.LinkText).As<NotificationsPage>();
}
