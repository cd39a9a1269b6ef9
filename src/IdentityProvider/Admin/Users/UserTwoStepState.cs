using IdentityProvider.Data.Entities;
using IdentityProvider.Passkeys;
using IdentityProvider.RecoveryCodes;
using IdentityProvider.TwoStep;

namespace IdentityProvider.Admin.Users;

/// <summary>One of a user's active devices as an administrator sees it (never its secret).</summary>
public sealed record TwoStepDeviceRow(Guid Id, string Type, string Name, int Digits, DateTimeOffset AddedAt, DateTimeOffset? LastUsedAt);

/// <summary>
/// A user's two-step sign-in now: <see cref="Status"/> is <c>on</c> (an active device, or a passkey while the policy lets
/// passkeys be used), <c>off</c> (none) or <c>suspended</c> (by an administrator, until <see cref="SuspendedUntil"/> or
/// indefinitely, with the reason). <see cref="Passkeys"/> lists every passkey, whatever the policy says of them.
/// </summary>
public sealed record UserTwoStepState(
    ApplicationUser User,
    string Status,
    DateTimeOffset? SuspendedUntil,
    bool SuspendedIndefinitely,
    string? SuspensionReason,
    IReadOnlyList<TwoStepDeviceRow> Devices,
    IReadOnlyList<PasskeySummary> Passkeys,
    RecoveryCodeStatus RecoveryCodes,
    int RememberedBrowsers)
{
    public const string On = "on";
    public const string Off = "off";
    public const string Suspended = "suspended";

    public bool IsSuspended => Status == Suspended;

    /// <param name="passkeysInUse">Whether the policy lets passkeys be used: only then does one turn two-step sign-in on.</param>
    public static UserTwoStepState Of(
        ApplicationUser user, IReadOnlyList<OtpDevice> devices, IReadOnlyList<PasskeySummary> passkeys, bool passkeysInUse, RecoveryCodeStatus codes,
        int rememberedBrowsers, DateTimeOffset now)
    {
        var suspended = TwoStepSuspension.IsActive(user, now);
        var rows = devices.Select(device => new TwoStepDeviceRow(device.Id, device.Type, device.Name, device.Digits, device.CreatedAt, device.LastUsedAt)).ToList();
        return new UserTwoStepState(
            user,
            suspended ? Suspended : rows.Count > 0 || (passkeysInUse && passkeys.Count > 0) ? On : Off,
            suspended && !user.TwoStepDisabledIndefinitely ? user.TwoStepDisabledUntil : null,
            suspended && user.TwoStepDisabledIndefinitely,
            suspended ? user.TwoStepDisabledReason : null,
            rows,
            passkeys,
            codes,
            rememberedBrowsers);
    }
}
