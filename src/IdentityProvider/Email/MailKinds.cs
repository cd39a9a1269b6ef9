namespace IdentityProvider.Email;

/// <summary>What an outbox mail is about, besides security notifications (which carry their event's kind).</summary>
public static class MailKinds
{
    public const string PasswordReset = "password-reset";
    public const string SetPasswordLink = "set-password-link";
}
