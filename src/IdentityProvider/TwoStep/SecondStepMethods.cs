using IdentityProvider.Data;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.TwoStep;

/// <summary>
/// What can prove a user's second step: an active OTP device (an authenticator app or hardware token) or a passkey, when
/// the policy lets passkeys be used. Either one means the user has two-step sign-in.
/// </summary>
public sealed class SecondStepMethods(ApplicationDbContext db, TwoStepPolicy policy)
{
    /// <summary>Whether the user has any: the second step is then asked for (or enrolment offered when not). One query, by the rule lists use.</summary>
    public Task<bool> HasAnyAsync(string userId) => db.Users.Where(user => user.Id == userId).AnyAsync(policy.HasSecondStep(db));

    /// <summary>Whether the user has a passkey the policy lets them use.</summary>
    public async Task<bool> HasPasskeyAsync(string userId) =>
        policy.PasskeysInUse && await db.UserPasskeys.AnyAsync(passkey => passkey.UserId == userId);

    /// <summary>How many the user has (active devices and passkeys, whatever the policy): 1 right after the first was added.</summary>
    public async Task<int> CountAsync(string userId) =>
        await db.OtpDevices.CountAsync(device => device.UserId == userId && device.IsActive)
        + await db.UserPasskeys.CountAsync(passkey => passkey.UserId == userId);
}
