namespace IdentityProvider.Sessions;

/// <summary>RFC 8176 <c>amr</c> values and the two <c>acr</c> levels the provider issues.</summary>
public static class AuthenticationMethods
{
    public const string Password = "pwd";
    public const string OneTimePassword = "otp";
    public const string MultiFactor = "mfa";
    public const string Federated = "fed";

    /// <summary><c>acr</c> when both steps ran in this sign-in.</summary>
    public const string MultiFactorLevel = "mfa";

    /// <summary><c>acr</c> for everything else.</summary>
    public const string PasswordLevel = "pwd";

    /// <summary>
    /// An <c>acr_values</c> entry only: the user in person. A session an administrator opened as the user is then refused
    /// (<c>access_denied</c>); tokens never carry it.
    /// </summary>
    public const string InPersonLevel = "in-person";
}
