using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;

namespace IdentityProvider.Email;

/// <summary>A security event worth a mail: its title, what it says, and whether the user may turn it off.</summary>
public sealed record SecurityNotice(string Title, string What, bool Optional);

/// <summary>
/// Which security events the account's owner is told of, and in what words. Device, password and recovery-code
/// mails cannot be turned off: they are how a user learns that someone else holds the account.
/// </summary>
public static class SecurityNotices
{
    /// <summary>The notice for <paramref name="securityEvent"/>, or null when it is not mailed.</summary>
    public static SecurityNotice? For(SecurityEvent securityEvent)
    {
        var byAdministrator = securityEvent.ActorId is { } actor && actor != securityEvent.UserId ? " by an administrator" : "";
        var detail = securityEvent.Detail;
        return securityEvent.Kind switch
        {
            SecurityEventKinds.DeviceAdded => new("a two-step device was added",
                $"A two-step sign-in device ({DeviceName(detail)}) was added to your account{byAdministrator}.", false),
            SecurityEventKinds.DeviceRemoved => new("a two-step device was removed",
                $"A two-step sign-in device ({DeviceName(detail)}) was removed from your account{byAdministrator}.", false),
            SecurityEventKinds.RecoveryCodesGenerated => new("new recovery codes",
                $"A new set of recovery codes was generated for your account{byAdministrator}. The previous codes no longer work.", false),
            SecurityEventKinds.RecoveryCodeUsed => new("a recovery code was used",
                $"A recovery code was used to sign in to your account ({detail ?? "some codes left"}).", false),
            SecurityEventKinds.PasswordChanged => new("your password was changed",
                "The password of your account was changed on the account page.", false),
            SecurityEventKinds.PasswordReset => new("your password was changed",
                "An administrator set a new password for your account.", false),
            SecurityEventKinds.PasswordSetByLink => new("your password was set",
                "The password of your account was set with a link from an administrator.", false),
            SecurityEventKinds.PasswordResetByEmail => new("your password was reset",
                "The password of your account was reset with a link sent to this address. Your other sessions were ended.", false),
            SecurityEventKinds.TokenCreated => new("a personal access token was created",
                $"A personal access token ({TokenLabel(detail)}) was created for your account.", true),
            SecurityEventKinds.LockedOut => new("your account was locked",
                "Your account was locked for a while after too many failed sign-in attempts.", true),
            SecurityEventKinds.UserLocked => new("your account was locked",
                "An administrator locked your account until it is unlocked.", true),
            SecurityEventKinds.TwoStepSuspended => new("two-step sign-in suspended",
                "An administrator suspended two-step sign-in for your account: the password alone signs in for now.", true),
            SecurityEventKinds.TwoStepRestored => new("two-step sign-in restored",
                "An administrator restored two-step sign-in for your account: signing in asks for a one-time password again.", true),
            _ => null,
        };
    }

    private static string DeviceName(string? detail) => FirstQuoted(detail) ?? "unnamed";

    private static string TokenLabel(string? detail) => FirstQuoted(detail) ?? "unnamed";

    /// <summary>The name the security log's detail quotes first: a device name or a token label.</summary>
    private static string? FirstQuoted(string? detail) =>
        detail?.IndexOf('"') is >= 0 and var start && detail.IndexOf('"', start + 1) is > 0 and var end ? detail[(start + 1)..end] : null;
}
