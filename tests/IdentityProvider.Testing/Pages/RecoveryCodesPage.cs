namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Manage/RecoveryCodes</c>: how many codes remain; a new set after the password.</summary>
public sealed class RecoveryCodesPage(ProviderPage page) : PageObject(page), IPageObject<RecoveryCodesPage>
{
    public const string Path = "/Manage/RecoveryCodes";

    private const string PasswordField = "Input.Password";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static RecoveryCodesPage Create(ProviderPage page) => new(page);

    /// <summary>Opens the section; with recovery codes turned off the provider answers 404.</summary>
    public static Task<ProviderPage> OpenAsync(ProviderClient client) => client.GetAsync(Path);

    /// <summary>"You have N unused recovery codes left of M."</summary>
    public string RemainingText => Page.Document.QuerySelector("#recovery-codes-remaining")?.TextContent.Trim() ?? "";

    /// <summary>The warning shown at 3 or fewer codes, or "" when there is none.</summary>
    public string LowWarning => Page.Document.QuerySelector("#recovery-codes-low")?.TextContent.Trim() ?? "";

    /// <summary>Whether the warning shown at 3 or fewer codes is on the page.</summary>
    public bool ShowsLowWarning => Page.Document.QuerySelector("#recovery-codes-low") is not null;

    /// <summary>"Two-step sign-in is off": no device, so no codes are offered.</summary>
    public bool SaysNoDevice => Page.Document.QuerySelector("#recovery-codes-no-device") is not null;

    /// <summary>Whether the password form that generates a new set is offered.</summary>
    public bool OffersGenerate => Page.Document.QuerySelector($"input[name='{PasswordField}']") is not null;

    /// <summary>"Generate new codes" with the password; a new set leads to <see cref="ShowRecoveryCodesPage"/>.</summary>
    public Task<ProviderPage> GenerateAsync(string password) => SubmitAsync(Fields(password));

    /// <summary>The same, without following the answer (its status and cookies).</summary>
    public Task<HttpResponseMessage> PostGenerateAsync(string password) => PostAsync(Fields(password));

    /// <summary>
    /// Posts "Generate new codes" with the form (and antiforgery token) of <paramref name="withToken"/>, for when
    /// this page offers no form (a forged post); follows the answer.
    /// </summary>
    public static async Task<ProviderPage> ForgeGenerateAsync(PageObject withToken, string password) =>
        await withToken.Client.FollowAsync(await withToken.Client.PostFormAsync(withToken.Page, Fields(password), action: Path));

    private static Dictionary<string, string> Fields(string password) => new() { [PasswordField] = password };
}
