namespace IdentityProvider.Auditing;

/// <summary>Names of security log events: stable strings that operators filter on.</summary>
public static class SecurityEventKinds
{
    public const string SignInSucceeded = "sign-in.succeeded";
    public const string PasswordFailed = "sign-in.password-failed";
    public const string LockedOut = "sign-in.locked-out";
    public const string SignInThrottled = "sign-in.throttled";
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
    public const string TokenUsed = "token.used";
    public const string AdminCodeConfirmed = "admin.code-confirmed";
    public const string UserCreated = "user.created";
    public const string UserUpdated = "user.updated";
    public const string UserDeleted = "user.deleted";
    public const string UserLocked = "user.locked";
    public const string UserUnlocked = "user.unlocked";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string SignedOutEverywhere = "user.signed-out-everywhere";
    public const string PasswordReset = "password.reset-by-admin";
    public const string PasswordLinkIssued = "password.link-issued";
    public const string PasswordSetByLink = "password.set-by-link";
    public const string PasswordResetRequested = "password.reset-requested";
    public const string PasswordResetByEmail = "password.reset-by-email";
    public const string NotificationsChanged = "notifications.changed";
    public const string ProfileChanged = "profile.changed";
    public const string BrowsersForgottenByAdmin = "two-step.browsers-forgotten-by-admin";
    public const string PolicyChanged = "policy.changed";
    public const string ClientCreated = "client.created";
    public const string ClientUpdated = "client.updated";
    public const string ClientDeleted = "client.deleted";
    public const string ClientSecretRotated = "client.secret-rotated";
    public const string ScopeCreated = "scope.created";
    public const string ScopeUpdated = "scope.updated";
    public const string ScopeDeleted = "scope.deleted";
    public const string HardwareTokenRegistered = "hardware-token.registered";
    public const string HardwareTokensImported = "hardware-token.imported";
    public const string HardwareTokenAssigned = "hardware-token.assigned";
    public const string HardwareTokenUnassigned = "hardware-token.unassigned";
    public const string HardwareTokenDisabled = "hardware-token.disabled";
    public const string HardwareTokenEnabled = "hardware-token.enabled";
    public const string HardwareTokenLost = "hardware-token.lost";
    public const string HardwareTokenDeleted = "hardware-token.deleted";
    public const string HardwareTokenIdentified = "hardware-token.identified";
    public const string ExternalSignInFailed = "sign-in.external-failed";
    public const string ExternalSignInRefused = "sign-in.external-refused";
    public const string ExternalLoginLinked = "external-login.linked";
    public const string ExternalLoginUnlinked = "external-login.unlinked";

    /// <summary>A passkey (WebAuthn credential) added to the account, removed from it, and used as a sign-in step.</summary>
    public const string PasskeyAdded = "passkey.added";
    public const string PasskeyRemoved = "passkey.removed";
    public const string PasskeyUsed = "passkey.used";
    public const string PasskeyFailed = "sign-in.passkey-failed";

    /// <summary>An administrator signed in as the user (the actor), and that session's end: on the user's account.</summary>
    public const string ImpersonationStarted = "impersonation.started";
    public const string ImpersonationEnded = "impersonation.ended";

    /// <summary>The same two, on the administrator's account.</summary>
    public const string SignedInAsUser = "impersonation.signed-in-as-user";
    public const string SignedInAsUserEnded = "impersonation.signed-in-as-user-ended";

    /// <summary>Every kind, sorted: what the security log's filter offers.</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. typeof(SecurityEventKinds).GetFields().Where(field => field.IsLiteral).Select(field => (string)field.GetRawConstantValue()!).Order(StringComparer.Ordinal)];
}
