namespace IdentityProvider.Sessions;

/// <summary>RFC 8176 <c>amr</c> values and the <c>acr</c> levels the provider issues.</summary>
public static class AuthenticationMethods
{
    public const string Password = "pwd";
    public const string OneTimePassword = "otp";
    public const string MultiFactor = "mfa";
    public const string Federated = "fed";

    /// <summary>A passkey: a hardware-secured key proved possession (RFC 8176 <c>hwk</c>), as the first or the second step.</summary>
    public const string HardwareKey = "hwk";

    /// <summary>The authenticator verified the user (PIN or biometric, RFC 8176 <c>user</c>): only in a passwordless sign-in, where it stands for the second factor.</summary>
    public const string UserPresenceVerified = "user";

    /// <summary><c>acr</c> when a passkey proved one of the two steps: phishing-resistant, and two steps as <c>mfa</c> is.</summary>
    public const string PhishingResistantLevel = "phr";

    /// <summary><c>acr</c> when both steps ran in this sign-in.</summary>
    public const string MultiFactorLevel = "mfa";

    /// <summary><c>acr</c> for everything else.</summary>
    public const string PasswordLevel = "pwd";

    /// <summary>
    /// An <c>acr_values</c> entry only: the user in person. A session an administrator opened as the user is then refused
    /// (<c>access_denied</c>); tokens never carry it.
    /// </summary>
    public const string InPersonLevel = "in-person";

    /// <summary>Whether <paramref name="method"/> can prove the first step: a password, an external provider, or a passkey.</summary>
    public static bool IsFirstStep(string method) => method is Password or Federated or HardwareKey;
}
