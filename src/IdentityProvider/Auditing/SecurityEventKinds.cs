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
    public const string OtpFailed = "sign-in.otp-failed";
    public const string OtpResynchronised = "otp.resynchronised";
    public const string DeviceAdded = "two-step.device-added";
    public const string DeviceRemoved = "two-step.device-removed";
    public const string BrowsersForgotten = "two-step.browsers-forgotten";
    public const string RecoveryCodeUsed = "sign-in.recovery-code-used";
    public const string RecoveryCodeFailed = "sign-in.recovery-code-failed";
    public const string RecoveryCodesGenerated = "recovery-codes.generated";
    public const string TwoStepSuspended = "two-step.suspended-by-admin";
    public const string TwoStepRestored = "two-step.restored-by-admin";
    public const string TokenCreated = "token.created";
    public const string TokenRevoked = "token.revoked";
    public const string TokenExchangeFailed = "token.exchange-failed";
    public const string TokenPermissionChanged = "token.permission-changed";
}
