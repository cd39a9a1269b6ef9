namespace IdentityProvider.Testing.Pages;

/// <summary>
/// <c>/Manage</c>: the account page, linking its sections by their visible texts (docs/HTML-CONTRACT.md) and
/// showing each section's state at a glance.
/// </summary>
public sealed class ManagePage(ProviderPage page) : PageObject(page), IPageObject<ManagePage>
{
    public const string Path = "/Manage";

    public const string TwoStepLink = "Two-step sign-in";
    public const string RecoveryCodesLink = "Recovery codes";
    public const string PasskeysLink = "Passkeys";
    public const string RememberedBrowsersLink = "Remembered browsers";
    public const string TokensLink = "Manage tokens";
    public const string ChangePasswordLink = "Change password";
    public const string TurnOnTwoStepLink = "Turn on two-step sign-in";
    public const string GenerateRecoveryCodesLink = "Generate new recovery codes";
    public const string ActivityLink = "Your security activity";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static ManagePage Create(ProviderPage page) => new(page);

    /// <summary>Opens the account page: this page with a session, the password page without (see <see cref="HasSessionAsync"/>).</summary>
    public static Task<ProviderPage> OpenAsync(ProviderClient client) => client.GetAsync(Path);

    /// <summary>Whether the browser holds a provider session: the account page opens rather than sending to the password page.</summary>
    public static async Task<bool> HasSessionAsync(ProviderClient client) => (await OpenAsync(client)).Is<ManagePage>();

    public string ProfileName => Page.Document.QuerySelector("#profile-name")?.TextContent.Trim() ?? "";

    public string ProfileEmail => Page.Document.QuerySelector("#profile-email")?.TextContent.Trim() ?? "";

    /// <summary>The phone number shown in the profile; empty when none is recorded.</summary>
    public string ProfilePhone => Page.Document.QuerySelector("#profile-phone")?.TextContent.Trim() ?? "";

    public Task<ProfilePage> OpenProfileAsync() => FollowLinkAsync(ProfilePage.LinkText).As<ProfilePage>();

    /// <summary>Whether a link points at the change-password page's address.</summary>
    public bool LinksToChangePassword => Page.Document.QuerySelector($"a[href='{ChangePasswordPage.Path}']") is not null;

    public Task<DevicesPage> OpenTwoStepAsync() => FollowLinkAsync(TwoStepLink).As<DevicesPage>();

    public Task<RecoveryCodesPage> OpenRecoveryCodesAsync() => FollowLinkAsync(RecoveryCodesLink).As<RecoveryCodesPage>();

    public Task<RememberedBrowsersPage> OpenRememberedBrowsersAsync() => FollowLinkAsync(RememberedBrowsersLink).As<RememberedBrowsersPage>();

    public Task<TokensPage> OpenTokensAsync() => FollowLinkAsync(TokensLink).As<TokensPage>();

    public Task<ChangePasswordPage> OpenChangePasswordAsync() => FollowLinkAsync(ChangePasswordLink).As<ChangePasswordPage>();

    public Task<NotificationsPage> OpenNotificationsAsync() => FollowLinkAsync(NotificationsPage.LinkText).As<NotificationsPage>();

    /// <summary>"On", "Off" or "Suspended by an administrator".</summary>
    public string TwoStepState => Field("two-step-state");

    /// <summary>When a suspension ends (a moment, or that an administrator restores it); empty when not suspended.</summary>
    public string TwoStepSuspendedUntil => Field("two-step-suspended-until");

    public int TwoStepDevices => Number("two-step-devices");

    /// <summary>The last use of any device ("Not used yet"); empty without devices.</summary>
    public string TwoStepLastUsed => Field("two-step-last-used");

    /// <summary>Whether the page urges the user to turn two-step sign-in on, with a link to do so.</summary>
    public bool ShowsTwoStepCallToAction => Page.Document.QuerySelector("#two-step-call-to-action") is not null && HasLink(TurnOnTwoStepLink);

    public Task<AddDevicePage> TurnOnTwoStepAsync() => FollowLinkAsync(TurnOnTwoStepLink).As<AddDevicePage>();

    /// <summary>Unused recovery codes; -1 when the page shows no count (no device, or recovery codes turned off).</summary>
    public int RecoveryCodesLeft => Page.Document.QuerySelector("#recovery-codes-left") is null ? -1 : Number("recovery-codes-left");

    public bool ShowsRecoveryCodesWarning => Page.Document.QuerySelector("#recovery-codes-warning") is not null;

    public Task<RecoveryCodesPage> GenerateRecoveryCodesAsync() => FollowLinkAsync(GenerateRecoveryCodesLink).As<RecoveryCodesPage>();

    /// <summary>How many passkeys the overview counts; -1 when it has no passkeys section (turned off, none added).</summary>
    public int Passkeys => Page.Document.QuerySelector("#passkeys-count") is null ? -1 : Number("passkeys-count");

    /// <summary>"Your organisation requires a passkey … from {date}": the policy requires one, the user has none, the grace period runs.</summary>
    public bool SaysPasskeyRequired => Page.Document.QuerySelector("#passkey-required") is not null;

    public Task<PasskeysPage> OpenPasskeysAsync() => FollowLinkAsync(PasskeysLink).As<PasskeysPage>();

    public int RememberedBrowsers => Number("remembered-browsers-count");

    /// <summary>Active personal access tokens; -1 when the section is not shown (tokens not allowed).</summary>
    public int ActiveTokens => Page.Document.QuerySelector("#tokens-active") is null ? -1 : Number("tokens-active");

    /// <summary>The earliest expiry among active tokens, as shown; empty without active tokens.</summary>
    public string NextTokenExpiry => Field("tokens-next-expiry");

    /// <summary>"Set" or "Not set".</summary>
    public string PasswordState => Field("password-set");

    /// <summary>The linked upstream providers by name, or "None".</summary>
    public string LinkedProviders => Field("linked-providers");

    /// <summary>When the password last changed, as shown (or that it has not since the account was created).</summary>
    public string PasswordChanged => Field("password-changed");

    public Task<ActivityPage> OpenActivityAsync() => FollowLinkAsync(ActivityLink).As<ActivityPage>();

    public DateTimeOffset? TwoStepSuspendedUntilAt => MomentIn("two-step-suspended-until");

    public DateTimeOffset? TwoStepLastUsedAt => MomentIn("two-step-last-used");

    public DateTimeOffset? NextTokenExpiryAt => MomentIn("tokens-next-expiry");

    public DateTimeOffset? PasswordChangedAt => MomentIn("password-changed");

    /// <summary>The machine-readable moment (&lt;time datetime&gt;, UTC to the second) shown in <paramref name="id"/>, whatever the language.</summary>
    private DateTimeOffset? MomentIn(string id) =>
        Page.Document.QuerySelector($"#{id} time")?.GetAttribute("datetime") is { } value
            ? DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal)
            : null;

    private string Field(string id) => Page.Document.GetElementById(id)?.TextContent.Trim() ?? "";

    private int Number(string id) =>
        int.TryParse(Field(id), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new Xunit.Sdk.XunitException($"#{id} on {Page.Uri} shows no number: \"{Field(id)}\"");

    /// <summary>Whether the page tells a hardware token's holder to press its button with the cursor in the code field.</summary>
    public bool ShowsHardwareTokenHint => Page.Document.QuerySelector(".hardware-token-hint") is not null;
}
