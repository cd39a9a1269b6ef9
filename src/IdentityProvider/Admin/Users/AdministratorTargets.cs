using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.Admin.Users;

/// <summary>
/// The limit of a user-manager's rights: no change to the account of an administrator (the user pages and endpoints
/// still show it). Every service method a user-manager may call asks here once it has found the user.
/// </summary>
internal static class AdministratorTargets
{
    public static readonly Sentence NotOnAdministrator = new("User.NotOnAdministrator");

    /// <summary>The refusal when <paramref name="actor"/> manages users only and <paramref name="target"/> is an administrator; else null.</summary>
    public static async Task<Refusal?> RefusalAsync(this UserManager<ApplicationUser> users, AdminActor actor, ApplicationUser target) =>
        actor.ManagesUsersOnly && await users.IsInRoleAsync(target, ProviderRoles.Administrator) ? ChangeResult.Forbidden(NotOnAdministrator) : null;
}
