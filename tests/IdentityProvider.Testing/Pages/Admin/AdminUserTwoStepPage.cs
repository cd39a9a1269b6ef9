namespace IdentityProvider.Testing.Pages.Admin;

/// <summary>
/// <c>/admin/users/{id}/two-step</c>: for a user who lost the device: new recovery codes (shown once to the
/// administrator), suspend or restore two-step sign-in, remove a device or (once confirmed) a passkey.
/// </summary>
public sealed class AdminUserTwoStepPage(ProviderPage page) : PageObject(page), IPageObject<AdminUserTwoStepPage>
{
    private const string GenerateForm = "form#generate-codes";
    private const string RestoreForm = "form#restore";
    private const string SuspendForm = "form#suspend";
    private const string RemoveDeviceForm = "form.remove-device";
    private const string ForgetBrowsersForm = "form#forget-browsers";
    private const string DeviceIdField = "DeviceId";
    private const string RemovePasskeyForm = "form.remove-passkey";
    private const string PasskeyIdField = "PasskeyId";
    private const string ConfirmedField = "Confirmed";

    public static string PathFor(string userId) => $"/admin/users/{Uri.EscapeDataString(userId)}/two-step";

    public static bool IsAt(string path) => path.StartsWith("/admin/users/", StringComparison.OrdinalIgnoreCase) && path.EndsWith("/two-step", StringComparison.OrdinalIgnoreCase);

    public static AdminUserTwoStepPage Create(ProviderPage page) => new(page);

    /// <summary>Opens the tab of <paramref name="userId"/> and checks that it is that user's tab.</summary>
    public static async Task<AdminUserTwoStepPage> OpenAsync(ProviderClient client, string userId)
    {
        var tab = await client.OpenAsync<AdminUserTwoStepPage>(PathFor(userId));
        Xunit.Assert.Equal(userId, tab.UserId);
        return tab;
    }

    /// <summary>Opens the tab for any id (unknown, or as a non-administrator): the answer as it is.</summary>
    public static Task<ProviderPage> TryOpenAsync(ProviderClient client, string userId) => client.GetAsync(PathFor(userId));

    /// <summary>The id of the user whose tab this is, from the address.</summary>
    public string UserId => Uri.UnescapeDataString(Page.Uri.AbsolutePath.Split('/')[3]);

    /// <summary>The user's name and e-mail address as the tab heads them.</summary>
    public string UserEmail => Page.Document.QuerySelector("#user-email")?.TextContent.Trim() ?? "";

    /// <summary>The codes of a set just generated, shown this once (empty otherwise).</summary>
    public IReadOnlyList<string> IssuedCodes => RecoveryCodeList.Codes(Page);

    /// <summary>"N unused of M.", or "" when recovery codes are turned off.</summary>
    public string CodesRemainingText => Page.Document.QuerySelector("#codes-remaining")?.TextContent.Trim() ?? "";

    public bool OffersGenerate => Page.Document.QuerySelector(GenerateForm) is not null;

    public bool OffersRestore => Page.Document.QuerySelector(RestoreForm) is not null;

    public bool OffersSuspend => Page.Document.QuerySelector(SuspendForm) is not null;

    /// <summary>"Suspended indefinitely / until … (reason: …)", or "" when two-step sign-in is not suspended.</summary>
    public string SuspensionText => Page.Document.QuerySelector("#suspension")?.TextContent.Trim() ?? "";

    /// <summary>"No active device."</summary>
    public bool SaysNoDevices => Page.Document.QuerySelector("#no-devices") is not null;

    /// <summary>The text of each listed device's row (name, type, dates).</summary>
    public IReadOnlyList<string> DeviceRows => Page.Document.QuerySelectorAll("#devices tbody tr").Select(row => row.TextContent.Trim()).ToList();

    /// <summary>The ids of the devices listed with a Remove button.</summary>
    public IReadOnlyList<Guid> DeviceIds =>
        Page.Document.QuerySelectorAll($"{RemoveDeviceForm} input[name='{DeviceIdField}']").Select(input => Guid.Parse(input.GetAttribute("value")!)).ToList();

    /// <summary>"No passkey."</summary>
    public bool SaysNoPasskeys => Page.Document.QuerySelector("#no-passkeys") is not null;

    /// <summary>The text of each listed passkey's row (name, added, synced).</summary>
    public IReadOnlyList<string> PasskeyRows => Page.Document.QuerySelectorAll("#passkeys tbody tr").Select(row => row.TextContent.Trim()).ToList();

    /// <summary>The ids of the passkeys listed (credential ids, base64url), with or without a Remove button.</summary>
    public IReadOnlyList<string> PasskeyIds =>
        Page.Document.QuerySelectorAll("#passkeys tbody tr[data-passkey-id]").Select(row => row.GetAttribute("data-passkey-id")!).ToList();

    /// <summary>Whether any passkey is listed with a Remove button.</summary>
    public bool OffersPasskeyRemoval => Page.Document.QuerySelector(RemovePasskeyForm) is not null;

    /// <summary>Remove on the passkey's row: the tab again, asking to confirm (<see cref="AdminConfirmStep"/>), or with a refusal.</summary>
    public Task<ProviderPage> AskToRemovePasskeyAsync(string passkeyId) =>
        SubmitAsync(new Dictionary<string, string> { [PasskeyIdField] = passkeyId }, formSelector: RemovePasskeyForm);

    /// <summary>Remove on the passkey's row, then confirms; where that leads.</summary>
    public async Task<ProviderPage> RemovePasskeyAsync(string passkeyId) => await AdminConfirmStep.ConfirmAsync(await AskToRemovePasskeyAsync(passkeyId));

    /// <summary>Posts Remove for <paramref name="passkeyId"/> (not yet confirmed) even when the page does not offer it.</summary>
    public Task<ProviderPage> ForgeAskToRemovePasskeyAsync(string passkeyId) =>
        AdminForgery.PostAsync(Page, PathFor(UserId), "RemovePasskey", new Dictionary<string, string> { [PasskeyIdField] = passkeyId });

    /// <summary>Posts a confirmed removal of <paramref name="passkeyId"/> even when the page does not offer it.</summary>
    public Task<ProviderPage> ForgeRemovePasskeyAsync(string passkeyId) =>
        AdminForgery.PostAsync(Page, PathFor(UserId), "RemovePasskey",
            new Dictionary<string, string> { [PasskeyIdField] = passkeyId, [ConfirmedField] = "true" });

    /// <summary>"Generate new recovery codes"; the set is shown once on the page that follows.</summary>
    public Task<ProviderPage> GenerateAsync() => SubmitAsync(formSelector: GenerateForm);

    /// <summary>"Generate new recovery codes" without following the answer (the redirect to the tab that shows the set).</summary>
    public Task<HttpResponseMessage> PostGenerateAsync() => PostAsync(formSelector: GenerateForm);

    /// <summary>Posts "Generate" even when the page does not offer it (codes turned off, a user-manager on an administrator).</summary>
    public Task<ProviderPage> ForgeGenerateAsync() => AdminForgery.PostAsync(Page, PathFor(UserId), "Generate");

    /// <summary>Posts a suspension for <paramref name="days"/> days even when the page does not offer it.</summary>
    public Task<ProviderPage> ForgeSuspendAsync(string days, string reason) =>
        AdminForgery.PostAsync(Page, PathFor(UserId), "Suspend",
            new Dictionary<string, string> { ["Suspend.Duration"] = "days", ["Suspend.Days"] = days, ["Suspend.Reason"] = reason });

    /// <summary>Posts "Forget remembered browsers" even when the page does not offer it.</summary>
    public Task<ProviderPage> ForgeForgetBrowsersAsync() => AdminForgery.PostAsync(Page, PathFor(UserId), "ForgetBrowsers");

    /// <summary>Posts "Remove" for <paramref name="deviceId"/> even when the page does not offer it.</summary>
    public Task<ProviderPage> ForgeRemoveDeviceAsync(Guid deviceId) =>
        AdminForgery.PostAsync(Page, PathFor(UserId), "RemoveDevice", new Dictionary<string, string> { [DeviceIdField] = deviceId.ToString() });

    /// <summary>Whether the tab offers any change at all (a user-manager on an administrator's tab sees none).</summary>
    public bool OffersAnyChange => Page.Document.QuerySelector("main form") is not null;

    /// <summary>The tab says that only an administrator can change this account.</summary>
    public bool SaysAdministratorsOnly => Page.Document.QuerySelector("#administrator-note") is not null;

    /// <summary>Suspends two-step sign-in for <paramref name="days"/> days (as typed), or indefinitely when null.</summary>
    public Task<ProviderPage> SuspendAsync(string? days, string reason) =>
        SubmitAsync(days is null
                ? new Dictionary<string, string> { ["Suspend.Duration"] = "indefinitely", ["Suspend.Reason"] = reason }
                : new Dictionary<string, string> { ["Suspend.Duration"] = "days", ["Suspend.Days"] = days, ["Suspend.Reason"] = reason },
            formSelector: SuspendForm);

    /// <summary>Posts the suspend form with every field as typed, the duration choice included (to test refusal).</summary>
    public Task<ProviderPage> SuspendAsTypedAsync(string duration, string days, string reason) =>
        SubmitAsync(new Dictionary<string, string> { ["Suspend.Duration"] = duration, ["Suspend.Days"] = days, ["Suspend.Reason"] = reason },
            formSelector: SuspendForm);

    public Task<ProviderPage> RestoreAsync() => SubmitAsync(formSelector: RestoreForm);

    /// <summary>Remove on the device's row (or, for an id not listed, the first row's form with that id).</summary>
    public Task<ProviderPage> RemoveDeviceAsync(Guid deviceId) => RemoveDeviceAsync(deviceId.ToString());

    /// <summary>Remove with any device id as typed (someone else's, garbage), on the first row's form.</summary>
    public Task<ProviderPage> RemoveDeviceAsync(string deviceId) =>
        SubmitAsync(new Dictionary<string, string> { [DeviceIdField] = deviceId }, formSelector: RemoveDeviceForm);

    /// <summary>"Status: on", "Status: off (no device)" or "Status: suspended until … (reason: …)".</summary>
    public string StatusText => Page.Document.QuerySelector("#two-step-status")?.TextContent.Trim() ?? "";

    /// <summary>"N browsers skip the one-time password step for this user."</summary>
    public string RememberedBrowsersText => Page.Document.QuerySelector("#remembered-browsers")?.TextContent.Trim() ?? "";

    /// <summary>"Forget remembered browsers".</summary>
    public Task<ProviderPage> ForgetBrowsersAsync() => SubmitAsync(formSelector: ForgetBrowsersForm);
}
