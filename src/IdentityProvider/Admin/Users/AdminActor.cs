using System.Security.Claims;
using IdentityProvider.Users;

namespace IdentityProvider.Admin.Users;

/// <summary>What the one acting in the admin area or the admin API may do.</summary>
public enum AdminRights
{
    /// <summary>A user-manager's: the user pages and endpoints, never on an administrator.</summary>
    Users,

    /// <summary>An administrator's: everything.</summary>
    Everything,
}

/// <summary>
/// Who acts: the id the security log names (a user's, or a service client's) and the rights it acts with. The services a
/// user-manager may call take it, so they can refuse what those rights do not reach (a change to an administrator).
/// </summary>
public sealed record AdminActor(string Id, AdminRights Rights)
{
    public bool ManagesUsersOnly => Rights == AdminRights.Users;

    /// <summary>A signed-in person in the admin area (the area's policy let them in): an administrator, else a user-manager.</summary>
    public static AdminActor SignedIn(ClaimsPrincipal principal, string userId) =>
        new(userId, principal.IsInRole(ProviderRoles.Administrator) ? AdminRights.Everything : AdminRights.Users);
}
