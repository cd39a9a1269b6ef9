namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Account/RecoveryCode</c>: a recovery code instead of the one-time password.</summary>
public sealed class RecoveryCodePage(ProviderPage page) : PageObject(page), IPageObject<RecoveryCodePage>
{
    public const string Path = "/Account/RecoveryCode";

    /// <summary>The OTP page's link to this page.</summary>
    public const string LinkText = "Use a recovery code";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static RecoveryCodePage Create(ProviderPage page) => new(page);

    /// <summary>Opens the page directly (e.g. with no sign-in pending).</summary>
    public static Task<ProviderPage> OpenAsync(ProviderClient client) => client.GetAsync(Path);

    public Task<ProviderPage> SubmitCodeAsync(string code) => SubmitAsync(new Dictionary<string, string> { ["Input.Code"] = code });

    public Task<HttpResponseMessage> PostCodeAsync(string code) => PostAsync(new Dictionary<string, string> { ["Input.Code"] = code });
}
