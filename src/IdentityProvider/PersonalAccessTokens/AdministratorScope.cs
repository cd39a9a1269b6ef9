namespace IdentityProvider.PersonalAccessTokens;

/// <summary>
/// The admin API's scope on personal access tokens: only an administrator may create a token carrying it, and
/// an exchange grants it only while the token's user is an administrator.
/// Note: the same name as <c>IdentityProvider.Admin.Api.AdminApiAccess.Scope</c>, repeated here because
/// PersonalAccessTokens must not depend on Admin (a test checks they agree).
/// </summary>
public static class AdministratorScope
{
    public const string Name = "idp.admin";

    /// <summary>The token endpoint's error_description (protocol text, English as OAuth's are).</summary>
    public const string ExchangeRefusal = "Only an administrator's token may be exchanged for the scope " + Name + ".";

    /// <summary>
    /// The scopes an exchange grants once the user's role is known: unchanged for an administrator; without
    /// <see cref="Name"/> for anyone else when it was not asked for; null (refused, invalid_scope) when it was.
    /// Warning: a token created while its user was an administrator must not keep the scope after the role is gone.
    /// </summary>
    public static string[]? Restrict(string[] granted, IEnumerable<string> requested, bool isAdministrator)
    {
        if (isAdministrator || !granted.Contains(Name, StringComparer.Ordinal))
        {
            return granted;
        }

        return requested.Contains(Name, StringComparer.Ordinal) ? null : granted.Where(scope => scope != Name).ToArray();
    }
}
