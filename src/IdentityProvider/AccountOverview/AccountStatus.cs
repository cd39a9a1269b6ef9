namespace IdentityProvider.AccountOverview;

/// <summary>Where two-step sign-in stands for the user.</summary>
public enum TwoStepState
{
    /// <summary>No active device or usable passkey: the password alone signs in.</summary>
    Off,

    /// <summary>At least one active device or passkey: the second step follows the password.</summary>
    On,

    /// <summary>An administrator suspended it (lost device): the password alone signs in until it ends.</summary>
    Suspended,
}

/// <summary>The state of each section of the account page, read in two round trips (<see cref="AccountStatusReader"/>).</summary>
/// <param name="PhoneNumber">The user's phone number; null when none is recorded.</param>
/// <param name="SuspendedUntil">When a suspension ends; null when it has no end (or there is none).</param>
/// <param name="LastDeviceUse">The last time any active device gave an accepted code.</param>
/// <param name="HoldsHardwareToken">One of the active devices is a hardware token an administrator assigned.</param>
/// <param name="RecoveryCodesLeft">Unused codes of the current set.</param>
/// <param name="RecoveryCodesTotal">Codes in the current set (0: none generated yet).</param>
/// <param name="RecoveryCodesShown">False when the provider turned recovery codes off.</param>
/// <param name="Passkeys">The user's passkeys; <paramref name="PasskeysShown"/> is false when the policy turned passkeys off and the user has none.</param>
/// <param name="PasskeyRequiredBy">The policy requires a passkey of the user, who has none: applications ask for it from then on.</param>
/// <param name="TokensShown">Whether the user may use personal access tokens (setting or an administrator's override).</param>
/// <param name="NearestTokenExpiry">The earliest expiry among the active tokens; null when none expires.</param>
/// <param name="LinkedProviders">Names of the upstream providers linked to the account, as configured.</param>
/// <param name="PasswordChangedAt">The latest change, reset or set of the password the security log knows of.</param>
public sealed record AccountStatus(
    string DisplayName,
    string Email,
    string? PhoneNumber,
    DateTimeOffset CreatedAt,
    TwoStepState TwoStep,
    DateTimeOffset? SuspendedUntil,
    int ActiveDevices,
    bool HoldsHardwareToken,
    DateTimeOffset? LastDeviceUse,
    int Passkeys,
    bool PasskeysShown,
    DateTimeOffset? PasskeyRequiredBy,
    bool RecoveryCodesShown,
    int RecoveryCodesLeft,
    int RecoveryCodesTotal,
    int RememberedBrowsers,
    bool TokensShown,
    int ActiveTokens,
    DateTimeOffset? NearestTokenExpiry,
    bool HasPassword,
    IReadOnlyList<string> LinkedProviders,
    DateTimeOffset? PasswordChangedAt)
{
    /// <summary>The threshold the recovery-codes page warns at too.</summary>
    public const int FewRecoveryCodes = 3;

    /// <summary>Warn on the overview: two-step sign-in is on and few codes (or none) are left to fall back on.</summary>
    public bool RecoveryCodesLow => RecoveryCodesShown && HasSecondStep && RecoveryCodesLeft <= FewRecoveryCodes;

    /// <summary>A device or passkey can prove the second step (recovery codes are then worth having).</summary>
    public bool HasSecondStep => ActiveDevices > 0 || Passkeys > 0;
}
