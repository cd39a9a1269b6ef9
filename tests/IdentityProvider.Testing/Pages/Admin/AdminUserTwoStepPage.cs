namespace IdentityProvider.Testing.Pages.Admin;

/// <summary>
/// <c>/admin/users/{id}/two-step</c>: for a user who lost the device: new recovery codes (shown once to the
/// administrator), suspend or restore two-step sign-in, remove a device.
/// </summary>
public sealed class AdminUserTwoStepPage(ProviderPage page) : PageObject(page), IPageObject<AdminUserTwoStepPage>
{
    public static string PathFor(string userId) => $"/admin/users/{Uri.EscapeDataString(userId)}/two-step";

    public static bool IsAt(string path) => path.StartsWith("/admin/users/", StringComparison.OrdinalIgnoreCase) && path.EndsWith("/two-step", StringComparison.OrdinalIgnoreCase);

    public static AdminUserTwoStepPage Create(ProviderPage page) => new(page);

    public static Task<AdminUserTwoStepPage> OpenAsync(ProviderClient client, string userId) => client.OpenAsync<AdminUserTwoStepPage>(PathFor(userId));

    /// <summary>Opens the tab for any id (unknown, or as a non-administrator): the answer as it is.</summary>
    public static Task<ProviderPage> TryOpenAsync(ProviderClient client, string userId) => client.GetAsync(PathFor(userId));

    /// <summary>The codes of a set just generated, shown this once (empty otherwise).</summary>
    public IReadOnlyList<string> IssuedCodes => RecoveryCodeList.Codes(Page);

    public bool OffersGenerate => Page.Document.QuerySelector(GenerateForm) is not null;

    public bool OffersRestore => Page.Document.QuerySelector(RestoreForm) is not null;

    /// <summary>The ids of the devices listed with a Remove button.</summary>
    public IReadOnlyList<Guid> DeviceIds =>
        Page.Document.QuerySelectorAll("form.remove-device input[name='DeviceId']").Select(input => Guid.Parse(input.GetAttribute("value")!)).ToList();

    /// <summary>"Generate new recovery codes"; the set is shown once on the page that follows.</summary>
    public Task<ProviderPage> GenerateAsync() => SubmitAsync(formSelector: GenerateForm);

    /// <summary>Posts "Generate" with this page's antiforgery token even when the page does not offer it (e.g. codes turned off).</summary>
    public async Task<ProviderPage> ForgeGenerateAsync() =>
        await Client.FollowAsync(await PostAsync(formSelector: "main form", action: PathFor(UserIdFromPath) + "?handler=Generate"));

    /// <summary>Suspends two-step sign-in for <paramref name="days"/> days (as typed), or indefinitely when null.</summary>
    public Task<ProviderPage> SuspendAsync(string? days, string reason) =>
        SubmitAsync(days is null
                ? new Dictionary<string, string> { ["Suspend.Duration"] = "indefinitely", ["Suspend.Reason"] = reason }
                : new Dictionary<string, string> { ["Suspend.Duration"] = "days", ["Suspend.Days"] = days, ["Suspend.Reason"] = reason },
            formSelector: "form#suspend");

    public Task<ProviderPage> RestoreAsync() => SubmitAsync(formSelector: RestoreForm);

    /// <summary>Remove on the device's row (or, for an id not listed, the first row's form with that id).</summary>
    public Task<ProviderPage> RemoveDeviceAsync(Guid deviceId) =>
        SubmitAsync(new Dictionary<string, string> { ["DeviceId"] = deviceId.ToString() }, formSelector: "form.remove-device");

    private const string GenerateForm = "form#generate-codes";
    private const string RestoreForm = "form#restore";

    private string UserIdFromPath => Uri.UnescapeDataString(Page.Uri.AbsolutePath.Split('/')[3]);
}
