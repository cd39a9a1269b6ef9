using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.TwoStep;

/// <summary>A user's OTP devices: enrolment (inactive until confirmed with a code), listing and removal.</summary>
public sealed class OtpDevices(ApplicationDbContext db, OtpDeviceSecrets secrets, OtpVerification verification, TwoStepPolicy policy, TimeProvider time)
{
    /// <summary>Unconfirmed devices older than this are deleted when the user starts another enrolment.</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    public Task<List<OtpDevice>> ListActiveAsync(string userId) =>
        db.OtpDevices.AsNoTracking().Where(device => device.UserId == userId && device.IsActive)
            .OrderBy(device => device.CreatedAt).ToListAsync();

    public Task<bool> HasActiveAsync(string userId) =>
        db.OtpDevices.AnyAsync(device => device.UserId == userId && device.IsActive);

    /// <summary>Creates an inactive device with a fresh secret; returns it with the secret to show once.</summary>
    public async Task<(OtpDevice Device, byte[] Secret)> BeginEnrolmentAsync(string userId, string name, OtpParameters parameters)
    {
        var now = time.GetUtcNow();
        var abandonedBefore = now - AbandonedAfter;
        await db.OtpDevices.Where(device => device.UserId == userId && !device.IsActive && device.CreatedAt < abandonedBefore).ExecuteDeleteAsync();

        var secret = OtpSecret.Generate(parameters.Algorithm);
        var device = new OtpDevice
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Name = name,
            ProtectedSecret = secrets.Protect(secret),
            CreatedAt = now,
        };
        OtpDeviceSecrets.Describe(device, parameters);
        db.OtpDevices.Add(device);
        await db.SaveChangesAsync();
        return (device, secret);
    }

    /// <summary>The unconfirmed device being enrolled, with its secret (to show the QR code again after a wrong code).</summary>
    public async Task<(OtpDevice Device, byte[] Secret)?> FindPendingAsync(string userId, Guid deviceId)
    {
        var device = await db.OtpDevices.AsNoTracking()
            .FirstOrDefaultAsync(candidate => candidate.Id == deviceId && candidate.UserId == userId && !candidate.IsActive);
        return device is null ? null : (device, secrets.Unprotect(device));
    }

    /// <summary>Activates the device when the code (TOTP) or two consecutive codes (HOTP) match, searched as at sign-in.</summary>
    public async Task<bool> ConfirmEnrolmentAsync(string userId, Guid deviceId, string firstCode, string? secondCode)
    {
        if (await FindPendingAsync(userId, deviceId) is not { } pending)
        {
            return false;
        }

        var (device, secret) = pending;
        var parameters = OtpDeviceSecrets.ParametersOf(device);
        if (parameters.Type == OtpType.Totp)
        {
            return OtpVerifier.ConfirmTotpEnrolment(secret, parameters, firstCode, time.GetUtcNow(), policy.TotpWindow) is { } match
                && await verification.AdvanceTotpAsync(device.Id, match, activate: true);
        }

        return secondCode is not null
            && OtpVerifier.ConfirmHotpEnrolment(secret, parameters, firstCode, secondCode, device.NextCounter, policy.HotpLookAhead) is { } counter
            && await verification.AdvanceHotpAsync(device.Id, counter, activate: true);
    }

    /// <summary>Removes an app; false when there is none with that id. Note: an assigned hardware token is not removed here (only by its unassignment).</summary>
    public async Task<bool> RemoveAsync(string userId, Guid deviceId) =>
        await db.OtpDevices.Where(device => device.Id == deviceId && device.UserId == userId && device.HardwareTokenId == null).ExecuteDeleteAsync() == 1;
}
