using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Manage/Tokens/Create</c>: label, expiry, scopes; the new token is shown once.</summary>
public sealed class CreateTokenPage(ProviderPage page) : PageObject(page), IPageObject<CreateTokenPage>
{
    public const string Path = "/Manage/Tokens/Create";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static CreateTokenPage Create(ProviderPage page) => new(page);

    /// <summary>Opens the form; without permission for tokens the provider refuses it (see <see cref="TryOpenAsync"/>).</summary>
    public static Task<CreateTokenPage> OpenAsync(ProviderClient client) => client.OpenAsync<CreateTokenPage>(Path);

    public static Task<ProviderPage> TryOpenAsync(ProviderClient client) => client.GetAsync(Path);

    /// <summary>The token just created (shown once), or null on the form.</summary>
    public string? NewToken => ShownTokenOn(Page);

    /// <summary>The field showing the new token (read-only, labelled), or null on the form.</summary>
    public IElement? NewTokenInput => Page.Document.QuerySelector(NewTokenSelector);

    /// <summary>The element the "Copy" button copies from (its <c>data-copy-target</c>), or null without the button.</summary>
    public string? CopyButtonTarget => Page.Document.QuerySelector("button#copy-token")?.GetAttribute("data-copy-target");

    /// <summary>Whether the page loads the script behind "Copy" (an external file: the CSP forbids inline script).</summary>
    /// <summary>The field the "Show" button reveals (the token is hidden behind dots until then, when scripts run).</summary>
    public string? RevealButtonTarget => Page.Document.QuerySelector("button#show-token")?.GetAttribute("data-reveal-target");

    /// <summary>Where a successful copy goes on to, followed as the script does.</summary>
    public Task<ProviderPage> FollowCopyAsync() =>
        Client.GetAsync(Page.Document.QuerySelector("button#copy-token")?.GetAttribute("data-copied-href")
            ?? throw new Xunit.Sdk.XunitException("The copy button goes nowhere after copying."));

    public bool LoadsCopyScript => Page.Document.QuerySelector("script[src^='/js/copy.js']") is not null;

    /// <summary>Where "Done", under the token shown once, leads (null on the form).</summary>
    public string? DoneLink => Page.Document.QuerySelector("a#close")?.GetAttribute("href");

    public bool ShowsForm => Page.Document.QuerySelector("main form input[name='Input.Label']") is not null;

    public IElement LabelInput => Input("Input.Label");

    public IElement ExpiresInDaysInput => Input("Input.ExpiresInDays");

    /// <summary>Whether the "No expiry" checkbox is offered (no maximum lifetime).</summary>
    public bool OffersNoExpiry => Page.Document.QuerySelector("input[name='Input.NoExpiry'][type=checkbox]") is not null;

    /// <summary>The scopes offered as checkboxes.</summary>
    public IReadOnlyList<string> OfferedScopes =>
        Page.Document.QuerySelectorAll("input[name='Input.Scopes']").Select(input => input.GetAttribute("value") ?? "").ToList();

    /// <summary>The token shown once on whatever page a request ended (null when none is: the form, another page).</summary>
    public static string? ShownTokenOn(ProviderPage page)
    {
        var token = page.Document.QuerySelector(NewTokenSelector)?.GetAttribute("value");
        SuiteSecrets.Remember(SuiteSecrets.PersonalAccessToken, token);
        return token;
    }

    /// <summary>Submits <paramref name="form"/>; ends on this page (the token shown once, or the form with its errors).</summary>
    public async Task<CreateTokenPage> SubmitAsync(TokenForm form) => (await TrySubmitAsync(form)).As<CreateTokenPage>();

    /// <summary>Submits <paramref name="form"/> and follows the answer wherever it leads (a refused user: the token list).</summary>
    public async Task<ProviderPage> TrySubmitAsync(TokenForm form) => await Client.FollowAsync(await PostAsync(form));

    /// <summary>
    /// Posts exactly the fields of <paramref name="form"/> (a scope per checkbox, nothing left out is filled in) with
    /// the form's hidden fields (antiforgery token), as a hand-made request would; does not follow the answer.
    /// </summary>
    public Task<HttpResponseMessage> PostAsync(TokenForm form)
    {
        var html = Page.Document.QuerySelector("main form[method=post]") as IHtmlFormElement
            ?? throw new InvalidOperationException($"No create form on {Page.Uri}: {Page.Text.Trim()}");
        var values = new List<KeyValuePair<string, string>>();
        // Fields first: a checkbox's "true" must precede the hidden "false" that Razor adds for it.
        if (form.Label is not null)
        {
            values.Add(new("Input.Label", form.Label));
        }

        if (form.ExpiresInDays is not null)
        {
            values.Add(new("Input.ExpiresInDays", form.ExpiresInDays));
        }

        if (form.NoExpiry)
        {
            values.Add(new("Input.NoExpiry", "true"));
        }

        values.AddRange(form.Scopes.Select(scope => new KeyValuePair<string, string>("Input.Scopes", scope)));
        values.AddRange(html.Elements.OfType<IHtmlInputElement>()
            .Where(input => input.Type == "hidden" && !string.IsNullOrEmpty(input.Name))
            .Select(input => new KeyValuePair<string, string>(input.Name!, input.Value)));
        return Client.Http.PostAsync(Path, new FormUrlEncodedContent(values));
    }

    internal const string NewTokenSelector = "input#new-token";
}

/// <summary>What a user enters on "Create token"; null leaves a field out of the request.</summary>
public sealed record TokenForm(string? Label, string? ExpiresInDays = "30", bool NoExpiry = false, params string[] Scopes)
{
    /// <summary>A valid token for the <c>api</c> scope, 30 days.</summary>
    public static TokenForm Valid(string label) => new(label, "30", false, "api");
}
