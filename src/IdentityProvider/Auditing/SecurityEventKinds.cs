namespace IdentityProvider.Auditing;

/// <summary>Names of security log events: stable strings that operators filter on.</summary>
public static class SecurityEventKinds
{
    public const string SignInSucceeded = "sign-in.succeeded";
    public const string PasswordFailed = "sign-in.password-failed";
    public const string LockedOut = "sign-in.locked-out";
    public const string SignedOut = "sign-out";
    public const string PasswordChanged = "password.changed";
    public const string ConsentGranted = "consent.granted";
    public const string ConsentDenied = "consent.denied";
}
