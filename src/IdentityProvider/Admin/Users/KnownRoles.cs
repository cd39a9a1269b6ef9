using IdentityProvider.Data;
using IdentityProvider.Users;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.Admin.Users;

/// <summary>
/// The roles an administrator picks from: the built-in ones and every role some user was ever given. A new one is typed
/// once (and checked by <see cref="UserFields.CheckRoles"/>), so a typo no longer silently creates a role.
/// </summary>
public sealed class KnownRoles(ApplicationDbContext db)
{
    public async Task<IReadOnlyList<string>> ListAsync() =>
        [.. (await db.Roles.AsNoTracking().Select(role => role.Name!).Where(name => name != null).ToListAsync())
            .Union([ProviderRoles.Administrator, ProviderRoles.UserManager], StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)];
}
