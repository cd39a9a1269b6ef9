using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.PersonalAccessTokens;

public enum TokenPermissionChange
{
    Changed,
    Unchanged,

    /// <summary>The user row changed meanwhile (concurrency stamp): nothing was written.</summary>
    Conflict,
}

/// <summary>
/// An administrator's per-user override of "Allow sign-in by token": allow, deny, or follow the provider
/// setting. Note: a change takes effect at the next exchange; access tokens already issued live out their
/// (short) lifetime.
/// </summary>
public sealed class TokenPermissions(UserManager<ApplicationUser> users, SecurityLog securityLog)
{
    /// <param name="chosen"><see cref="TokenPolicy.Allow"/>, <see cref="TokenPolicy.Deny"/>, or null to follow the provider.</param>
    public async Task<TokenPermissionChange> SetAsync(ApplicationUser user, string? chosen, string actorId)
    {
        var previous = user.SignInByToken;
        if (previous == chosen)
        {
            return TokenPermissionChange.Unchanged;
        }

        user.SignInByToken = chosen;
        if (!(await users.UpdateAsync(user)).Succeeded)
        {
            return TokenPermissionChange.Conflict;
        }

        await securityLog.WriteAsync(SecurityEventKinds.TokenPermissionChanged, user.Id,
            $"sign-in by token: {previous ?? TokenPolicy.Follow} -> {chosen ?? TokenPolicy.Follow}", actorId);
        return TokenPermissionChange.Changed;
    }
}
