using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.TwoStep;

/// <summary>
/// Checks a code against a user's active devices and spends it. Warning: a code counts only if the
/// conditional UPDATE that moves the device's step or counter forward changed a row, so concurrent
/// submissions of one code succeed exactly once, on every instance.
/// </summary>
public sealed class OtpVerification(ApplicationDbContext db, OtpDeviceSecrets secrets, TwoStepPolicy policy, TimeProvider time)
{
    /// <summary>The device that accepted the code, or null.</summary>
    public async Task<OtpDevice?> TryAcceptAsync(string userId, string code)
    {
        foreach (var device in await ActiveDevicesAsync(userId, code.Length))
        {
            var parameters = OtpDeviceSecrets.ParametersOf(device);
            var secret = secrets.Unprotect(device);
            var accepted = parameters.Type == OtpType.Totp
                ? OtpVerifier.VerifyTotp(secret, parameters, code, time.GetUtcNow(), device.DriftSteps, device.LastAcceptedStep, policy.TotpWindow) is { } match
                  && await AdvanceTotpAsync(device.Id, match)
                : OtpVerifier.VerifyHotp(secret, parameters, code, device.NextCounter, policy.HotpLookAhead) is { } counter
                  && await AdvanceHotpAsync(device.Id, counter);
            if (accepted)
            {
                return device;
            }
        }

        return null;
    }

    /// <summary>Resynchronises a device that drifted out of the window with two consecutive codes.</summary>
    public async Task<OtpDevice?> TryResyncAsync(string userId, string firstCode, string secondCode)
    {
        foreach (var device in await ActiveDevicesAsync(userId, firstCode.Length))
        {
            if (await ResyncAsync(device, firstCode, secondCode))
            {
                return device;
            }
        }

        return null;
    }

    /// <summary>Resynchronises one active device (an administrator's resync of a hardware token); false when the codes do not fit it.</summary>
    public async Task<bool> ResyncAsync(OtpDevice device, string firstCode, string secondCode)
    {
        var parameters = OtpDeviceSecrets.ParametersOf(device);
        var secret = secrets.Unprotect(device);
        return parameters.Type == OtpType.Totp
            ? OtpVerifier.ResyncTotp(secret, parameters, firstCode, secondCode, time.GetUtcNow(), device.DriftSteps, device.LastAcceptedStep) is { } match
              && await AdvanceTotpAsync(device.Id, match)
            : OtpVerifier.ResyncHotp(secret, parameters, firstCode, secondCode, device.NextCounter) is { } counter
              && await AdvanceHotpAsync(device.Id, counter);
    }

    internal async Task<bool> AdvanceTotpAsync(Guid deviceId, TotpMatch match, bool activate = false)
    {
        var now = time.GetUtcNow();
        return await db.OtpDevices
            .Where(device => device.Id == deviceId && device.LastAcceptedStep < match.Step && (device.IsActive || activate))
            .ExecuteUpdateAsync(update => update
                .SetProperty(device => device.LastAcceptedStep, match.Step)
                .SetProperty(device => device.DriftSteps, match.DriftSteps)
                .SetProperty(device => device.LastUsedAt, now)
                .SetProperty(device => device.IsActive, true)) == 1;
    }

    internal async Task<bool> AdvanceHotpAsync(Guid deviceId, long acceptedCounter, bool activate = false)
    {
        var now = time.GetUtcNow();
        return await db.OtpDevices
            .Where(device => device.Id == deviceId && device.NextCounter <= acceptedCounter && (device.IsActive || activate))
            .ExecuteUpdateAsync(update => update
                .SetProperty(device => device.NextCounter, acceptedCounter + 1)
                .SetProperty(device => device.LastUsedAt, now)
                .SetProperty(device => device.IsActive, true)) == 1;
    }

    private Task<List<OtpDevice>> ActiveDevicesAsync(string userId, int digits) =>
        db.OtpDevices.AsNoTracking()
            .Where(device => device.UserId == userId && device.IsActive && device.Digits == digits)
            .OrderBy(device => device.CreatedAt)
            .ToListAsync();
}
