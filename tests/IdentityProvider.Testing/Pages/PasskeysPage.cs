using IdentityProvider.Testing.Stories;

namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Manage/Passkeys</c>: the user's passkeys, with Add (the browser's dialog), Rename and Remove.</summary>
public sealed class PasskeysPage(ProviderPage page) : PageObject(page), IPageObject<PasskeysPage>
{
    public const string Path = "/Manage/Passkeys";

    private const string AddForm = "add-passkey";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static PasskeysPage Create(ProviderPage page) => new(page);

    public static Task<PasskeysPage> OpenAsync(ProviderClient client) => client.OpenAsync<PasskeysPage>(Path);

    /// <summary>The credential ids of the passkeys listed.</summary>
    public IReadOnlyList<string> PasskeyIds =>
        Page.Document.QuerySelectorAll("#passkeys tr[data-passkey-id]").Select(row => row.GetAttribute("data-passkey-id")!).ToList();

    /// <summary>The text of each listed passkey's row (name, added, synced or on one device).</summary>
    public IReadOnlyList<string> PasskeyRows =>
        Page.Document.QuerySelectorAll("#passkeys tr[data-passkey-id]").Select(row => row.TextContent.Trim()).ToList();

    public bool OffersAdding => PasskeyForms.IsOn(Page, AddForm);

    /// <summary>"The application you are signing in to asks for a passkey": shown when a relying party asked for one (acr_values=phr).</summary>
    public bool SaysPasskeyDemanded => Page.Document.QuerySelector("#passkey-demanded") is not null;

    /// <summary>Adds <paramref name="authenticator"/>'s new passkey under <paramref name="name"/> (blank: the default); where that leads.</summary>
    public Task<ProviderPage> AddAsync(TestPasskey authenticator, string name = "", string? origin = null) =>
        PasskeyForms.AnswerAsync(Page, AddForm, options => authenticator.Create(options, origin), new Dictionary<string, string> { [PasskeyForms.NameField] = name });

    /// <summary>The creation options and state the page's Add form gets, for a test that answers them itself.</summary>
    public Task<(string OptionsJson, string State)> BeginAddingAsync() => PasskeyForms.BeginAsync(Page, AddForm);

    public Task<ProviderPage> PostAddAnswerAsync(string credentialJson, string state) => PasskeyForms.PostAnswerAsync(Page, AddForm, credentialJson, state);

    public Task<ProviderPage> RenameAsync(string passkeyId, string name) =>
        Client.SubmitAsync(Page, new Dictionary<string, string> { ["Rename.Id"] = passkeyId, ["Rename.Name"] = name }, formSelector: "form#rename-passkey");

    public Task<RemovePasskeyPage> RemoveAsync(string passkeyId) => RemovePasskeyPage.OpenAsync(Client, passkeyId);
}

/// <summary><c>/Manage/Passkeys/Remove/{id}</c>: removes a passkey after the password.</summary>
public sealed class RemovePasskeyPage(ProviderPage page) : PageObject(page), IPageObject<RemovePasskeyPage>
{
    public const string PathPrefix = "/Manage/Passkeys/Remove/";

    public static string PathFor(string credentialId) => PathPrefix + Uri.EscapeDataString(credentialId);

    public static bool IsAt(string path) => path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase);

    public static RemovePasskeyPage Create(ProviderPage page) => new(page);

    public static Task<RemovePasskeyPage> OpenAsync(ProviderClient client, string passkeyId) => client.OpenAsync<RemovePasskeyPage>(PathFor(passkeyId));

    /// <summary>Opens the page for any id (another user's passkey, a malformed id): the answer as it is.</summary>
    public static Task<ProviderPage> TryOpenAsync(ProviderClient client, string passkeyId) => client.GetAsync(PathFor(passkeyId));

    public Task<ProviderPage> RemoveAsync(string password) => SubmitAsync(new Dictionary<string, string> { ["Input.Password"] = password });
}
