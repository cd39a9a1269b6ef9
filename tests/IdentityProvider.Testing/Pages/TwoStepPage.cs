using AngleSharp.Dom;

namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Account/TwoStep</c>: the one-time password step after the password.</summary>
public sealed class TwoStepPage(ProviderPage page) : PageObject(page), IPageObject<TwoStepPage>
{
    public const string Path = "/Account/TwoStep";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static TwoStepPage Create(ProviderPage page) => new(page);

    /// <summary>Opens the page directly: the OTP step of a pending sign-in, or (with none pending) where the provider sends instead.</summary>
    public static Task<ProviderPage> OpenAsync(ProviderClient client) => client.GetAsync(Path);

    /// <summary>The one-time password's form (the passkey's, when offered, comes first).</summary>
    private const string CodeForm = "form#one-time-password";

    public IElement CodeInput => Input("Input.Code");

    /// <summary>Whether the "Remember one-time password on this browser" checkbox is offered.</summary>
    public bool OffersRememberBrowser => Page.Document.QuerySelector("input[name='Input.RememberBrowser'][type=checkbox]") is not null;

    /// <summary>Whether the page asks for the password again (a step-up must not).</summary>
    public bool AsksForPassword => Page.Document.QuerySelector("input[name='Input.Password']") is not null;

    /// <summary>Submits a code (and, when asked, "remember this browser"); where that leads.</summary>
    public Task<ProviderPage> SubmitCodeAsync(string code, bool rememberBrowser = false) => SubmitAsync(Fields(code, rememberBrowser), CodeForm);

    /// <summary>The same, without following the answer (status, Location and cookies of that one response).</summary>
    public Task<HttpResponseMessage> PostCodeAsync(string code, bool rememberBrowser = false) => PostAsync(Fields(code, rememberBrowser), CodeForm);

    private const string PasskeyForm = "passkey-sign-in";

    /// <summary>"Use your passkey" is offered.</summary>
    public bool OffersPasskey => PasskeyForms.IsOn(Page, PasskeyForm);

    /// <summary>The one-time password's form is offered.</summary>
    public bool OffersCode => Page.Document.QuerySelector(CodeForm) is not null;

    /// <summary>"The application … asks for your passkey": only the passkey is offered (acr_values=phr).</summary>
    public bool SaysPasskeyDemanded => Page.Document.QuerySelector("#passkey-demanded") is not null;

    /// <summary>"Use your passkey" with <paramref name="answer"/> (an authenticator's answer to the options); where that leads.</summary>
    public Task<ProviderPage> UsePasskeyAsync(Func<string, string> answer, bool rememberBrowser = false) =>
        PasskeyForms.AnswerAsync(Page, PasskeyForm, answer,
            rememberBrowser ? new Dictionary<string, string> { [PasskeyForms.RememberBrowserField] = "true" } : null);

    /// <summary>The request options and state "Use your passkey" gets, for a test that answers them itself.</summary>
    public Task<(string OptionsJson, string State)> BeginPasskeyAsync() => PasskeyForms.BeginAsync(Page, PasskeyForm);

    /// <summary>A forged post of a one-time password where the page offers none (acr_values=phr), with the passkey form's antiforgery token.</summary>
    public async Task<ProviderPage> ForgeCodeAsync(string code) =>
        await Client.FollowAsync(await PostAsync(new Dictionary<string, string> { ["Input.Code"] = code }, $"form#{PasskeyForm}", Page.Uri.PathAndQuery));

    public Task<ProviderPage> PostPasskeyAnswerAsync(string credentialJson, string state) => PasskeyForms.PostAnswerAsync(Page, PasskeyForm, credentialJson, state);

    public Task<RecoveryCodePage> UseRecoveryCodeAsync() => FollowLinkAsync(RecoveryCodePage.LinkText).As<RecoveryCodePage>();

    public Task<ResyncPage> ResynchroniseAsync() => FollowLinkAsync(ResyncPage.LinkText).As<ResyncPage>();

    private static Dictionary<string, string> Fields(string code, bool rememberBrowser)
    {
        var fields = new Dictionary<string, string> { ["Input.Code"] = code };
        if (rememberBrowser)
        {
            fields["Input.RememberBrowser"] = "true";
        }

        return fields;
    }

    /// <summary>Whether the page tells a hardware token's holder to press its button with the cursor in the code field.</summary>
    public bool ShowsHardwareTokenHint => Page.Document.QuerySelector(".hardware-token-hint") is not null;
}
