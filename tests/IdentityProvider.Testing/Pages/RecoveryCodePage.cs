namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Account/RecoveryCode</c>: a recovery code instead of the one-time password.</summary>
public sealed class RecoveryCodePage(ProviderPage page) : PageObject(page), IPageObject<RecoveryCodePage>
{
    public const string Path = "/Account/RecoveryCode";

    /// <summary>The OTP page's link to this page.</summary>
    public const string LinkText = "Use a recovery code";

    /// <summary>This page's link back to the OTP page.</summary>
    public const string BackLinkText = "Back to the one-time password";

    /// <summary>The one answer to an unknown, a spent and a voided code (in English).</summary>
    public const string NotValid = "This recovery code is not valid. Each code works once, and only the codes of your latest set work.";

    private const string CodeField = "Input.Code";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static RecoveryCodePage Create(ProviderPage page) => new(page);

    /// <summary>Opens the page directly (e.g. with no sign-in pending).</summary>
    public static Task<ProviderPage> OpenAsync(ProviderClient client) => client.GetAsync(Path);

    /// <summary>Whether the code input is offered (not when recovery codes are turned off).</summary>
    public bool OffersCodeInput => Page.Document.QuerySelector($"input[name='{CodeField}']") is not null;

    public Task<ProviderPage> SubmitCodeAsync(string code) => SubmitAsync(Fields(code));

    public Task<HttpResponseMessage> PostCodeAsync(string code) => PostAsync(Fields(code));

    /// <summary>"Back to the one-time password": the OTP page of the pending sign-in.</summary>
    public Task<TwoStepPage> BackToOneTimePasswordAsync() => FollowLinkAsync(BackLinkText).As<TwoStepPage>();

    /// <summary>
    /// Posts a code to this page with the form (and antiforgery token) of <paramref name="withToken"/>, for when
    /// this page renders no form to submit (a forged post); follows the answer.
    /// </summary>
    public static async Task<ProviderPage> ForgeSubmitCodeAsync(PageObject withToken, string code) =>
        await withToken.Client.FollowAsync(await withToken.Client.PostFormAsync(withToken.Page, Fields(code), action: Path));

    private static Dictionary<string, string> Fields(string code) => new() { [CodeField] = code };
}
