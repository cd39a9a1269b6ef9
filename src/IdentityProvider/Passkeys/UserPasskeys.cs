using IdentityProvider.Auditing;
using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.Passkeys;

/// <summary>A user's passkeys: the list (with each one's last use), a new name, removal (logged as <c>passkey.removed</c>).</summary>
public sealed class UserPasskeys(UserManager<ApplicationUser> users, ApplicationDbContext db, SecurityLog securityLog, TimeProvider time)
{
    public const int MaxNameLength = 64;

    /// <summary>The message texts' subject for a refused name (<c>PasskeyName.Missing</c>…).</summary>
    public const string NameTexts = "PasskeyName";

    /// <summary>The name of a passkey added without one.</summary>
    public const string DefaultName = "Passkey";

    public static bool TryName(string? input, out string name, out DisplayTextError error) =>
        DisplayText.TryNormalize(input, NameTexts, MaxNameLength, out name, out error);

    /// <summary>The user's passkeys, oldest first; empty for an unknown user.</summary>
    public async Task<IReadOnlyList<PasskeySummary>> ListAsync(string userId)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return [];
        }

        var passkeys = await users.GetPasskeysAsync(user);
        var ids = passkeys.Select(passkey => passkey.CredentialId).ToList();
        var uses = await db.PasskeyLastUses.AsNoTracking().Where(use => ids.Contains(use.CredentialId)).ToListAsync();
        return [.. passkeys.OrderBy(passkey => passkey.CreatedAt).Select(passkey =>
            PasskeySummary.Of(passkey, uses.FirstOrDefault(use => use.CredentialId.AsSpan().SequenceEqual(passkey.CredentialId))?.LastUsedAt))];
    }

    /// <summary>Records that the passkey just proved a sign-in (its row is deleted with the passkey).</summary>
    public async Task RecordUseAsync(byte[] credentialId)
    {
        var now = time.GetUtcNow();
        if (await db.PasskeyLastUses.Where(use => use.CredentialId == credentialId).ExecuteUpdateAsync(use => use.SetProperty(row => row.LastUsedAt, now)) == 0)
        {
            // Note: a concurrent first use may insert the row between the two statements; the later time then wins on the next use.
            db.PasskeyLastUses.Add(new PasskeyLastUse { CredentialId = credentialId, LastUsedAt = now });
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Gives one of the user's passkeys a new name; false when it is not theirs, the error when the name is refused.</summary>
    public async Task<(bool Found, DisplayTextError NameError)> RenameAsync(string userId, string passkeyId, string? name)
    {
        if (!TryName(name, out var newName, out var nameError))
        {
            return (true, nameError);
        }

        if (await FindAsync(userId, passkeyId) is not var (user, passkey))
        {
            return (false, default);
        }

        passkey.Name = newName;
        var stored = await users.AddOrUpdatePasskeyAsync(user, passkey);
        return (stored.Succeeded, default);
    }

    /// <summary>Removes one of the user's passkeys, logged; its name, or null when it is not theirs (or not an id at all).</summary>
    public async Task<string?> RemoveAsync(string userId, string? passkeyId, string? administratorId = null)
    {
        if (await FindAsync(userId, passkeyId) is not var (user, passkey))
        {
            return null;
        }

        var removed = await users.RemovePasskeyAsync(user, passkey.CredentialId);
        if (!removed.Succeeded)
        {
            return null;
        }

        await securityLog.WriteAsync(SecurityEventKinds.PasskeyRemoved, user.Id, $"\"{passkey.Name}\"", administratorId);
        return passkey.Name ?? "";
    }

    private async Task<(ApplicationUser User, UserPasskeyInfo Passkey)?> FindAsync(string userId, string? passkeyId)
    {
        if (CredentialIds.Decode(passkeyId) is not { } credentialId || await users.FindByIdAsync(userId) is not { } user
            || await users.GetPasskeyAsync(user, credentialId) is not { } passkey)
        {
            return null;
        }

        return (user, passkey);
    }
}
