using IdentityProvider.Testing.Pages;
using MimeKit;

namespace IdentityProvider.Testing.Stories;

/// <summary>The steps of the e-mail tests: ask for a reset link and read it from the mail that arrived.</summary>
public static class MailStories
{
    /// <summary>The subject of the reset mail starts so (followed by the product name).</summary>
    public const string ResetSubject = "Reset your";

    /// <summary>Asks for a reset link at the "Forgot your password?" page (reached from the sign-in page) and returns the link of the new mail.</summary>
    public static async Task<string> RequestResetLinkAsync(ProviderClient client, MailCatcher mail, string email)
    {
        var before = mail.To(email).Count(IsReset);
        var login = await LoginPage.OpenAsync(client);
        var forgot = await login.FollowLinkAsync(ForgotPasswordPage.LinkText).As<ForgotPasswordPage>();
        await forgot.RequestAsync(email);
        var mails = await mail.WaitForAsync(email, IsReset, before + 1);
        return ResetLinkOf(mails[^1]);
    }

    public static bool IsReset(MimeMessage message) => (message.Subject ?? "").StartsWith(ResetSubject, StringComparison.Ordinal);

    /// <summary>The reset link in the mail's text.</summary>
    public static string ResetLinkOf(MimeMessage message)
    {
        var link = message.LinkStartingWith("http");
        if (!link.Contains(ResetPasswordPage.Path, StringComparison.Ordinal))
        {
            throw new Xunit.Sdk.XunitException($"The reset mail holds no reset link: {message.Text()}");
        }

        SuiteSecrets.RememberLink(link);
        return link;
    }

    /// <summary>Whether the mail is the security notice whose subject ends with <paramref name="title"/>.</summary>
    public static Func<MimeMessage, bool> Notice(string title) => message => (message.Subject ?? "").EndsWith(title, StringComparison.Ordinal);
}
