namespace IdentityProvider.PersonalAccessTokens;

/// <summary>
/// The admin API's scopes on personal access tokens (<see cref="Name"/> for the whole API, <see cref="UsersName"/> for
/// its user endpoints): only an administrator or a user-manager may create a token carrying one, and an exchange grants
/// it only while the token's user still has one of those roles (the admin API then gives the role's rights, no more).
/// Note: the same names as <c>IdentityProvider.Admin.Api.AdminApiAccess.Scope</c> and <c>UsersScope</c>, repeated here
/// because PersonalAccessTokens must not depend on Admin (a test checks they agree).
/// </summary>
public static class AdministratorScope
{
    public const string Name = "idp.admin";

    public const string UsersName = "idp.users";

    /// <summary>The token endpoint's error_description (protocol text, English as OAuth's are).</summary>
    public const string ExchangeRefusal =
        "Only an administrator's or a user-manager's token may be exchanged for the scope " + Name + " or " + UsersName + ".";

    /// <summary>Whether <paramref name="scope"/> is one of the admin API's.</summary>
    public static bool IsAdminApi(string scope) => scope is Name or UsersName;

    /// <summary>
    /// The scopes an exchange grants once the user's roles are known: unchanged for an administrator or a user-manager;
    /// without the admin API's scopes for anyone else when none was asked for; null (refused, invalid_scope) when one was.
    /// Warning: a token created while its user had the role must not keep the scope after the role is gone.
    /// </summary>
    public static string[]? Restrict(string[] granted, IEnumerable<string> requested, bool mayUseAdminApi)
    {
        if (mayUseAdminApi || !granted.Any(IsAdminApi))
        {
            return granted;
        }

        return requested.Any(IsAdminApi) ? null : granted.Where(scope => !IsAdminApi(scope)).ToArray();
    }
}
