namespace IdentityProvider.Users;

/// <summary>The roles the provider itself gives a meaning to; any other role is the operators' own.</summary>
public static class ProviderRoles
{
    /// <summary>The admin area and API (after both steps), and personal access tokens carrying the admin API's scope.</summary>
    public const string Administrator = "admin";
}
