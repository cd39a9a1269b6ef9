using System.Diagnostics;
using IdentityProvider.Auditing;
using IdentityProvider.Email;
using IdentityProvider.Settings;
using IdentityProvider.Users;

namespace IdentityProvider.PasswordReset;

/// <summary>
/// "Forgot your password?": mails a reset link when the address belongs to an account that may have one. Warning:
/// the caller shows one answer whatever happened, and this takes at least <see cref="AnswerTime"/> on every path
/// (unknown address, disabled account, a limit reached, a mail queued), so neither the words nor the time tell
/// which addresses have accounts.
/// </summary>
public sealed class PasswordResetRequests(
    ClockedUserManager users,
    PasswordResetLinks links,
    PasswordResetThrottle throttle,
    MailOutbox outbox,
    MailTemplates templates,
    ProviderAddress address,
    SecurityLog securityLog,
    EmailSettings settings,
    TimeProvider time)
{
    /// <summary>Longer than the slowest real path (a user look-up, a row update, a mail queued) on a loaded server.</summary>
    public static readonly TimeSpan AnswerTime = TimeSpan.FromMilliseconds(800);

    public async Task RequestAsync(string email)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await SendIfAllowedAsync(email.Trim());
        }
        finally
        {
            // Note: a loop, rounded up to whole milliseconds: the timer counts whole milliseconds and may wake a
            // fraction early, and an answer a hair short of the time would set the two paths apart.
            var left = AnswerTime - Stopwatch.GetElapsedTime(started);
            while (left > TimeSpan.Zero)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds)));
                left = AnswerTime - Stopwatch.GetElapsedTime(started);
            }
        }
    }

    private async Task SendIfAllowedAsync(string email)
    {
        if (!throttle.TryAcquire(users.NormalizeEmail(email) ?? email))
        {
            // Warning: the typed address is not logged (it may be someone else's, or a password typed in the wrong field).
            await securityLog.WriteAsync(SecurityEventKinds.PasswordResetRequested, null, "refused: too many requests for one address");
            return;
        }

        var user = await users.FindByEmailAsync(email);
        if (user?.Email is not { Length: > 0 } to || user.IsDisabled)
        {
            await securityLog.WriteAsync(SecurityEventKinds.PasswordResetRequested, user?.Id, user is null ? "unknown address: nothing sent" : "account disabled: nothing sent");
            return;
        }

        var hourAgo = time.GetUtcNow().AddHours(-1);
        if (await outbox.CountSinceAsync(user.Id, MailKinds.PasswordReset, hourAgo) >= settings.ResetLinksPerAccountPerHour)
        {
            await securityLog.WriteAsync(SecurityEventKinds.PasswordResetRequested, user.Id, "refused: too many links for this account in the last hour");
            return;
        }

        if (await links.IssueAsync(user) is not { } pathAndQuery)
        {
            await securityLog.WriteAsync(SecurityEventKinds.PasswordResetRequested, user.Id, "refused: the account changed at the same moment");
            return;
        }

        var link = address.Link(pathAndQuery);
        var name = user.DisplayName is { Length: > 0 } displayName ? displayName : to;
        await outbox.EnqueueAsync(MailKinds.PasswordReset, user.Id, to, templates.PasswordReset(name, link, settings.ResetLinkMinutes));
        await securityLog.WriteAsync(SecurityEventKinds.PasswordResetRequested, user.Id, "link sent");
    }
}
