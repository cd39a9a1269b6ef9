using AngleSharp.Dom;

namespace IdentityProvider.Testing.Pages;

/// <summary>
/// The two forms of an authenticator-app enrolment (Pages/Shared/_OtpEnrolmentForms): "Begin" names the device
/// and picks TOTP or HOTP; "Confirm" activates it with one TOTP code or two consecutive HOTP codes. Shared by the
/// enrolment during sign-in and the account page's "Add an authenticator app".
/// </summary>
public static class EnrolmentForms
{
    private const string BeginForm = "form[action*='handler=Begin']";
    private const string ConfirmForm = "form[action*='handler=Confirm']";

    public static bool HasBeginForm(PageObject page) => page.Page.Document.QuerySelector(BeginForm) is not null;

    public static bool HasConfirmForm(PageObject page) => page.Page.Document.QuerySelector(ConfirmForm) is not null;

    /// <summary>Names the device and chooses its type ("totp" or "hotp"; the page's default when null).</summary>
    public static Task<ProviderPage> BeginAsync(PageObject page, string name, string? type = null)
    {
        var fields = new Dictionary<string, string> { ["Enrolment.Name"] = name };
        if (type is not null)
        {
            fields["Enrolment.Type"] = type;
        }

        return page.Client.SubmitAsync(page.Page, fields, formSelector: BeginForm);
    }

    /// <summary>Activates the device shown with one code (TOTP) or two consecutive codes (HOTP).</summary>
    public static Task<ProviderPage> ConfirmAsync(PageObject page, string firstCode, string? secondCode = null)
    {
        var fields = new Dictionary<string, string> { ["Enrolment.FirstCode"] = firstCode };
        if (secondCode is not null)
        {
            fields["Enrolment.SecondCode"] = secondCode;
        }

        return page.Client.SubmitAsync(page.Page, fields, formSelector: ConfirmForm);
    }

    /// <summary>The Base32 secret the page shows for manual entry (spaces removed).</summary>
    public static string ShownSecret(PageObject page) => ShownSecretText(page).Replace(" ", "", StringComparison.Ordinal).Trim();

    /// <summary>The groups of the secret as shown for manual entry (the text split at its spaces).</summary>
    public static IReadOnlyList<string> ShownSecretGroups(PageObject page) => ShownSecretText(page).Trim().Split(' ');

    /// <summary>The otpauth:// URI behind "Open in authenticator app".</summary>
    public static string KeyUri(PageObject page) =>
        page.Page.Document.QuerySelector("#otp-key-uri")?.GetAttribute("href") ?? throw new Xunit.Sdk.XunitException($"No key URI on {page.Page.Uri}");

    public static IElement? QrCode(PageObject page) => page.Page.Document.QuerySelector("#otp-qr");

    private static string ShownSecretText(PageObject page) =>
        page.Page.Document.QuerySelector("#otp-secret")?.TextContent
            ?? throw new Xunit.Sdk.XunitException($"No secret shown on {page.Page.Uri}: {page.Alerts}");
}
