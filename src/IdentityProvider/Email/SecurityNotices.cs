using System.Globalization;
using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;

namespace IdentityProvider.Email;

/// <summary>
/// A security event worth a mail: the texts that say it (<c>Notice.{Key}.Title</c> and <c>Notice.{Key}.{Variant}</c>
/// in <c>MailText</c>, filled with <paramref name="Arguments"/>; a null argument is an unnamed device or token), and
/// whether the user may turn it off.
/// </summary>
public sealed record SecurityNotice(string Key, string Variant, IReadOnlyList<object?> Arguments, bool Optional);

/// <summary>
/// Which security events the account's owner is told of, and in what words. Device, password and recovery-code
/// and passkey mails cannot be turned off: they are how a user learns that someone else holds the account.
/// </summary>
public static class SecurityNotices
{
    private const string What = "What";

    /// <summary>The notice for <paramref name="securityEvent"/>, or null when it is not mailed.</summary>
    public static SecurityNotice? For(SecurityEvent securityEvent)
    {
        var byAdministrator = securityEvent.ActorId is { } actor && actor != securityEvent.UserId ? "WhatByAdministrator" : What;
        var detail = securityEvent.Detail;
        return securityEvent.Kind switch
        {
            SecurityEventKinds.DeviceAdded => new("DeviceAdded", byAdministrator, [FirstQuoted(detail)], false),
            SecurityEventKinds.DeviceRemoved => new("DeviceRemoved", byAdministrator, [FirstQuoted(detail)], false),
            SecurityEventKinds.PasskeyAdded => new("PasskeyAdded", byAdministrator, [FirstQuoted(detail)], false),
            SecurityEventKinds.PasskeyRemoved => new("PasskeyRemoved", byAdministrator, [FirstQuoted(detail)], false),
            SecurityEventKinds.RecoveryCodesGenerated => new("RecoveryCodesGenerated", byAdministrator, [], false),
            SecurityEventKinds.RecoveryCodeUsed => RecoveryCodeUsed(detail),
            SecurityEventKinds.PasswordChanged => new("PasswordChanged", What, [], false),
            SecurityEventKinds.PasswordReset => new("PasswordReset", What, [], false),
            SecurityEventKinds.PasswordSetByLink => new("PasswordSetByLink", What, [], false),
            SecurityEventKinds.PasswordResetByEmail => new("PasswordResetByEmail", What, [], false),
            SecurityEventKinds.TokenCreated => new("TokenCreated", What, [FirstQuoted(detail)], true),
            SecurityEventKinds.LockedOut => new("LockedOut", What, [], true),
            SecurityEventKinds.UserLocked => new("UserLocked", What, [], true),
            SecurityEventKinds.TwoStepSuspended => new("TwoStepSuspended", What, [], true),
            SecurityEventKinds.TwoStepRestored => new("TwoStepRestored", What, [], true),
            // Always sent: the user learns that someone else used the account, and why.
            SecurityEventKinds.ImpersonationStarted => new("ImpersonationStarted", What, [Reason(detail)], false),
            _ => null,
        };
    }

    /// <summary>How many codes are left, from the log's detail ("9 unused codes left", "…; during a password reset").</summary>
    private static SecurityNotice RecoveryCodeUsed(string? detail)
    {
        var count = detail?.Split(' ', 2)[0];
        return int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var left)
            ? new("RecoveryCodeUsed", detail!.Contains("password reset", StringComparison.Ordinal) ? "WhatDuringReset" : What, [left], false)
            : new("RecoveryCodeUsed", "WhatCountUnknown", [], false);
    }

    /// <summary>The reason an administrator gave, from the log's detail ("reason: …").</summary>
    private static string? Reason(string? detail) =>
        detail?.IndexOf("reason: ", StringComparison.Ordinal) is >= 0 and var start ? detail[(start + "reason: ".Length)..] : null;

    /// <summary>The name the security log's detail quotes first: a device name or a token label.</summary>
    private static string? FirstQuoted(string? detail) =>
        detail?.IndexOf('"') is >= 0 and var start && detail.IndexOf('"', start + 1) is > 0 and var end ? detail[(start + 1)..end] : null;
}
