using IdentityProvider.Auditing;
using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.Text;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.HardwareTokens;

/// <summary>
/// A token's life after registration: assigned to a user (it becomes one of the user's OTP devices), unassigned
/// (back in stock), disabled and enabled, marked lost (refused at once, never assigned again), deleted. Every
/// change is written to the security log with the acting administrator.
/// </summary>
public sealed class HardwareTokenAssignment(
    ApplicationDbContext db,
    UserManager<ApplicationUser> users,
    DeviceChanges deviceChanges,
    SecurityLog securityLog,
    TimeProvider time)
{
    private static readonly Sentence ChangedMeanwhile = new("HardwareTokens.ChangedMeanwhile");

    /// <summary>
    /// Makes an in-stock token an OTP device of the user (by id or e-mail address). When it is the user's first
    /// device, the recovery codes it brings (as a first app does) are returned, to hand over with the token.
    /// </summary>
    public async Task<ChangeResult<IReadOnlyList<string>>> AssignAsync(string serial, string user, string actorId)
    {
        if (await db.FindTokenAsync(serial) is not { } token)
        {
            return ChangeResult.NotFound();
        }

        if (await FindUserAsync(user) is not { } holder)
        {
            return ChangeResult.Invalid("User", new Sentence("HardwareTokens.UnknownUser"));
        }

        if (token.Status != HardwareTokenStatus.InStock)
        {
            return ChangeResult.Conflict(token.Status switch
            {
                HardwareTokenStatus.Assigned => new Sentence("HardwareTokens.Assign.Assigned"),
                HardwareTokenStatus.Disabled => new Sentence("HardwareTokens.Assign.Disabled"),
                _ => new Sentence("HardwareTokens.Assign.Lost"),
            });
        }

        var device = DeviceFor(token, holder.Id);
        if (!await IssueAsync(token, HardwareTokenStatus.InStock, device, assignedAt: time.GetUtcNow()))
        {
            return ChangeResult.Conflict(ChangedMeanwhile);
        }

        await securityLog.WriteAsync(SecurityEventKinds.HardwareTokenAssigned, holder.Id, $"serial {token.Serial}", actorId);
        var codes = await deviceChanges.AddedAsync(holder.Id, device.Name, "(a hardware token assigned by an administrator)", actorId);
        return ChangeResult.Done(codes);
    }

    /// <summary>Takes the token back from its holder into stock; its counter stays where the holder left it.</summary>
    public Task<ChangeResult> UnassignAsync(string serial, string actorId) =>
        ChangeStatusAsync(serial, actorId, HardwareTokenStatus.InStock, SecurityEventKinds.HardwareTokenUnassigned,
            token => token.Status == HardwareTokenStatus.Assigned ? null : new Sentence("HardwareTokens.Unassign.NotAssigned"));

    /// <summary>Refuses the token's codes until it is enabled; its holder, if any, keeps it.</summary>
    public Task<ChangeResult> DisableAsync(string serial, string actorId) =>
        ChangeStatusAsync(serial, actorId, HardwareTokenStatus.Disabled, SecurityEventKinds.HardwareTokenDisabled,
            token => token.Status is HardwareTokenStatus.InStock or HardwareTokenStatus.Assigned ? null
                : token.Status == HardwareTokenStatus.Disabled
                    ? new Sentence("HardwareTokens.Disable.Already")
                    : new Sentence("HardwareTokens.Disable.Lost"));

    /// <summary>Marks the token lost: its codes are refused at once and it is never assigned again.</summary>
    public Task<ChangeResult> MarkLostAsync(string serial, string actorId) =>
        ChangeStatusAsync(serial, actorId, HardwareTokenStatus.Lost, SecurityEventKinds.HardwareTokenLost,
            token => token.Status == HardwareTokenStatus.Lost ? new Sentence("HardwareTokens.Lost.Already") : null);

    /// <summary>Enables a disabled token: back to the user who held it, or to stock.</summary>
    public async Task<ChangeResult> EnableAsync(string serial, string actorId)
    {
        if (await db.FindTokenAsync(serial) is not { } token)
        {
            return ChangeResult.NotFound();
        }

        if (token.Status != HardwareTokenStatus.Disabled)
        {
            return ChangeResult.Conflict(new Sentence("HardwareTokens.Enable.NotDisabled"));
        }

        if (token.UserId is null)
        {
            return await ChangeStatusAsync(serial, actorId, HardwareTokenStatus.InStock, SecurityEventKinds.HardwareTokenEnabled,
                current => current.Status == HardwareTokenStatus.Disabled ? null : new Sentence("HardwareTokens.ChangedAtTheSameMoment"));
        }

        var device = DeviceFor(token, token.UserId);
        if (!await IssueAsync(token, HardwareTokenStatus.Disabled, device, assignedAt: null))
        {
            return ChangeResult.Conflict(ChangedMeanwhile);
        }

        await securityLog.WriteAsync(SecurityEventKinds.HardwareTokenEnabled, token.UserId, $"serial {token.Serial}", actorId);
        await deviceChanges.AddedAsync(token.UserId, device.Name, "(a hardware token enabled again by an administrator)", actorId);
        return ChangeResult.Done();
    }

    /// <summary>Removes a token that nobody holds from the inventory (so that a found lost token can be registered anew).</summary>
    public async Task<ChangeResult> DeleteAsync(string serial, string actorId)
    {
        if (await db.FindTokenAsync(serial) is not { } token)
        {
            return ChangeResult.NotFound();
        }

        if (token.Status == HardwareTokenStatus.Assigned
            || await db.HardwareTokens.Where(candidate => candidate.Id == token.Id && candidate.Status == token.Status).ExecuteDeleteAsync() != 1)
        {
            return ChangeResult.Conflict(new Sentence("HardwareTokens.Delete.Assigned"));
        }

        await securityLog.WriteAsync(SecurityEventKinds.HardwareTokenDeleted, null, $"serial {token.Serial}, was {token.Status}", actorId);
        return ChangeResult.Done();
    }

    /// <summary>Unassigns the token a device of the user is (an administrator removed that device from the user's page).</summary>
    public async Task<ChangeResult> UnassignDeviceAsync(string userId, Guid deviceId, string actorId)
    {
        var serial = await db.OtpDevices.Where(device => device.Id == deviceId && device.UserId == userId)
            .Join(db.HardwareTokens, device => device.HardwareTokenId, token => (Guid?)token.Id, (device, token) => token.Serial)
            .FirstOrDefaultAsync();
        return serial is null ? ChangeResult.NotFound() : await UnassignAsync(serial, actorId);
    }

    /// <summary>
    /// Before a user is deleted: every token assigned to the user goes back to stock, its counter kept (the user's
    /// devices go with the user). A disabled or lost token keeps its status and loses its holder.
    /// </summary>
    public async Task ReleaseHeldByAsync(string userId, string actorId)
    {
        var serials = await db.HardwareTokens.Where(token => token.UserId == userId && token.Status == HardwareTokenStatus.Assigned)
            .Select(token => token.Serial).ToListAsync();
        foreach (var serial in serials)
        {
            await UnassignAsync(serial, actorId);
        }
    }

    /// <summary>
    /// Moves the token to <paramref name="status"/> (keeping its holder unless it goes back to stock). When a device
    /// holds the token, the device's OTP state is written back to the token and the device deleted, in one
    /// transaction. Warning: the delete is conditional on the state read, so a code accepted in between is never
    /// forgotten (which would let it be accepted again); the read is then repeated.
    /// </summary>
    private async Task<ChangeResult> ChangeStatusAsync(string serial, string actorId, string status, string eventKind, Func<HardwareToken, Sentence?> refusal)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await db.FindTokenAsync(serial) is not { } token)
            {
                return ChangeResult.NotFound();
            }

            if (refusal(token) is { } message)
            {
                return ChangeResult.Conflict(message);
            }

            var (changed, device) = await db.Database.CreateExecutionStrategy().ExecuteAsync(() => TakeBackAsync(token, status));
            if (!changed)
            {
                continue;
            }

            await securityLog.WriteAsync(eventKind, token.UserId, $"serial {token.Serial}, was {token.Status}", actorId);
            if (device is not null)
            {
                await deviceChanges.RemovedAsync(device.UserId, device.Name, actorId);
            }

            return ChangeResult.Done();
        }

        return ChangeResult.Conflict(ChangedMeanwhile);
    }

    /// <summary>
    /// Makes the token the device of <paramref name="device"/>'s user, in one transaction. Warning: conditional on the
    /// status read, so two administrators acting on one token at once cannot both succeed.
    /// </summary>
    /// <param name="assignedAt">A new assignment's date; null keeps the date (a disabled token enabled again).</param>
    private Task<bool> IssueAsync(HardwareToken token, string fromStatus, OtpDevice device, DateTimeOffset? assignedAt) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var claimed = await db.HardwareTokens.Where(candidate => candidate.Id == token.Id && candidate.Status == fromStatus)
                .ExecuteUpdateAsync(update =>
                {
                    update.SetProperty(candidate => candidate.Status, HardwareTokenStatus.Assigned);
                    update.SetProperty(candidate => candidate.UserId, device.UserId);
                    if (assignedAt is not null)
                    {
                        update.SetProperty(candidate => candidate.AssignedAt, assignedAt);
                    }
                }) == 1;
            if (claimed)
            {
                db.OtpDevices.Add(device);
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }

            db.ChangeTracker.Clear();
            return claimed;
        });

    private async Task<(bool Changed, OtpDevice? Device)> TakeBackAsync(HardwareToken token, string status)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var device = await db.OtpDevices.AsNoTracking().FirstOrDefaultAsync(candidate => candidate.HardwareTokenId == token.Id);
        if (device is not null && await db.OtpDevices
                .Where(candidate => candidate.Id == device.Id && candidate.NextCounter == device.NextCounter && candidate.LastAcceptedStep == device.LastAcceptedStep)
                .ExecuteDeleteAsync() != 1)
        {
            return (false, null);
        }

        var holder = status == HardwareTokenStatus.InStock ? null : token.UserId;
        var changed = await db.HardwareTokens.Where(candidate => candidate.Id == token.Id && candidate.Status == token.Status)
            .ExecuteUpdateAsync(update =>
            {
                update.SetProperty(candidate => candidate.Status, status);
                update.SetProperty(candidate => candidate.UserId, holder);
                if (holder is null)
                {
                    update.SetProperty(candidate => candidate.AssignedAt, (DateTimeOffset?)null);
                }

                if (device is not null)
                {
                    update.SetProperty(candidate => candidate.NextCounter, device.NextCounter);
                    update.SetProperty(candidate => candidate.LastAcceptedStep, device.LastAcceptedStep);
                    update.SetProperty(candidate => candidate.DriftSteps, device.DriftSteps);
                    update.SetProperty(candidate => candidate.LastUsedAt, device.LastUsedAt);
                }
            }) == 1;
        if (changed)
        {
            await transaction.CommitAsync();
        }

        return (changed, device);
    }

    private OtpDevice DeviceFor(HardwareToken token, string userId) => new()
    {
        Id = Guid.NewGuid(),
        UserId = userId,
        Name = DeviceName(token),
        Type = token.Type,
        Algorithm = token.Algorithm,
        Digits = token.Digits,
        PeriodSeconds = token.PeriodSeconds,
        ProtectedSecret = token.ProtectedSeed,
        IsActive = true,
        NextCounter = token.NextCounter,
        LastAcceptedStep = token.LastAcceptedStep,
        DriftSteps = token.DriftSteps,
        CreatedAt = time.GetUtcNow(),
        LastUsedAt = token.LastUsedAt,
        HardwareTokenId = token.Id,
    };

    /// <summary>"Token 0123456", within the 50 characters a device name may have.</summary>
    private static string DeviceName(HardwareToken token) =>
        token.Serial.Length <= 44 ? $"Token {token.Serial}" : token.Serial[..50];

    private async Task<ApplicationUser?> FindUserAsync(string user)
    {
        var text = user.Trim();
        if (text.Length is 0 or > 256 || DisplayText.HasHiddenCharacters(text))
        {
            return null;
        }

        return await users.FindByIdAsync(text) ?? await users.FindByEmailAsync(text);
    }
}
