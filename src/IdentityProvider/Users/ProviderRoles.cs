namespace IdentityProvider.Users;

/// <summary>The roles the provider itself gives a meaning to; any other role is the operators' own.</summary>
public static class ProviderRoles
{
    /// <summary>The admin area and API (after both steps), and personal access tokens carrying the admin API's scope.</summary>
    public const string Administrator = "admin";

    /// <summary>
    /// The user pages of the admin area and the user endpoints of the admin API (after both steps): find and view users,
    /// lock and unlock, reset a password, two-step and token help, assign hardware tokens; never on an administrator,
    /// never roles, creation, deletion, clients, scopes, policy, the token inventory or the security log.
    /// </summary>
    public const string UserManager = "user-manager";
}
