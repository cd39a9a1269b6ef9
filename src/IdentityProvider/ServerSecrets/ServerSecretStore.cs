using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.ServerSecrets;

/// <summary>
/// Keys the provider makes for itself and keeps in the database, encrypted with Data Protection,
/// so that restarts and other instances use the same ones.
/// </summary>
public sealed class ServerSecretStore(ApplicationDbContext db, IDataProtectionProvider dataProtection, TimeProvider time)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("IdentityProvider.ServerSecrets");

    public async Task<byte[]> GetOrCreateAsync(string name, Func<byte[]> create, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(name, cancellationToken) is { } existing)
        {
            return existing;
        }

        var value = create();
        db.ServerSecrets.Add(new ServerSecret
        {
            Name = name,
            ProtectedValue = Convert.ToBase64String(protector.Protect(value)),
            CreatedAt = time.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return value;
        }
        catch (DbUpdateException)
        {
            // Another instance created it first: use theirs.
            db.ChangeTracker.Clear();
            return await FindAsync(name, cancellationToken) ?? throw new InvalidOperationException($"Server secret '{name}' could not be stored.");
        }
    }

    private async Task<byte[]?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var stored = await db.ServerSecrets.AsNoTracking()
            .Where(secret => secret.Name == name)
            .Select(secret => secret.ProtectedValue)
            .FirstOrDefaultAsync(cancellationToken);
        return stored is null ? null : protector.Unprotect(Convert.FromBase64String(stored));
    }
}
