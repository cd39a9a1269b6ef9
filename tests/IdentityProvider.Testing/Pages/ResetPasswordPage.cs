namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Account/ResetPassword</c>: the e-mailed link; the new password twice and, for two-step users, a code.</summary>
public sealed class ResetPasswordPage(ProviderPage page) : PageObject(page), IPageObject<ResetPasswordPage>
{
    public const string Path = "/Account/ResetPassword";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static ResetPasswordPage Create(ProviderPage page) => new(page);

    /// <summary>Opens the link as mailed (absolute).</summary>
    public static Task<ResetPasswordPage> OpenAsync(ProviderClient client, string link) =>
        client.OpenAsync<ResetPasswordPage>(Uri.TryCreate(link, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : link);

    /// <summary>The same link with its code altered (a tampered link).</summary>
    public static string Tampered(string link) => link.Replace("code=", "code=AAAA", StringComparison.Ordinal);

    public bool SaysLinkInvalid => Page.Document.QuerySelector("#link-invalid") is not null;

    public bool SaysPasswordReset => Page.Document.QuerySelector("#password-reset") is not null;

    public bool OffersForm => Page.Document.QuerySelector("main form") is not null;

    /// <summary>The form asks for a one-time password or a recovery code.</summary>
    public bool AsksForCode => Page.Document.QuerySelector("input[name='Input.SecondStepCode']") is not null;

    public Task<ResetPasswordPage> ResetAsync(string password, string? code = null, string? confirmation = null)
    {
        var fields = new Dictionary<string, string> { ["Input.NewPassword"] = password, ["Input.ConfirmPassword"] = confirmation ?? password };
        if (code is not null)
        {
            fields["Input.SecondStepCode"] = code;
        }

        return SubmitAsync(fields).As<ResetPasswordPage>();
    }
}
