using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.ExternalSignIn;

/// <summary>What an external sign-in comes to before the OTP step.</summary>
public enum ExternalOutcome
{
    /// <summary>The upstream account is linked to this user (or was just registered for them): the OTP step comes next.</summary>
    SignIn,

    /// <summary>A local user has the same e-mail address: their password must be entered to link the accounts.</summary>
    ConfirmWithPassword,

    /// <summary>Nobody here matches and registration is off (or the upstream gave no usable e-mail address).</summary>
    Unknown,
}

/// <summary>
/// Finds the local user of an upstream account: the linked one; else asks for the password of the local account with
/// the same e-mail address (never links by e-mail alone); else registers a new user when the provider allows it.
/// </summary>
public sealed class ExternalAccountResolver(UserManager<ApplicationUser> users, ExternalLogins logins, SecurityLog securityLog, TimeProvider time)
{
    public async Task<(ExternalOutcome Outcome, ApplicationUser? User)> ResolveAsync(ExternalIdentity identity)
    {
        if (await logins.FindUserAsync(identity.Issuer, identity.Subject) is { } linked)
        {
            return (ExternalOutcome.SignIn, linked);
        }

        var email = identity.Email;
        if (email is not null && await users.FindByEmailAsync(email) is { } sameEmail)
        {
            return (ExternalOutcome.ConfirmWithPassword, sameEmail);
        }

        if (!identity.Provider.AllowRegistration || email is null || await RegisterAsync(identity, email) is not { } registered)
        {
            await securityLog.WriteAsync(SecurityEventKinds.ExternalSignInRefused, null, $"{identity.Provider.Name}: no linked account");
            return (ExternalOutcome.Unknown, null);
        }

        return (ExternalOutcome.SignIn, registered);
    }

    /// <summary>A new user without a password, named as the upstream names them, linked at once; null when Identity refuses the address.</summary>
    private async Task<ApplicationUser?> RegisterAsync(ExternalIdentity identity, string email)
    {
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            DisplayName = identity.Name is { Length: <= 200 } name ? name : email,
            CreatedAt = time.GetUtcNow(),
        };
        if (!(await users.CreateAsync(user)).Succeeded)
        {
            return null;
        }

        await securityLog.WriteAsync(SecurityEventKinds.UserCreated, user.Id, $"on a first sign-in with {identity.Provider.Name}");
        return await logins.LinkAsync(user, identity, "on registration") ? user : null;
    }
}
