namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Account/SetPassword</c>: the one-time link an administrator handed over; the new password twice.</summary>
public sealed class SetPasswordPage(ProviderPage page) : PageObject(page), IPageObject<SetPasswordPage>
{
    public const string Path = "/Account/SetPassword";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static SetPasswordPage Create(ProviderPage page) => new(page);

    /// <summary>Opens the link as handed over (absolute or relative).</summary>
    public static Task<SetPasswordPage> OpenAsync(ProviderClient client, string link) =>
        client.OpenAsync<SetPasswordPage>(Uri.TryCreate(link, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : link);

    /// <summary>The page says the link does not work (any more).</summary>
    public bool SaysLinkInvalid => Page.Document.QuerySelector("#link-invalid") is not null;

    /// <summary>The page says the password was set.</summary>
    public bool SaysPasswordSet => Page.Document.QuerySelector("#password-set") is not null;

    public bool OffersForm => Page.Document.QuerySelector("main form") is not null;

    public Task<SetPasswordPage> SetPasswordAsync(string password, string? confirmation = null) =>
        SubmitAsync(new Dictionary<string, string> { ["Input.NewPassword"] = password, ["Input.ConfirmPassword"] = confirmation ?? password })
            .As<SetPasswordPage>();
}
