namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Account/EnrolTwoStep</c>: enrolment during sign-in when the policy or the relying party requires two steps.</summary>
public sealed class EnrolTwoStepPage(ProviderPage page) : PageObject(page), IPageObject<EnrolTwoStepPage>
{
    public const string Path = "/Account/EnrolTwoStep";

    private const string PostponeForm = "form[action*='handler=Postpone']";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static EnrolTwoStepPage Create(ProviderPage page) => new(page);

    /// <summary>Opens the page directly (e.g. with no sign-in pending).</summary>
    public static Task<ProviderPage> OpenAsync(ProviderClient client) => client.GetAsync(Path);

    /// <summary>Whether "Later" (postpone within the grace period) is offered.</summary>
    public bool CanPostpone => HasButton("Later") || Page.Document.QuerySelector(PostponeForm) is not null;

    /// <summary>Whether the page asks for the password (it must not: the password step is behind).</summary>
    public bool AsksForPassword => Page.Document.QuerySelector("input[name='Input.Password']") is not null;

    /// <summary>Whether the first enrolment form (name and type of the device) is shown.</summary>
    public bool ShowsBeginForm => EnrolmentForms.HasBeginForm(this);

    /// <summary>Loads the page again at its address (with the pending authorize request in its query).</summary>
    public Task<EnrolTwoStepPage> ReloadAsync() => Client.GetAsync(Page.Uri.PathAndQuery).As<EnrolTwoStepPage>();

    public Task<ProviderPage> BeginAsync(string name, string? type = null) => EnrolmentForms.BeginAsync(this, name, type);

    public Task<ProviderPage> ConfirmAsync(string firstCode, string? secondCode = null) => EnrolmentForms.ConfirmAsync(this, firstCode, secondCode);

    public string ShownSecret => EnrolmentForms.ShownSecret(this);

    /// <summary>The secret as the page shows it for manual entry: groups separated by spaces.</summary>
    public IReadOnlyList<string> ShownSecretGroups => EnrolmentForms.ShownSecretGroups(this);

    /// <summary>"Later": signs in with the password alone while the grace period lasts.</summary>
    public Task<ProviderPage> PostponeAsync() => SubmitAsync(formSelector: PostponeForm);

    /// <summary>
    /// Posts "Later" with the begin form's antiforgery token even when the page does not offer it (a forged
    /// postpone after the grace period), keeping the page's query (the pending authorize request).
    /// </summary>
    public Task<HttpResponseMessage> ForgePostponeAsync() =>
        PostAsync(formSelector: "form[action*='handler=Begin']", action: $"{Path}?handler=Postpone&{Page.Uri.Query.TrimStart('?')}");

    /// <summary>Whether the enrolment warns to check the phone's time and time zone first.</summary>
    public bool WarnsToCheckPhoneTime => Page.Document.QuerySelector("#check-phone-time") is not null;
}
