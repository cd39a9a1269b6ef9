using AngleSharp.Dom;

namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Account/Login</c>: the password step.</summary>
public sealed class LoginPage(ProviderPage page) : PageObject(page), IPageObject<LoginPage>
{
    public const string Path = "/Account/Login";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static LoginPage Create(ProviderPage page) => new(page);

    /// <summary>Opens the sign-in page directly, with no relying party waiting.</summary>
    public static Task<LoginPage> OpenAsync(ProviderClient client) => client.OpenAsync<LoginPage>(Path);

    /// <summary>Opens a relying party's authorize URL and lands on the password step.</summary>
    public static Task<LoginPage> OpenAsync(ProviderClient client, AuthorizationRequest request) => client.OpenAsync<LoginPage>(request.ToUrl());

    public IElement EmailInput => Input("Input.Email");

    private const string PasskeyForm = "passkey-sign-in";

    /// <summary>"Sign in with a passkey" is offered.</summary>
    public bool OffersPasskey => PasskeyForms.IsOn(Page, PasskeyForm);

    /// <summary>The e-mail field offers the browser's passkeys in its autofill (conditional UI).</summary>
    public bool OffersPasskeyAutofill => EmailInput.GetAttribute("autocomplete")?.Split(' ').Contains("webauthn") == true;

    /// <summary>"Sign in with a passkey" with <paramref name="answer"/> (an authenticator's answer to the options); where that leads.</summary>
    public Task<ProviderPage> SignInWithPasskeyAsync(Func<string, string> answer) => PasskeyForms.AnswerAsync(Page, PasskeyForm, answer);

    /// <summary>The request options and state "Sign in with a passkey" gets, for a test that answers them itself.</summary>
    public Task<(string OptionsJson, string State)> BeginPasskeyAsync() => PasskeyForms.BeginAsync(Page, PasskeyForm);

    /// <summary>Asks for passwordless options where the page offers none (a forged post with the password form's token): the status.</summary>
    public async Task<System.Net.HttpStatusCode> ForgePasskeyOptionsAsync()
    {
        using var response = await PostAsync(action: Path + "?handler=PasskeyOptions");
        return response.StatusCode;
    }

    public Task<ProviderPage> PostPasskeyAnswerAsync(string credentialJson, string state) => PasskeyForms.PostAnswerAsync(Page, PasskeyForm, credentialJson, state);

    public IElement PasswordInput => Input("Input.Password");

    /// <summary>The items of the validation summary, one per refused field.</summary>
    public IReadOnlyList<string> AlertItems =>
        Page.Document.QuerySelectorAll("[role=alert] li").Select(item => item.TextContent.Trim()).Where(text => text.Length > 0).ToList();

    /// <summary>Submits e-mail and password; where that leads (OTP step, enrolment, the relying party, this page with an error).</summary>
    public Task<ProviderPage> SignInAsync(string email, string password) => SubmitAsync(Fields(email, password));

    /// <summary>The same, without following the answer (status, Location and cookies of that one response).</summary>
    public Task<HttpResponseMessage> PostSignInAsync(string email, string password) => PostAsync(Fields(email, password));

    /// <summary>The "Sign in with …" buttons below the password form, by their text.</summary>
    public IReadOnlyList<string> ExternalButtons =>
        Page.Document.QuerySelectorAll("form#external-providers button").Select(button => button.TextContent.Trim()).ToList();

    /// <summary>The message the page opens with (an expired sign-in, a failed external sign-in…), or "".</summary>
    public string ErrorText => Page.Document.QuerySelector("#sign-in-error")?.TextContent.Trim() ?? "";

    /// <summary>Presses "Sign in with {providerName}"; where that leads (a redirect to the upstream, or this page with a message).</summary>
    public Task<ProviderPage> SignInWithAsync(string providerName)
    {
        var button = Page.Document.QuerySelectorAll("form#external-providers button")
            .FirstOrDefault(candidate => candidate.TextContent.Trim() == $"Sign in with {providerName}")
            ?? throw new Xunit.Sdk.XunitException($"No \"Sign in with {providerName}\" on {Page.Uri}: {Page.Text.Trim()}");
        return Client.SubmitAsync(Page, button: (button.GetAttribute("name")!, button.GetAttribute("value")!), formSelector: "form#external-providers");
    }

    private static Dictionary<string, string> Fields(string email, string password) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = password };
}
