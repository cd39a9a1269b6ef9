using IdentityProvider.Auditing;
using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.ExternalSignIn;

/// <summary>The links between local users and their accounts at upstream providers.</summary>
public sealed class ExternalLogins(ApplicationDbContext db, UserManager<ApplicationUser> users, SecurityLog securityLog, TimeProvider time)
{
    /// <summary>The local user linked to the upstream account, or null; the link's last sign-in is set to now.</summary>
    public async Task<ApplicationUser?> FindUserAsync(string issuer, string subject)
    {
        var link = await db.ExternalLogins.FirstOrDefaultAsync(candidate => candidate.Issuer == issuer && candidate.Subject == subject);
        if (link is null)
        {
            return null;
        }

        link.LastSignInAt = time.GetUtcNow();
        await db.SaveChangesAsync();
        return await users.FindByIdAsync(link.UserId);
    }

    public Task<List<ExternalLogin>> ListAsync(string userId) =>
        db.ExternalLogins.AsNoTracking().Where(link => link.UserId == userId).OrderBy(link => link.LinkedAt).ToListAsync();

    /// <summary>Links the upstream account to the user; false when it is linked to someone already.</summary>
    /// <param name="how">For the security log, e.g. "after the local password".</param>
    public async Task<bool> LinkAsync(ApplicationUser user, ExternalIdentity identity, string how)
    {
        if (await db.ExternalLogins.AnyAsync(link => link.Issuer == identity.Issuer && link.Subject == identity.Subject))
        {
            return false;
        }

        var now = time.GetUtcNow();
        db.ExternalLogins.Add(new ExternalLogin
        {
            Id = Guid.NewGuid(),
            UserId = user.Id,
            ProviderId = identity.Provider.Id,
            Issuer = identity.Issuer,
            Subject = identity.Subject,
            Email = identity.Email is { Length: <= 256 } email ? email : null,
            LinkedAt = now,
            LastSignInAt = now,
        });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException conflict) when (!DatabaseOutage.Is(conflict))
        {
            // The same upstream account was linked at the same moment (the unique issuer and subject).
            db.ChangeTracker.Clear();
            return false;
        }

        await securityLog.WriteAsync(SecurityEventKinds.ExternalLoginLinked, user.Id, $"{identity.Provider.Name} account, {how}");
        return true;
    }

    /// <summary>Removes a link; a refusal's reason, or null when it was removed. The last way to sign in is kept.</summary>
    public async Task<Sentence?> UnlinkAsync(ApplicationUser user, Guid linkId)
    {
        var links = await ListAsync(user.Id);
        if (links.FirstOrDefault(link => link.Id == linkId) is not { } link)
        {
            return new Sentence("SignInMethods.NotLinked");
        }

        if (links.Count == 1 && !await users.HasPasswordAsync(user))
        {
            return new Sentence("SignInMethods.OnlyWay");
        }

        await db.ExternalLogins.Where(candidate => candidate.Id == link.Id).ExecuteDeleteAsync();
        await securityLog.WriteAsync(SecurityEventKinds.ExternalLoginUnlinked, user.Id, $"the account at {link.ProviderId}");
        return null;
    }
}
