using System.Security.Claims;
using IdentityProvider.Admin.Users;
using IdentityProvider.Localization;
using IdentityProvider.Users;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Areas.Admin.Pages.Users;

/// <summary>A user's state in words, for the list and the user's page, in the reader's language and time zone.</summary>
public static class UserFacts
{
    /// <summary>A user-manager reading an administrator's account: nothing on its pages is theirs to change, so no form is shown.</summary>
    public static bool ReadOnlyFor(ClaimsPrincipal reader, IEnumerable<string> accountRoles) =>
        !reader.IsInRole(ProviderRoles.Administrator) && accountRoles.Contains(ProviderRoles.Administrator, StringComparer.OrdinalIgnoreCase);

    /// <summary>"Until unlocked", "Until 31.01.2025 10:00:00", or "No".</summary>
    public static string Lock(IStringLocalizer text, LocalTimes times, UserRow row) => row.LockedUntil switch
    {
        null => text["Common.No"],
        { } end when end >= UserAccess.IndefiniteLockEnd => text["Users.Lock.UntilUnlocked"],
        { } end => text["Users.Lock.Until", times.Format(end)],
    };

    /// <summary>"Suspended", "Off", "On (2 devices)", or with passkeys "On (devices: 1, passkeys: 1)".</summary>
    public static string TwoStep(IStringLocalizer text, UserRow row) =>
        row.TwoStepSuspended ? text["Users.TwoStep.Suspended"]
        : row.Passkeys > 0 ? text["Users.TwoStep.OnWithPasskeys", row.Devices, row.Passkeys]
        : row.Devices switch { 0 => text["Users.TwoStep.Off"], 1 => text["Users.TwoStep.OnOne"], var count => text["Users.TwoStep.On", count] };

    public static string LastSignIn(IStringLocalizer text, LocalTimes times, UserRow row) =>
        row.LastSignInAt is { } moment ? times.Format(moment) : text["Common.Never"];
}
