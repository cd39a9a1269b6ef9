using System.Net;
using System.Text.Json;

namespace IdentityProvider.Testing.Pages;

/// <summary>
/// The browser's part of a passkey form (the provider's <c>_PasskeyForm</c> and <c>passkeys.js</c>) as a test plays it:
/// ask the form's options address with the form's own fields (antiforgery token included), let a software authenticator
/// answer the options, and post the answer and the ceremony's state with the form.
/// </summary>
public static class PasskeyForms
{
    public const string CredentialField = "Passkey.Credential";
    public const string StateField = "Passkey.State";
    public const string NameField = "Passkey.Name";
    public const string RememberBrowserField = "Passkey.RememberBrowser";

    public static bool IsOn(ProviderPage page, string formId) => page.Document.QuerySelector(Selector(formId)) is not null;

    /// <summary>What the form's options address answers: the WebAuthn options (JSON) and the ceremony's state.</summary>
    public static async Task<(string OptionsJson, string State)> BeginAsync(ProviderPage page, string formId)
    {
        var form = page.Document.QuerySelector(Selector(formId))
            ?? throw new Xunit.Sdk.XunitException($"No passkey form #{formId} on {page.Uri}: {page.Text.Trim()}");
        using var response = await page.Client.PostFormAsync(page, formSelector: Selector(formId), action: form.GetAttribute("data-passkey-options"));
        Xunit.Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (answer.RootElement.GetProperty("options").GetRawText(), answer.RootElement.GetProperty("state").GetString()!);
    }

    /// <summary>Runs the ceremony: options, <paramref name="authenticator"/>'s answer to them, the form posted; where that leads.</summary>
    public static async Task<ProviderPage> AnswerAsync(
        ProviderPage page, string formId, Func<string, string> authenticator, IReadOnlyDictionary<string, string>? fields = null)
    {
        var (options, state) = await BeginAsync(page, formId);
        return await PostAnswerAsync(page, formId, authenticator(options), state, fields);
    }

    /// <summary>Posts an answer the test made itself (a replay, a forgery) with <paramref name="state"/>.</summary>
    public static Task<ProviderPage> PostAnswerAsync(
        ProviderPage page, string formId, string credentialJson, string state, IReadOnlyDictionary<string, string>? fields = null)
    {
        var values = new Dictionary<string, string>(fields ?? new Dictionary<string, string>())
        {
            [CredentialField] = credentialJson,
            [StateField] = state,
        };
        return page.Client.SubmitAsync(page, values, formSelector: Selector(formId));
    }

    private static string Selector(string formId) => $"form#{formId}[data-passkey]";
}
